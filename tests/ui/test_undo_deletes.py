"""Skill deletes and merges, category deletes and check-in deletes through the widgets, undone
with the real Ctrl+Z and redone with Ctrl+Shift+Z and Ctrl+Y, on a real journal."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from pmjournal.domain.goals import CheckinDraft, GoalDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.domain.skills import EvidenceSource, SkillDraft
from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.services.records.evidence import add_evidence, list_evidence
from pmjournal.services.records.goals import add_checkin, add_goal, get_goal
from pmjournal.services.records.projects import add_project
from pmjournal.services.records.skills import add_skill, add_skill_category, get_skill, list_skills
from pmjournal.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def show(qtbot: QtBot, window: MainWindow, number: int) -> None:
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), ALT)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow, key: str) -> None:
    if key == "Ctrl+Y":
        qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    else:
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)


def confirm(box: QMessageBox | None) -> str:
    assert box is not None and box.isVisible()
    said = box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    return said


def skill_names(journal: Journal) -> set[str]:
    return {s.name for s in list_skills(journal, limit=1000).items}


def notes(journal: Journal, skill: str) -> list[tuple[str, int, str]]:
    return sorted(
        (e.source, e.source_id, e.note) for e in list_evidence(journal, skill=skill).items
    )


def seed_pricing(journal: Journal) -> int:
    """'Pricing' practised in two entries and by a project; returns the first entry's id."""
    add_skill(journal, SkillDraft("Pricing", "Strategy & discovery", "Packaging and plans"))
    first = add_entry(journal, EntryDraft("Priced the tiers", skills=["Pricing"])).value.id
    add_entry(journal, EntryDraft("Ran a price test", skills=["Pricing"]))
    add_project(journal, ProjectDraft("Plans page"))
    add_evidence(journal, "Pricing", EvidenceSource(project="Plans page"), "owned the tiers")
    return first


def test_a_deleted_skill_comes_back_with_its_evidence_and_chips(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    journal = window.journal
    first = seed_pricing(journal)
    window.journal_view.open_entry_id(first)
    editor = window.journal_view.editor
    assert "+Pricing" in editor.chips.chip_texts()
    show(qtbot, window, 3)
    view = window.records.skills
    view.open_skill("Pricing")
    assert view.evidence.count() == 3

    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert "delete 3 skill evidence with it" in confirm(view.confirm)
    assert "Pricing" not in skill_names(journal)
    assert "Pricing" not in view.skill_rows()
    qtbot.waitUntil(lambda: "+Pricing" not in editor.chips.chip_texts())

    undo(qtbot, window)
    skill = get_skill(journal, "Pricing")
    assert (skill.category, skill.description, skill.evidence_count) == (
        "Strategy & discovery",
        "Packaging and plans",
        3,
    )
    assert view.skill_rows()["Pricing"] == "3"
    assert view.evidence.count() == 3
    qtbot.waitUntil(lambda: "+Pricing" in editor.chips.chip_texts())

    redo(qtbot, window, "Ctrl+Shift+Z")
    assert "Pricing" not in skill_names(journal)
    undo(qtbot, window)
    assert get_skill(journal, "Pricing").evidence_count == 3
    redo(qtbot, window, "Ctrl+Y")
    assert "Pricing" not in skill_names(journal)


def test_a_merge_is_split_again_by_ctrl_z(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    journal = window.journal
    first = seed_pricing(journal)
    add_evidence(journal, "Market research", EvidenceSource(entry_id=first), "sized it")
    before = {
        name: sorted(
            (e.source, e.source_id, e.note) for e in list_evidence(journal, skill=name).items
        )
        for name in ("Pricing", "Market research")
    }
    show(qtbot, window, 3)
    view = window.records.skills
    view.open_skill("Pricing")
    view.merge_into.setCurrentText("Market research")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert "Pricing" not in skill_names(journal)
    assert view.skill_rows()["Market research"] == "3", "the two notes about one entry joined"
    assert ("entry", first, "sized it") in notes(journal, "Market research")

    undo(qtbot, window)
    after = {
        name: sorted(
            (e.source, e.source_id, e.note) for e in list_evidence(journal, skill=name).items
        )
        for name in ("Pricing", "Market research")
    }
    assert after == before
    assert (view.skill_rows()["Pricing"], view.skill_rows()["Market research"]) == ("3", "1")
    assert get_skill(journal, "Pricing").category == "Strategy & discovery"

    redo(qtbot, window, "Ctrl+Y")
    assert "Pricing" not in skill_names(journal)
    assert get_skill(journal, "Market research").evidence_count == 3


def _category_item(view: object, name: str) -> QTreeWidgetItem:
    tree = view.tree  # type: ignore[attr-defined]
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        if item.text(0) == name:
            return item
    raise AssertionError(f"no category {name!r} in the tree")


def test_a_deleted_category_files_its_skills_back_on_ctrl_z(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    journal = window.journal
    add_skill_category(journal, "Design")
    add_skill(journal, SkillDraft("Wireframing", "Design"))
    add_skill(journal, SkillDraft("Sketching", "Design"))
    show(qtbot, window, 3)
    view = window.records.skills
    assert not view.delete_category_button.isEnabled()
    design = _category_item(view, "Design")
    view.tree.setCurrentItem(design.child(0))
    assert view.delete_category_button.text() == "Delete category “Design”…"
    view.tree.setCurrentItem(design)
    assert view.delete_category_button.isEnabled()

    qtbot.mouseClick(view.delete_category_button, Qt.MouseButton.LeftButton)
    assert "unlink 2 skills (kept)" in confirm(view.confirm)
    assert get_skill(journal, "Wireframing").category is None
    other = _category_item(view, "Other skills")
    assert {other.child(i).text(0) for i in range(other.childCount())} == {
        "Sketching",
        "Wireframing",
    }

    undo(qtbot, window)
    design = _category_item(view, "Design")
    assert {design.child(i).text(0) for i in range(design.childCount())} == {
        "Sketching",
        "Wireframing",
    }
    assert get_skill(journal, "Sketching").category == "Design"

    redo(qtbot, window, "Ctrl+Shift+Z")
    assert get_skill(journal, "Sketching").category is None


def test_a_deleted_check_in_comes_back_and_the_progress_with_it(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    journal = window.journal
    goal = add_goal(journal, GoalDraft("Run a usability test")).value
    add_checkin(journal, goal.id, CheckinDraft("recruited five", progress=30))
    add_checkin(journal, goal.id, CheckinDraft("ran three sessions", progress=70))
    show(qtbot, window, 5)
    view = window.records.goals
    view.open_goal(goal.id)
    assert view.lines()[0].endswith("70%")

    view.checkins.setFocus()
    view.checkins.setCurrentRow(0)
    qtbot.keyClick(view.checkins, Qt.Key.Key_Delete)
    assert "progress" in confirm(view.confirm)
    assert get_goal(journal, goal.id).progress == 30  # type: ignore[union-attr]
    assert view.lines()[0].endswith("30%") and view.checkins.count() == 1

    undo(qtbot, window)
    back = get_goal(journal, goal.id)
    assert back is not None and back.progress == 70
    assert [c.note for c in back.checkins] == ["recruited five", "ran three sessions"]
    assert view.lines()[0].endswith("70%") and view.checkins.count() == 2

    redo(qtbot, window, "Ctrl+Y")
    assert get_goal(journal, goal.id).progress == 30  # type: ignore[union-attr]
    redo_line = view.lines()[0]
    assert redo_line.endswith("30%")
