"""Writing an entry from the keyboard: Ctrl+N, words, links by completion, autosave."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from conftest import Keys, OpenWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmjournal.domain.entry_templates import DAILY_PROMPTS, written_words
from pmjournal.services.records.entries import recent_entries
from pmjournal.services.records.link_names import link_names
from pmjournal.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5000)


def write_linked_entry(qtbot: QtBot, window: MainWindow, keys: Keys, words: str) -> None:
    """Ctrl+N, the words, then @ Enter (project), + Tab Enter (two skills)."""
    keys.press(Qt.Key.Key_N, CTRL)
    assert window.journal_view.editor.text.hasFocus()
    keys.words(words)
    keys.type_char("@")
    assert window.journal_view.editor.completer.popup.isVisible()
    keys.press(Qt.Key.Key_Return)
    keys.type_char("+")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Return)
    wait_saved(qtbot, window)


def test_an_entry_linked_to_a_project_and_two_skills_takes_six_keystrokes(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path, keys: Callable[[MainWindow], Keys]
) -> None:
    window = open_window(demo_dir)
    expected = link_names(window.journal)
    typist = keys(window)

    write_linked_entry(
        qtbot, window, typist, "Ran five onboarding interviews; SSO confused 3 admins "
    )

    assert typist.count <= 6
    saved = recent_entries(window.journal, 1)[0]
    assert saved.date == date.today()
    assert "Ran five onboarding interviews" in saved.body
    assert "@" not in saved.body and "+" not in saved.body
    assert saved.projects == (expected.projects[0],)
    assert sorted(saved.skills) == sorted(expected.skills[:2])
    chips = window.journal_view.editor.chips.chip_texts()
    assert chips == [f"@{expected.projects[0]}", *(f"+{s}" for s in expected.skills[:2])]


def test_the_entry_and_its_links_are_there_after_reopening_the_window(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path, keys: Callable[[MainWindow], Keys]
) -> None:
    window = open_window(demo_dir)
    write_linked_entry(qtbot, window, keys(window), "Wrote the pricing page brief ")
    written = recent_entries(window.journal, 1)[0]
    window.close()
    window.journal.close()

    again = open_window(demo_dir)
    view = again.journal_view
    first = view.model.index(0)
    assert "Wrote the pricing page brief" in first.data()
    view.list.setFocus()
    view.list.setCurrentIndex(first)
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert view.editor.entry_id == written.id
    assert "Wrote the pricing page brief" in view.editor.text.toPlainText()
    assert view.editor.links()["project"] == list(written.projects)
    assert len(view.editor.links()["skill"]) == 2


def test_typing_after_a_sigil_filters_and_escape_keeps_the_text(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    editor = window.journal_view.editor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(editor.text, "Met #newtag")
    popup = editor.completer.popup
    assert popup.isVisible()
    assert popup.item(0).text() == "New tag #newtag"
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert "\nMet #newtag\n" in editor.text.toPlainText()
    qtbot.keyClicks(editor.text, " and an email ana@example.com ")
    assert not popup.isVisible()
    qtbot.keyClicks(editor.text, "@zzzz")
    assert popup.item(0).text().startswith("No project matches")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    assert not popup.isVisible()


def test_undo_and_redo_in_the_editor(qtbot: QtBot, open_window: OpenWindow, demo_dir: Path) -> None:
    window = open_window(demo_dir)
    editor = window.journal_view.editor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(editor.text, "first words")
    qtbot.keyClick(editor.text, Qt.Key.Key_Z, CTRL)
    assert "first words" not in editor.text.toPlainText()
    qtbot.keyClick(editor.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "first words" in editor.text.toPlainText()


def test_a_template_on_a_past_day(qtbot: QtBot, open_window: OpenWindow, demo_dir: Path) -> None:
    window = open_window(demo_dir)
    view = window.journal_view
    view.calendar.setFocus()
    days_grid = QApplication.focusWidget()
    qtbot.keyClick(days_grid, Qt.Key.Key_Left)
    qtbot.keyClick(days_grid, Qt.Key.Key_Left)
    past = date.today() - timedelta(days=2)
    assert view.calendar.selected_day() == past

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | ALT)
    assert view.editor.day == past
    text = view.editor.text.toPlainText()
    assert all(f"## {prompt}" in text for prompt in DAILY_PROMPTS)
    qtbot.keyClicks(view.editor.text, "Shipped the checklist to 10% of new workspaces")
    wait_saved(qtbot, window)

    saved = recent_entries(window.journal, 5)
    on_day = [e for e in saved if e.date == past]
    assert len(on_day) == 1
    assert "## What did I work on?\nShipped the checklist" in on_day[0].body
    assert written_words(on_day[0].body) == 8
    assert view.calendar.days[past].words == 8


def test_an_untouched_template_is_not_saved(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    before = recent_entries(window.journal, 1)[0]
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    window.journal_view.editor.save_now()
    assert window.save_state.text() == "Nothing to save yet"
    assert recent_entries(window.journal, 1)[0] == before


def test_delete_then_undo_brings_the_entry_back(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    view = window.journal_view
    newest = recent_entries(window.journal, 1)[0]
    view.list.setFocus()
    view.list.setCurrentIndex(view.model.index(0))
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert view.editor.entry_id == newest.id

    qtbot.keyClick(view.list, Qt.Key.Key_Backspace, CTRL | SHIFT)
    assert recent_entries(window.journal, 1)[0].id != newest.id
    assert view.editor.entry_id is None
    assert window.commands["undo"].text().replace("&", "") == "Undo Delete entry"

    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Z, CTRL)
    restored = recent_entries(window.journal, 1)[0]
    assert (restored.date, restored.body, restored.projects, restored.skills, restored.tags) == (
        newest.date,
        newest.body,
        newest.projects,
        newest.skills,
        newest.tags,
    )
    assert view.editor.entry_id == restored.id
