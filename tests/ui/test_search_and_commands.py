"""Ctrl+K search and the Ctrl+Shift+P command palette, from the keyboard."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenWindow, type_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmjournal.services.records.entries import recent_entries

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_ctrl_k_finds_an_entry_without_its_accents_and_opens_it(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    editor = window.journal_view.editor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    type_text(editor.text, "Lunch at the café with the résumé reviewers")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5000)
    written = recent_entries(window.journal, 1)[0]
    qtbot.keyClick(editor.text, Qt.Key.Key_N, CTRL)
    assert editor.entry_id is None

    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.query.hasFocus)
    qtbot.keyClicks(dialog.query, "resume revi")
    assert dialog.results.count() >= 1
    top = dialog.hit_text(0)
    assert "<b style=" in top and "résumé" in top
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert editor.entry_id == written.id
    assert "café" in editor.text.toPlainText()


def test_search_shows_nothing_for_an_empty_query_and_counts_results(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.query, "onboarding")
    found = dialog.results.count()
    assert found > 1
    assert dialog.status.text() == f"{found} results"
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 1
    dialog.query.clear()
    assert dialog.results.count() == 0
    qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_palette_lists_every_action_with_its_shortcut_and_runs_one(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    palette = window.palette_dialog
    assert palette is not None and palette.isVisible()
    labels = palette.labels()
    assert "New entry for today\tCtrl+N" in labels
    assert "Search…\tCtrl+K" in labels
    assert "Show Outputs\tAlt+7" in labels
    qtbot.keyClicks(palette.query, "nwkly")
    assert palette.labels()[0].startswith("New weekly entry")
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert window.journal_view.editor.text.toPlainText().startswith(
        "## What did I work on this week?"
    )


def test_alt_numbers_switch_views_and_the_last_view_is_remembered(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentIndex() == 2
    assert window.sidebar.currentItem().text() == "Skills"
    window.close()
    window.journal.close()
    again = open_window(demo_dir)
    assert again.stack.currentIndex() == 2
    assert again.restoreGeometry(again.settings.value("window/geometry"))


def test_every_frequent_action_is_in_a_menu_with_its_shortcut(
    open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    in_menus = {
        action.objectName(): action.shortcut().toString()
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for action in menu.actions()
    }
    for action_id, keys in {
        "new-entry": "Ctrl+N",
        "new-weekly": "Ctrl+Shift+N",
        "search": "Ctrl+K",
        "palette": "Ctrl+Shift+P",
        "quit": "Ctrl+Q",
        "undo": "Ctrl+Z",
        "view-1": "Alt+1",
        "view-7": "Alt+7",
    }.items():
        assert in_menus[action_id] == keys


def test_ctrl_q_closes_the_window_after_saving(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    editor = window.journal_view.editor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(editor.text, "Last words before quitting")
    qtbot.keyClick(editor.text, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
    assert "Last words before quitting" in recent_entries(window.journal, 1)[0].body
