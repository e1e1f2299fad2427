"""``pmjournal capture``: one entry with links from a small window, saved on Ctrl+Enter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records.entries import recent_entries
from pmjournal.ui.app import application
from pmjournal.ui.capture_window import CaptureWindow
from pmjournal.ui.tasks import SyncRunner

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Journal]:
    journal = open_journal(demo_dir, auto_backup=False)
    yield journal
    journal.close()


def capture_window(qtbot: QtBot, journal: Journal) -> CaptureWindow:
    application()
    window = CaptureWindow(journal, SyncRunner(), autosave_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_ctrl_enter_saves_the_entry_with_its_links_and_closes(qtbot: QtBot, demo: Journal) -> None:
    before = len(recent_entries(demo, 1000))
    window = capture_window(qtbot, demo)
    text = window.editor.text
    assert text.hasFocus()
    qtbot.keyClicks(text, "Quick note from the shortcut ")
    qtbot.keyClicks(text, "@")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClick(text, Qt.Key.Key_Return, CTRL)

    assert not window.isVisible()
    entries = recent_entries(demo, 1000)
    assert len(entries) == before + 1
    saved = next(e for e in entries if "Quick note from the shortcut" in e.body)
    assert len(saved.projects) == 1


def test_nothing_typed_is_not_saved_and_the_window_stays(qtbot: QtBot, demo: Journal) -> None:
    before = len(recent_entries(demo, 1000))
    window = capture_window(qtbot, demo)
    qtbot.keyClick(window.editor.text, Qt.Key.Key_Return, CTRL)
    assert window.isVisible()
    assert "Nothing to save yet" in window.state.text()
    assert len(recent_entries(demo, 1000)) == before
