"""The Projects view on a real journal: create, case study with autosave, readiness, metrics
checked as typed, links both ways, delete and undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from conftest import OpenWindow, commit, drop_files, type_in_cell, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from seed_rows import add_project

from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.services.journal import open_journal
from pmjournal.services.records.attachments import list_attachments
from pmjournal.services.records.entries import get_entry
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.metrics import list_metrics
from pmjournal.services.records.projects import find_project, list_projects
from pmjournal.ui.journal_ops import EntryFields, save_entry
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.tasks import SyncRunner
from pmjournal.ui.views.metrics_table import MetricsTable
from pmjournal.ui.views.tree_items import leaves

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def projects_of(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    assert window.stack.currentWidget() is window.records.projects


def new_project(qtbot: QtBot, window: MainWindow, name: str) -> None:
    view = window.records.projects
    view.new_name.setFocus()
    qtbot.keyClicks(view.new_name, name)
    qtbot.keyClick(view.new_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.editor.name.text() == name)


def wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    label = window.records.projects.editor.save_state
    qtbot.waitUntil(lambda: label.text() == "Saved", timeout=5000)


def test_a_case_study_typed_in_autosaves_and_the_checklist_follows(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    projects_of(qtbot, window)
    new_project(qtbot, window, "Onboarding checklist")
    editor = window.records.projects.editor
    assert editor.readiness_gaps() == ["role", "approach", "outcome", "feedback", "skills"]

    editor.readiness.setFocus()
    editor.readiness.setCurrentRow(0)
    qtbot.keyClick(editor.readiness, Qt.Key.Key_Return)
    assert editor.fields["role"].hasFocus()
    type_text(editor.fields["role"], "I ran five interviews")
    wait_saved(qtbot, window)

    assert find_project(window.journal, "Onboarding checklist").role == "I ran five interviews"
    assert editor.readiness_gaps() == ["approach", "outcome", "feedback", "skills"]
    editor.fields["approach"].setFocus()
    type_text(editor.fields["approach"], "Interviews, then a prototype — I chose speed")
    editor.skill_picker.setCurrentText("Communication")
    qtbot.mouseClick(editor.link_skill, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, window)
    assert editor.readiness_gaps() == ["outcome", "feedback"]
    assert editor.skill_chip_names() == ["Communication"]


def test_a_bad_metric_value_is_named_next_to_the_table_and_saves_nothing(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    projects_of(qtbot, window)
    new_project(qtbot, window, "Search latency")
    metrics = window.records.projects.editor.metrics
    qtbot.mouseClick(metrics.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert editor is not None, "the new row's name is being edited"
    qtbot.keyClicks(editor, "p95 latency")
    commit(qtbot, editor)
    assert metrics.error.isVisible()  # no result yet: refused, named
    assert list_metrics(window.journal).total == 0

    type_in_cell(qtbot, metrics.table, 0, 2, "fast")
    assert metrics.error.isVisible()
    assert "'fast' is not a number" in metrics.error.text()
    assert metrics.error.field == "result"
    assert list_metrics(window.journal).total == 0

    type_in_cell(qtbot, metrics.table, 0, 2, "120")
    type_in_cell(qtbot, metrics.table, 0, 1, "300")
    type_in_cell(qtbot, metrics.table, 0, 3, "ms")
    type_in_cell(qtbot, metrics.table, 0, 4, "lower")
    assert not metrics.error.isVisible()
    saved = list_metrics(window.journal).items
    assert [(m.name, m.baseline, m.result, m.unit) for m in saved] == [
        ("p95 latency", 300, 120, "ms")
    ]
    qtbot.waitUntil(lambda: metrics.table.item(0, 6).text() == saved[0].change_text)
    assert "300 ms → 120 ms" in metrics.table.item(0, 6).text()
    assert window.records.projects.editor.readiness_gaps() == [
        "role",
        "approach",
        "feedback",
        "skills",
    ]


def test_a_refill_arriving_while_a_cell_is_typed_into_keeps_what_is_typed(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    """A save landing mid-typing (an entry saved meanwhile, or the table's own previous save)
    used to refill the table under the open editor: the unit typed never reached the journal."""
    window = open_window(intern_dir)
    projects_of(qtbot, window)
    new_project(qtbot, window, "Search latency")
    metrics = window.records.projects.editor.metrics
    qtbot.mouseClick(metrics.add_button, Qt.MouseButton.LeftButton)
    name_cell = QApplication.focusWidget()
    assert name_cell is not None
    qtbot.keyClicks(name_cell, "p95 latency")
    commit(qtbot, name_cell)
    type_in_cell(qtbot, metrics.table, 0, 2, "120")
    metrics.table.setFocus()
    metrics.table.setCurrentCell(0, 3)
    qtbot.keyClicks(metrics.table, "m")
    unit_cell = QApplication.focusWidget()
    assert unit_cell is not None and unit_cell is not metrics.table

    save_entry(  # as the journal view saves it, publishing the change: the project reloads
        window.journal,
        None,
        EntryFields("Timed p95", date.today(), EntryKind.DAILY, projects=["Search latency"]),
    )
    qtbot.keyClicks(unit_cell, "s")
    commit(qtbot, unit_cell)
    qtbot.waitUntil(lambda: [m.unit for m in list_metrics(window.journal).items] == ["ms"])
    assert metrics.table.item(0, 3).text() == "ms"
    assert window.records.projects.editor.timeline.count() == 1


class HeldRunner:
    """Runs its tasks only when released, in order: the worker thread, slower than the user."""

    def __init__(self) -> None:
        self.queue: list[tuple[Callable[[], Any], Callable[[Any], None], Any]] = []

    def run(self, work: Callable[[], Any], done: Callable[[Any], None], failed: Any = None) -> None:
        self.queue.append((work, done, failed))

    def release(self) -> None:
        SyncRunner().run(*self.queue.pop(0))

    def shutdown(self) -> None:
        while self.queue:
            self.release()


def test_a_new_row_typed_faster_than_its_first_save_is_added_once_with_every_cell(
    qtbot: QtBot, intern_dir: Path
) -> None:
    journal = open_journal(intern_dir, auto_backup=False)
    add_project(journal, "Search latency")
    runner = HeldRunner()
    metrics = MetricsTable(journal, runner)
    qtbot.addWidget(metrics)
    metrics.show()
    metrics.activateWindow()
    qtbot.waitUntil(metrics.isActiveWindow)
    metrics.show_metrics("Search latency", ())
    metrics.add_row()
    name_cell = QApplication.focusWidget()
    assert name_cell is not None
    qtbot.keyClicks(name_cell, "p95 latency")
    commit(qtbot, name_cell)
    for column, text in ((2, "120"), (3, "ms"), (1, "300")):
        type_in_cell(qtbot, metrics.table, 0, column, text)
    assert len(runner.queue) == 1, "the add runs before the row's next save is asked for"

    while runner.queue:
        runner.release()
        qtbot.wait(20)
    saved = list_metrics(journal).items
    journal.close()
    assert [(m.name, m.baseline, m.result, m.unit) for m in saved] == [
        ("p95 latency", 300, 120, "ms")
    ]


def test_typing_a_word_into_a_number_cell_warns_before_it_is_left(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    projects_of(qtbot, window)
    new_project(qtbot, window, "Pricing")
    metrics = window.records.projects.editor.metrics
    qtbot.mouseClick(metrics.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    metrics.table.setFocus()
    metrics.table.setCurrentCell(0, 1)
    qtbot.keyClicks(metrics.table, "4")
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "x")
    assert metrics.error.isVisible() and metrics.error.field == "baseline"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert not metrics.error.isVisible()


def test_links_open_the_linked_record_and_alt_left_comes_back(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    projects_of(qtbot, window)
    view = window.records.projects
    qtbot.waitUntil(lambda: view.editor.project_id is not None)
    project = find_project(window.journal, view.editor.name.text())
    assert view.editor.timeline.count() > 0
    assert view.editor.skill_chip_names()

    first = view.editor.timeline.item(0)
    view.editor.timeline.setFocus()
    view.editor.timeline.setCurrentItem(first)
    qtbot.keyClick(view.editor.timeline, Qt.Key.Key_Return)
    entry_id = first.data(Qt.ItemDataRole.UserRole)
    assert window.stack.currentWidget() is window.journal_view
    assert window.journal_view.editor.entry_id == entry_id
    entry = get_entry(window.journal, entry_id)
    assert isinstance(entry, EntryRecord) and project.name in entry.projects

    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is view
    assert view.editor.project_id == project.id
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert window.stack.currentWidget() is window.journal_view
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)

    skill = view.editor.skill_chip_names()[0]
    assert f'<a href="{skill}">' in view.editor.skill_links.text()
    view.editor.skill_links.linkActivated.emit(skill)  # what a click on the link sends
    skills = window.records.skills
    assert window.stack.currentWidget() is skills
    assert skills.heading.text().startswith(f"<h3>{skill}</h3>")


def test_deleting_a_project_says_what_it_affects_and_undo_brings_back_its_links(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    projects_of(qtbot, window)
    new_project(qtbot, window, "Onboarding")
    entry = save_entry(  # as the journal view saves it, publishing the change
        window.journal,
        None,
        EntryFields("Ran interviews", date.today(), EntryKind.DAILY, projects=["Onboarding"]),
    )
    view = window.records.projects
    qtbot.waitUntil(lambda: view.editor.timeline.count() == 1)

    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert view.confirm is not None
    assert "unlink 1 entry (kept)" in view.confirm.informativeText()
    view.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert list_projects(window.journal).total == 0
    assert view.project_names() == []
    assert get_entry(window.journal, entry.id).projects == ()  # type: ignore[union-attr]

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [p.name for p in list_projects(window.journal).items] == ["Onboarding"]
    assert get_entry(window.journal, entry.id).projects == ("Onboarding",)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.project_names() == ["Onboarding"])
    assert view.editor.timeline.count() == 1
    assert [i.text(0) for i in leaves(view.tree)] == ["Onboarding"]


def test_files_dropped_on_a_project_become_thumbnails_and_a_refusal_is_said(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path, tmp_path: Path
) -> None:
    window = open_window(intern_dir)
    projects_of(qtbot, window)
    new_project(qtbot, window, "Onboarding")
    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2f6fdb"))
    screenshot = tmp_path / "funnel.png"
    assert picture.save(str(screenshot))
    notes = tmp_path / "notes.txt"
    notes.write_text("not an image")
    strip = window.records.projects.editor.attachments

    drop_files(strip.list.viewport(), [screenshot])
    assert [a.filename for a in list_attachments(window.journal, project="Onboarding").items] == [
        "funnel.png"
    ]
    assert strip.names() == ["funnel.png"] and strip.has_thumbnail("funnel.png")

    drop_files(strip.list.viewport(), [notes])
    assert strip.error.isVisible()
    assert list_attachments(window.journal, project="Onboarding").total == 1

    strip.list.setCurrentRow(0)
    qtbot.mouseClick(strip.detach_button, Qt.MouseButton.LeftButton)
    assert strip.names() == []
    assert list_attachments(window.journal, project="Onboarding").total == 0


def test_the_feedback_item_of_the_checklist_opens_the_project_s_feedback(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    projects_of(qtbot, window)
    editor = window.records.projects.editor
    qtbot.waitUntil(lambda: editor.project_id is not None)
    name = editor.name.text()
    row = [editor.readiness.item(i).data(Qt.ItemDataRole.UserRole) for i in range(5)]
    editor.readiness.setFocus()
    editor.readiness.setCurrentRow(row.index("feedback"))
    qtbot.keyClick(editor.readiness, Qt.Key.Key_Return)

    feedback = window.records.feedback
    assert window.stack.currentWidget() is feedback
    assert feedback.project.currentData() == name
    about = list_feedback(window.journal, project=name).total
    assert about > 0 and len(feedback.lines()) == about
