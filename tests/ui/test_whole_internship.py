"""The whole internship of "Record everything"'s scripted test, entered through the app's
widgets with keys and clicks, makes the same portfolio as the same records entered with the CLI.

Both sides read ``scripted_internship``. The app's side is typed as a user would: the welcome,
the profile dialog, the Projects view (case study, metrics typed in place, a file dropped on
the attachment strip), People, the feedback dialog and its follow-up, Goals with two check-ins,
and ten entries written on their days with ``@project`` and ``+skill`` completion. The CLI's
side runs as subprocesses on a worker thread meanwhile, so the test waits for neither twice.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, cast

import scripted_internship as script
from cli_process import run_pmjournal
from conftest import OpenWindow, commit, drop_files, type_in_cell, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pmjournal.services.exchange.json_exchange import build_document
from pmjournal.services.journal import open_journal
from pmjournal.services.portfolio.build import build_portfolio
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.goals import list_goals
from pmjournal.services.records.metrics import list_metrics
from pmjournal.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
WRITTEN_AT = frozenset({"created_at", "updated_at"})


def by_cli(folder: Path, cwd: Path) -> None:
    image = cwd / script.IMAGE_NAME
    image.write_bytes(script.tiny_png())
    for command in script.cli_commands(image):
        done = run_pmjournal("--data-dir", folder, *command, cwd=cwd)
        assert done.returncode == 0, (command, done.stderr)


# what a user's hands do


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """A dialog closed: the window is active again, as the window manager makes it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select all, then type: a date edit, a spin box or a field that holds something."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item of a closed combo box with Home and the arrow keys."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.findText(text)):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def tick(qtbot: QtBot, box: QListWidget, text: str) -> None:
    """Tick an item of a check list: go to it with the arrow keys, then Space."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    row = next(i for i in range(box.count()) if box.item(i).text() == text)
    for _ in range(row):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.item(row).checkState() == Qt.CheckState.Checked


def go_to_day(qtbot: QtBot, window: MainWindow, day: date) -> None:
    """Walk the calendar to ``day`` with the arrow keys: Up and Down by weeks, then by days."""
    calendar = window.journal_view.calendar
    calendar.setFocus()
    grid = QApplication.focusWidget()
    assert isinstance(grid, QAbstractItemView)
    weeks, days = divmod(abs((day - calendar.selected_day()).days), 7)
    later = day > calendar.selected_day()
    for key, times in (
        (Qt.Key.Key_Down if later else Qt.Key.Key_Up, weeks),
        (Qt.Key.Key_Right if later else Qt.Key.Key_Left, days),
    ):
        for _ in range(times):
            qtbot.keyClick(grid, key)
    assert calendar.selected_day() == day


# the internship, view by view


def welcome_and_profile(qtbot: QtBot, window: MainWindow) -> None:
    welcome = window.welcome_dialog
    assert welcome is not None and welcome.isVisible()
    type_into(qtbot, welcome.name, script.PROFILE.name)
    type_into(qtbot, welcome.headline, script.PROFILE.headline)
    type_into(qtbot, welcome.organisation, script.INTERNSHIP.organisation)
    type_into(qtbot, welcome.role, script.INTERNSHIP.title)
    replace_text(qtbot, welcome.start, script.INTERNSHIP.start)
    qtbot.mouseClick(welcome.create_button, LEFT)
    back_to(qtbot, window)

    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    profile = window.profile_dialog
    assert profile is not None
    assert profile.profile["name"].text() == script.PROFILE.name
    type_into(qtbot, profile.profile["email"], script.PROFILE.email)
    qtbot.mouseClick(profile.save_profile, LEFT)
    assert profile.labels() == [script.INTERNSHIP.label]
    type_into(qtbot, profile.fields["team"], script.INTERNSHIP.team)
    type_into(qtbot, profile.fields["end_date"], script.INTERNSHIP.end)
    qtbot.mouseClick(profile.save_button, LEFT)
    assert not profile.internship_error.isVisible()
    qtbot.keyClick(profile, Qt.Key.Key_Escape)
    back_to(qtbot, window)


def people(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_6, ALT)
    view = window.records.people
    for person in script.PEOPLE:
        type_into(qtbot, view.new_name, person.name)
        qtbot.keyClick(view.new_name, Qt.Key.Key_Return)
        assert view.name.text() == person.name
        choose(qtbot, view.relationship, person.relationship)
        type_into(qtbot, view.organisation, person.organisation)
        qtbot.mouseClick(view.save_button, LEFT)
        assert not view.error.isVisible()
    assert len(view.names()) == len(script.PEOPLE)


def projects(qtbot: QtBot, window: MainWindow, image: Path) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    view = window.records.projects
    editor = view.editor
    for project in script.PROJECTS:
        type_into(qtbot, view.new_name, project.name)
        qtbot.keyClick(view.new_name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda name=project.name: editor.name.text() == name)
        choose(qtbot, editor.status, project.status)
        choose(qtbot, editor.internship, script.INTERNSHIP.label)
        type_into(qtbot, editor.start, project.start)
        type_into(qtbot, editor.end, project.end)
        for field, text in project.case_study.items():
            editor.fields[field].setFocus()
            type_text(editor.fields[field], text)
        qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
        for metric in (m for m in script.METRICS if m.project == project.name):
            metrics(qtbot, window, metric)
        if project.name == script.IMAGE_PROJECT:
            drop_files(editor.attachments.list.viewport(), [image])
            assert editor.attachments.names() == [script.IMAGE_NAME]
    assert sorted(view.project_names()) == sorted(p.name for p in script.PROJECTS)


def metrics(qtbot: QtBot, window: MainWindow, metric: script.Metric) -> None:
    """A new row of the metrics table, typed cell by cell; it saves once it has a result."""
    table = window.records.projects.editor.metrics
    qtbot.mouseClick(table.add_button, LEFT)
    name_cell = QApplication.focusWidget()
    assert name_cell is not None
    qtbot.keyClicks(name_cell, metric.name)
    commit(qtbot, name_cell)
    cells = [metric.baseline, metric.result, metric.unit, metric.better or "", metric.measured_on]
    for column, text in enumerate(cells, start=1):
        if text:
            row = [table.row_text(r).name for r in range(table.table.rowCount())].index(metric.name)
            type_in_cell(qtbot, table.table, row, column, text)
    assert not table.error.isVisible(), table.error.text()
    assert None not in table.metric_ids()


def feedback(qtbot: QtBot, window: MainWindow) -> None:
    given = script.FEEDBACK
    qtbot.keyClick(window, Qt.Key.Key_4, ALT)
    view = window.records.feedback
    qtbot.mouseClick(view.record_button, LEFT)
    dialog = view.dialog
    assert dialog is not None
    type_text(dialog.text, given.text)
    replace_text(qtbot, dialog.day, given.day)
    choose(qtbot, dialog.person, given.person)
    choose(qtbot, dialog.kind, given.kind)
    tick(qtbot, dialog.projects, given.project)
    tick(qtbot, dialog.skills, given.skill)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    back_to(qtbot, window)

    assert view.text.toPlainText().count(given.text) == 1, "the new feedback is open"
    type_into(qtbot, view.follow_text, given.follow_up)
    view.follow_done.setFocus()
    qtbot.keyClick(view.follow_done, Qt.Key.Key_Space)
    replace_text(qtbot, view.follow_on, given.follow_up_on)
    qtbot.mouseClick(view.follow_save, LEFT)
    assert not view.error.isVisible()


def goal(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, ALT)
    view = window.records.goals
    type_into(qtbot, view.new_title, script.GOAL.title)
    qtbot.keyClick(view.new_title, Qt.Key.Key_Return)
    assert view.target.hasFocus()
    qtbot.keyClicks(view.target, script.GOAL.target_date)
    choose(qtbot, view.internship, script.INTERNSHIP.label)
    qtbot.mouseClick(view.save_button, LEFT)
    for checkin in script.GOAL.checkins:
        view.list.setFocus()
        qtbot.keyClick(view.list, Qt.Key.Key_Return, CTRL)
        assert view.checkin_note.hasFocus()
        qtbot.keyClicks(view.checkin_note, checkin.note)
        replace_text(qtbot, view.checkin_progress, str(checkin.progress))
        type_into(qtbot, view.checkin_on, checkin.day)
        qtbot.keyClick(view.checkin_on, Qt.Key.Key_Return)
    assert view.checkins.count() == len(script.GOAL.checkins)


def entries(qtbot: QtBot, window: MainWindow) -> None:
    """Each entry on its day: the calendar, Ctrl+Alt+N, the words, then its links completed."""
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)
    editor = window.journal_view.editor
    for entry in script.ENTRIES:
        go_to_day(qtbot, window, date.fromisoformat(entry.day))
        qtbot.keyClick(window, Qt.Key.Key_N, CTRL | ALT)
        assert editor.day == date.fromisoformat(entry.day) and editor.text.hasFocus()
        qtbot.keyClick(editor.text, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(editor.text, entry.text)
        for sigil, name in (("@", entry.project), *(("+", skill) for skill in entry.skills)):
            qtbot.keyClicks(editor.text, f" {sigil}{name.split()[0]}")
            qtbot.keyClick(editor.text, Qt.Key.Key_Return)
        assert editor.links() == {"project": [entry.project], "skill": [*entry.skills], "tag": []}
        qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5000)


# what was recorded, and what it compiles into


def journal_document(folder: Path) -> dict[str, Any]:
    """The journal's JSON export (every record, every field) less when each row was written."""

    def undated(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: undated(v) for k, v in value.items() if k not in WRITTEN_AT}
        return [undated(v) for v in value] if isinstance(value, list) else value

    journal = open_journal(folder, auto_backup=False)
    try:
        return cast(dict[str, Any], undated(build_document(journal)))
    finally:
        journal.close()


PREPARED = re.compile(r"^Prepared \d{1,2} \w+ \d{4}$", re.MULTILINE)
"""The cover's "Prepared 2 Dec 2026": the day each PDF was built, the one line that may differ."""


def portfolio_pages(folder: Path, out: Path) -> list[str]:
    """The text of each page (as ``pdf_checks.pdf_text`` reads it) of the portfolio, built as
    ``pmjournal portfolio`` builds it; the day it was prepared is normalised."""
    journal = open_journal(folder, auto_backup=False)
    try:
        build_portfolio(journal, out)
    finally:
        journal.close()
    pages = [page.extract_text() or "" for page in PdfReader(out).pages]
    assert PREPARED.search(pages[0]), "the cover says when it was prepared"
    return [PREPARED.sub("Prepared (day)", text) for text in pages]


def test_the_whole_internship_entered_in_the_app_makes_the_portfolio_the_cli_makes(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    app_dir, cli_dir, image_dir = tmp_path / "app", tmp_path / "cli", tmp_path / "files"
    image_dir.mkdir()
    image = image_dir / script.IMAGE_NAME
    image.write_bytes(script.tiny_png())
    with ThreadPoolExecutor(max_workers=1) as pool:
        cli_done = pool.submit(by_cli, cli_dir, tmp_path)
        window = open_window(app_dir)
        welcome_and_profile(qtbot, window)
        people(qtbot, window)
        projects(qtbot, window, image)
        feedback(qtbot, window)
        goal(qtbot, window)
        entries(qtbot, window)
        window.close()
        cli_done.result()

    [stored] = list_feedback(window.journal).items
    assert (stored.follow_up.done, stored.follow_up.on) == (True, date(2026, 6, 24))
    assert [c.progress for c in list_goals(window.journal).items[0].checkins] == [40, 80]
    assert {(m.name, m.unit, str(m.better)) for m in list_metrics(window.journal).items} == {
        (m.name, m.unit, m.better or "higher") for m in script.METRICS
    }
    window.journal.close()
    assert journal_document(app_dir) == journal_document(cli_dir), "the same records"

    from_app = portfolio_pages(app_dir, tmp_path / "app.pdf")
    from_cli = portfolio_pages(cli_dir, tmp_path / "cli.pdf")
    assert script.FEEDBACK.text[:30] in "".join(from_cli)
    assert len(from_app) == len(from_cli)
    for page, (app_text, cli_text) in enumerate(zip(from_app, from_cli, strict=True), start=1):
        assert app_text == cli_text, f"page {page}"
