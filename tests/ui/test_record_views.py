"""People, Feedback, Goals and Skills views on a real journal: create, edit and delete through
the widgets, links that open the linked record, and undo that restores record and links."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from conftest import OpenWindow, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from seed_rows import add_internship

from pmjournal.domain.goals import GoalDraft
from pmjournal.services.records.feedback import get_feedback, list_feedback
from pmjournal.services.records.goals import add_goal, get_goal, list_goals
from pmjournal.services.records.people import find_person, list_people
from pmjournal.services.records.skills import get_skill, list_skills
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.views.marks import lock_mark, locked

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def show(qtbot: QtBot, window: MainWindow, number: int) -> None:
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), ALT)


def add_person(qtbot: QtBot, window: MainWindow, name: str) -> None:
    view = window.records.people
    view.new_name.setFocus()
    qtbot.keyClicks(view.new_name, name)
    qtbot.keyClick(view.new_name, Qt.Key.Key_Return)


def record_feedback(qtbot: QtBot, window: MainWindow, text: str, person: str) -> None:
    view = window.records.feedback
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.text, text)
    dialog.person.setCurrentText(person)
    dialog.kind.setCurrentText("constructive")
    dialog.check("skills", "Communication")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_people_are_created_edited_linked_to_their_feedback_and_deleted_with_undo(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    show(qtbot, window, 6)
    people = window.records.people
    add_person(qtbot, window, "Ada Mentor")
    assert people.names() == ["Ada Mentor — peer"]
    people.relationship.setCurrentText("mentor")
    people.confidential.setChecked(True)
    qtbot.keyClicks(people.title, "Staff PM")
    qtbot.mouseClick(people.save_button, Qt.MouseButton.LeftButton)
    ada = find_person(window.journal, "Ada Mentor")
    assert (ada.relationship.value, ada.title, ada.confidential) == ("mentor", "Staff PM", True)
    assert people.names() == [locked("Ada Mentor — mentor", True)]

    people.email.setText("not an email")
    qtbot.mouseClick(people.save_button, Qt.MouseButton.LeftButton)
    assert people.error.isVisible() and people.error.field == "email"
    assert find_person(window.journal, "Ada Mentor").email == ""

    show(qtbot, window, 4)
    record_feedback(qtbot, window, "Your brief was clear; cut the appendix", "Ada Mentor")
    given = list_feedback(window.journal).items
    assert [(f.person, f.kind, f.skills) for f in given] == [
        ("Ada Mentor", "constructive", ("Communication",))
    ]
    window.records.feedback._follow("person:Ada Mentor")
    assert window.stack.currentWidget() is people
    assert people.given.count() == 1
    people.given.setCurrentRow(0)
    people.given.setFocus()
    qtbot.keyClick(people.given, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.records.feedback
    assert window.records.feedback.list.currentItem() is not None

    show(qtbot, window, 6)
    people.open_person("Ada Mentor")
    qtbot.mouseClick(people.delete_button, Qt.MouseButton.LeftButton)
    assert people.confirm is not None
    assert "unlink 1 feedback (kept)" in people.confirm.informativeText()
    people.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert list_people(window.journal).total == 0
    assert get_feedback(window.journal, given[0].id).person is None  # type: ignore[union-attr]

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert get_feedback(window.journal, given[0].id).person == "Ada Mentor"  # type: ignore[union-attr]
    assert people.names() == [locked("Ada Mentor — mentor", True)]


def test_feedback_is_filtered_followed_up_edited_and_deleted_with_undo(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    show(qtbot, window, 6)
    add_person(qtbot, window, "Bo Manager")
    show(qtbot, window, 4)
    view = window.records.feedback
    record_feedback(qtbot, window, "Great demo", "Bo Manager")
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    assert view.dialog is not None
    view.dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert view.dialog.error.isVisible() and view.dialog.error.field == "text"
    view.dialog.reject()
    assert list_feedback(window.journal).total == 1

    view.list.setCurrentRow(0)
    qtbot.keyClicks(view.follow_text, "Rehearsed twice")
    qtbot.mouseClick(view.follow_save, Qt.MouseButton.LeftButton)
    view.open_only.setChecked(True)
    assert len(view.lines()) == 1 and "follow-up open" in view.lines()[0]
    view.list.setCurrentRow(0)
    view.follow_done.setChecked(True)
    qtbot.mouseClick(view.follow_save, Qt.MouseButton.LeftButton)
    assert view.lines() == []
    given = list_feedback(window.journal).items[0]
    assert given.follow_up.done and given.follow_up.on == date.today()

    view.open_only.setChecked(False)
    view.kind.setCurrentIndex(view.kind.findData("praise"))
    assert view.lines() == []
    view.kind.setCurrentIndex(0)
    view.list.setCurrentRow(0)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert view.dialog is not None
    view.dialog.confidential.setChecked(True)
    view.dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert get_feedback(window.journal, given.id).confidential  # type: ignore[union-attr]
    assert view.lines()[0].startswith(lock_mark())

    view.list.setCurrentRow(0)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert view.confirm is not None and "1 skill" in view.confirm.informativeText()
    view.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert list_feedback(window.journal).total == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    back = list_feedback(window.journal).items
    assert [(f.text, f.person, f.skills, f.follow_up.done) for f in back] == [
        ("Great demo", "Bo Manager", ("Communication",), True)
    ]
    assert len(view.lines()) == 1


def test_goals_check_in_in_two_keystrokes_and_overdue_is_said_gently(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    late = date.today() - timedelta(days=3)
    add_goal(window.journal, GoalDraft("Run a usability test", target_date=late))
    show(qtbot, window, 5)
    view = window.records.goals
    assert view.lines() == [
        f"Run a usability test · by {late:%d %b %Y} · open · 3 days past its date"
    ]

    view.new_title.setFocus()
    qtbot.keyClicks(view.new_title, "Present at demo day")
    qtbot.keyClick(view.new_title, Qt.Key.Key_Return)
    assert view.target.hasFocus()
    qtbot.keyClicks(view.target, "someday")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.error.isVisible() and view.error.field == "target_date"
    view.target.setText("2030-05-01")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    demo = next(g for g in list_goals(window.journal).items if g.title == "Present at demo day")
    assert demo.target_date == date(2030, 5, 1)

    view.list.setFocus()
    view.list.setCurrentRow(0)
    view.checkin_progress.setValue(40)
    qtbot.keyClick(view.list, Qt.Key.Key_Return, CTRL)
    assert view.checkin_note.hasFocus()
    qtbot.keyClick(view.checkin_note, Qt.Key.Key_Return)
    usability = next(g for g in list_goals(window.journal).items if g.id != demo.id)
    assert [c.progress for c in usability.checkins] == [40]

    view.open_goal(usability.id)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert view.confirm is not None and "1 check-in" in view.confirm.informativeText()
    view.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert get_goal(window.journal, usability.id) is None
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    again = [g for g in list_goals(window.journal).items if g.title == "Run a usability test"]
    assert len(again) == 1 and again[0].progress == 40


def test_a_goal_keeps_its_internship_and_a_check_in_written_later_its_day(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    internship_id = add_internship(window.journal, "Northwind Health")
    show(qtbot, window, 5)
    view = window.records.goals
    view.new_title.setFocus()
    qtbot.keyClicks(view.new_title, "Ship one feature end to end")
    qtbot.keyClick(view.new_title, Qt.Key.Key_Return)
    view.internship.setFocus()
    qtbot.keyClick(view.internship, Qt.Key.Key_Down)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    [goal] = list_goals(window.journal).items
    assert goal.internship_id == internship_id
    assert view.internship.currentText() == "PM Intern at Northwind Health"

    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(view.checkin_note, "Reminders in pilot")
    view.checkin_on.setFocus()
    qtbot.keyClicks(view.checkin_on, "15 June")
    qtbot.keyClick(view.checkin_on, Qt.Key.Key_Return)
    assert view.error.isVisible() and view.error.field == "day"
    assert get_goal(window.journal, goal.id).checkins == ()  # type: ignore[union-attr]
    view.checkin_on.clear()
    qtbot.keyClicks(view.checkin_on, "2026-06-15")
    qtbot.keyClick(view.checkin_on, Qt.Key.Key_Return)
    assert view.checkin_on.text() == ""
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(view.checkin_note, Qt.Key.Key_Return)
    checkins = get_goal(window.journal, goal.id).checkins  # type: ignore[union-attr]
    assert [c.date for c in checkins] == [date(2026, 6, 15), date.today()]
    assert get_goal(window.journal, goal.id).internship_id == internship_id  # type: ignore[union-attr]


def test_skills_show_evidence_coverage_and_practice_and_rename_keeps_links(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    show(qtbot, window, 3)
    view = window.records.skills
    rows = view.skill_rows()
    evidenced = max(list_skills(window.journal).items, key=lambda s: s.evidence_count)
    assert rows[evidenced.name] == str(evidenced.evidence_count)
    assert view.coverage.text().startswith("<b>Coverage</b>:")
    assert sum(view.chart.counts()) > 0

    view.open_skill(evidenced.name)
    assert view.evidence.count() == evidenced.evidence_count
    first = view.evidence.item(0)
    kind, key = first.data(Qt.ItemDataRole.UserRole)
    view.evidence.setCurrentItem(first)
    view.evidence.setFocus()
    qtbot.keyClick(view.evidence, Qt.Key.Key_Return)
    opened = {
        "entry": lambda: window.journal_view.editor.entry_id,
        "project": lambda: window.records.projects.editor.project_id,
        "feedback": lambda: window.records.feedback._current.id,  # type: ignore[union-attr]
    }[kind]()
    assert opened == key
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is view

    view.new_name.setText(f"{evidenced.name} (PM)")
    qtbot.mouseClick(view.rename_button, Qt.MouseButton.LeftButton)
    renamed = get_skill(window.journal, f"{evidenced.name} (PM)")
    assert renamed.evidence_count == evidenced.evidence_count
    assert view.skill_rows()[renamed.name] == str(evidenced.evidence_count)


def test_internships_and_profile_are_edited_and_an_internship_delete_is_undone(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    from pmjournal.services.records.internships import list_internships
    from pmjournal.services.records.profile import get_profile
    from pmjournal.services.records.projects import find_project

    window = open_window(intern_dir)
    window.open_profile()
    dialog = window.profile_dialog
    assert dialog is not None
    assert dialog.profile["name"].text() == "Sam Intern"
    dialog.profile["email"].setText("sam@example.com")
    dialog.links.setPlainText("https://sam.example.com")
    qtbot.mouseClick(dialog.save_profile, Qt.MouseButton.LeftButton)
    assert get_profile(window.journal).links == ("https://sam.example.com",)

    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.fields["organisation"], "Quillmark")
    qtbot.keyClicks(dialog.fields["title"], "PM Intern")
    qtbot.keyClicks(dialog.fields["start_date"], "June")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.internship_error.isVisible()
    assert dialog.internship_error.field == "start_date"
    assert list_internships(window.journal).total == 0
    dialog.fields["start_date"].setText("2026-06-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.labels() == ["PM Intern at Quillmark"]
    dialog.reject()

    show(qtbot, window, 2)
    projects = window.records.projects
    qtbot.keyClicks(projects.new_name, "Digest")
    qtbot.keyClick(projects.new_name, Qt.Key.Key_Return)
    projects.editor.internship.setCurrentText("PM Intern at Quillmark")
    projects.editor.flush()
    assert find_project(window.journal, "Digest").internship == "PM Intern at Quillmark"

    window.open_profile()
    dialog = window.profile_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm is not None
    assert "unlink 1 project (kept)" in dialog.confirm.informativeText()
    dialog.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.labels() == []
    assert find_project(window.journal, "Digest").internship is None
    window.undo_stack.undo()
    assert dialog.labels() == ["PM Intern at Quillmark"]
    assert find_project(window.journal, "Digest").internship == "PM Intern at Quillmark"
