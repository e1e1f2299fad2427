"""A whole internship entered through the app's widgets gives the same portfolio as the same
records entered with the CLI: profile, internship, person, project with its case study and a
metric, an entry linking a skill, feedback, and a goal with a check-in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_process import run_pmjournal
from conftest import OpenWindow, commit, type_in_cell, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from pmjournal.services.journal import open_journal
from pmjournal.services.portfolio.build import prepare_portfolio
from pmjournal.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
MADE_ON = date(2026, 9, 1)
PROJECT = "Guided onboarding checklist"
CASE = {
    "summary": "A setup checklist that lifted 7-day onboarding completion from 42% to 58%.",
    "context": "A 14-day self-serve trial; workspaces that finish setup convert at 27%.",
    "problem": "Only 42% of new workspaces completed onboarding within seven days.",
    "role": "I coded 148 setup tickets, interviewed six users and wrote the spec.",
    "approach": "I compared a product tour with a persistent checklist and chose the checklist.",
    "outcome": "Completion rose to 58% in the test group; we rolled it out to everyone.",
    "learnings": "Raw ticket text was worth more than the ticket tags.",
}
ENTRY = "Interviewed six trial users about setup "
FEEDBACK = "Your launch notes were the first ones my team didn't have to rewrite."


def by_cli(folder: Path, cwd: Path) -> None:
    commands = [
        ["profile", "--name", "Sam Intern", "--headline", "Product intern"],
        [
            "internship",
            "add",
            "--organisation",
            "Quillmark",
            "--title",
            "Product Management Intern",
            "--start",
            "2026-06-01",
            "--end",
            "2026-08-21",
        ],
        [
            "person",
            "add",
            "Grace Adeyemi",
            "--relationship",
            "manager",
            "--title",
            "Group Product Manager",
        ],
        [
            "project",
            "add",
            PROJECT,
            "--internship",
            "Quillmark",
            "--status",
            "shipped",
            "--start",
            "2026-06-08",
            "--end",
            "2026-08-14",
            *(arg for field, text in CASE.items() for arg in (f"--{field}", text)),
        ],
        [
            "metric",
            "add",
            "--project",
            PROJECT,
            "--name",
            "7-day onboarding completion",
            "--baseline",
            "42",
            "--result",
            "58",
            "--unit",
            "%",
            "--better",
            "higher",
            "--measured-on",
            "2026-07-20",
        ],
        ["add", "--text", ENTRY.strip(), "--project", PROJECT, "--skill", "User research"],
        [
            "feedback",
            "add",
            "--text",
            FEEDBACK,
            "--date",
            "2026-08-03",
            "--person",
            "Grace Adeyemi",
            "--kind",
            "praise",
            "--project",
            PROJECT,
            "--skill",
            "Communication",
        ],
        [
            "goal",
            "add",
            "--title",
            "Run five user interviews on my own",
            "--target-date",
            "2026-07-31",
        ],
    ]
    for command in commands:
        done = run_pmjournal(*command, "--data-dir", folder, cwd=cwd)
        assert done.returncode == 0, (command, done.stderr)


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """A dialog closed: the window is active again, as the window manager makes it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focus_type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


def by_widgets(qtbot: QtBot, window: MainWindow) -> None:
    welcome = window.welcome_dialog
    assert welcome is not None
    welcome.reject()
    back_to(qtbot, window)

    window.open_profile()
    profile = window.profile_dialog
    assert profile is not None
    qtbot.keyClicks(profile.profile["name"], "Sam Intern")
    qtbot.keyClicks(profile.profile["headline"], "Product intern")
    qtbot.mouseClick(profile.save_profile, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profile.new_button, Qt.MouseButton.LeftButton)
    for field, text in (
        ("organisation", "Quillmark"),
        ("title", "Product Management Intern"),
        ("start_date", "2026-06-01"),
        ("end_date", "2026-08-21"),
    ):
        qtbot.keyClicks(profile.fields[field], text)
    qtbot.mouseClick(profile.save_button, Qt.MouseButton.LeftButton)
    assert profile.labels() == ["Product Management Intern at Quillmark"]
    profile.reject()
    back_to(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_6, ALT)
    people = window.records.people
    qtbot.keyClicks(people.new_name, "Grace Adeyemi")
    qtbot.keyClick(people.new_name, Qt.Key.Key_Return)
    people.relationship.setCurrentText("manager")
    qtbot.keyClicks(people.title, "Group Product Manager")
    qtbot.mouseClick(people.save_button, Qt.MouseButton.LeftButton)

    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    projects = window.records.projects
    qtbot.keyClicks(projects.new_name, PROJECT)
    qtbot.keyClick(projects.new_name, Qt.Key.Key_Return)
    editor = projects.editor
    editor.status.setCurrentText("shipped")
    editor.internship.setCurrentText("Product Management Intern at Quillmark")
    qtbot.keyClicks(editor.start, "2026-06-08")
    qtbot.keyClicks(editor.end, "2026-08-14")
    for field, text in CASE.items():
        focus_type(qtbot, editor.fields[field], text)
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    qtbot.mouseClick(editor.metrics.add_button, Qt.MouseButton.LeftButton)
    name_cell = QApplication.focusWidget()
    assert name_cell is not None
    qtbot.keyClicks(name_cell, "7-day onboarding completion")
    commit(qtbot, name_cell)
    for column, text in enumerate(("42", "58", "%", "higher", "2026-07-20"), start=1):
        type_in_cell(qtbot, editor.metrics.table, 0, column, text)
    assert editor.metrics.metric_ids() != [None]

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    text = window.journal_view.editor.text
    qtbot.keyClicks(text, ENTRY)
    qtbot.keyClicks(text, "@")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClicks(text, "+User")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5000)

    qtbot.keyClick(window, Qt.Key.Key_4, ALT)
    feedback = window.records.feedback
    qtbot.mouseClick(feedback.record_button, Qt.MouseButton.LeftButton)
    dialog = feedback.dialog
    assert dialog is not None
    type_text(dialog.text, FEEDBACK)
    dialog.day.setDate(date(2026, 8, 3))
    dialog.person.setCurrentText("Grace Adeyemi")
    dialog.check("projects", PROJECT)
    dialog.check("skills", "Communication")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    back_to(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_5, ALT)
    goals = window.records.goals
    qtbot.keyClicks(goals.new_title, "Run five user interviews on my own")
    qtbot.keyClick(goals.new_title, Qt.Key.Key_Return)
    qtbot.keyClicks(goals.target, "2026-07-31")
    qtbot.mouseClick(goals.save_button, Qt.MouseButton.LeftButton)


def portfolio_html(folder: Path) -> str:
    journal = open_journal(folder, auto_backup=False)
    try:
        return prepare_portfolio(journal, today=MADE_ON).html
    finally:
        journal.close()


def test_the_internship_entered_in_the_app_makes_the_portfolio_the_cli_makes(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    app_dir, cli_dir = tmp_path / "app", tmp_path / "cli"
    window = open_window(app_dir)
    by_widgets(qtbot, window)
    window.close()
    window.journal.close()
    by_cli(cli_dir, tmp_path)

    from_app, from_cli = portfolio_html(app_dir), portfolio_html(cli_dir)
    assert "58%" in from_cli and CASE["approach"] in from_cli and "Grace Adeyemi" in from_cli
    assert from_app == from_cli
