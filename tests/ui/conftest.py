"""Desktop app fixtures: the real window over a real journal in ``tmp_path``, driven by keys.

Journal work runs on a synchronous runner (Picard's trick), so the tests are deterministic;
autosave keeps its real timer, shortened to keep the suite quick.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from pmjournal.services.journal import DB_FILENAME
from pmjournal.ui.app import application, open_for_window
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.tasks import SyncRunner

AUTOSAVE_MS = 200

OpenWindow = Callable[[Path], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[OpenWindow]:
    """Open the main window on a data folder, as ``pmjournal --data-dir`` does."""
    application()
    opened: list[MainWindow] = []

    def make(data_dir: Path) -> MainWindow:
        result = open_for_window(data_dir)
        assert result.journal is not None, result.refusal
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(result.journal, SyncRunner(), settings, autosave_ms=AUTOSAVE_MS)
        if result.read_only_reason:
            window.set_read_only(result.read_only_reason)
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
        window.journal.close()


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo journal's folder."""
    folder = tmp_path / "demo"
    folder.mkdir()
    shutil.copy2(demo_template, folder / DB_FILENAME)
    return folder


@pytest.fixture
def intern_dir(tmp_path: Path) -> Path:
    """A journal with a profile and nothing else: no welcome, no demo records."""
    from pmjournal.services.journal import open_journal
    from pmjournal.services.records.profile import update_profile

    folder = tmp_path / "intern"
    journal = open_journal(folder, auto_backup=False)
    update_profile(journal, name="Sam Intern", headline="Product intern")
    journal.close()
    return folder


class Keys:
    """Key presses sent to the focused widget, counted apart from the words of the entry."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.count = 0

    def _target(self) -> object:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget() or self.window

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.count += 1
        self.qtbot.keyClick(self._target(), key, modifier)

    def type_char(self, char: str) -> None:
        """A sigil such as @ or +: one keystroke, counted."""
        self.count += 1
        self.qtbot.keyClicks(self._target(), char)

    def words(self, text: str) -> None:
        """The entry's own words: not counted."""
        self.qtbot.keyClicks(self._target(), text)


@pytest.fixture
def keys(qtbot: QtBot) -> Callable[[MainWindow], Keys]:
    return lambda window: Keys(qtbot, window)


def type_text(widget: object, text: str) -> None:
    """Type any text, accents included (QTest's keyClicks knows ASCII only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def type_in_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Type into a table cell as a user does: the first key opens its editor."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClicks(table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    qtbot.keyClicks(editor, text[1:])
    commit(qtbot, editor)


def commit(qtbot: QtBot, editor: QWidget) -> None:
    """Return in a cell editor; the delegate commits, then the row saves, in later turns."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)


def drop_files(widget: QWidget, paths: list[Path]) -> None:
    """What dropping files from a file manager sends: drag enter, then drop, with their URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
