"""An entry written by the CLI while the window is open shows up without reopening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.support.cli_process import run_pmjournal
from tests.ui.conftest import OpenWindow


def _listed(window: object, words: str) -> bool:
    model = window.journal_view.model  # type: ignore[attr-defined]
    return any(words in str(model.index(row).data()) for row in range(model.rowCount()))


def test_an_entry_added_in_a_terminal_appears_and_the_open_entry_stays(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path, tmp_path: Path
) -> None:
    window = open_window(intern_dir)
    editor = window.journal_view.editor
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, "Drafting the launch notes")
    qtbot.waitUntil(lambda: editor.entry_id is not None, timeout=5000)
    open_id = editor.entry_id

    done = run_pmjournal(
        "--data-dir", intern_dir, "add", "--text", "Captured from a terminal", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr

    qtbot.waitUntil(lambda: _listed(window, "Captured from a terminal"), timeout=10_000)
    assert editor.entry_id == open_id
    assert "Drafting the launch notes" in editor.text.toPlainText()
