"""``pmjournal capture``: a small window for one entry, meant for a desktop shortcut.

It is the main window's entry editor on its own (the same template, the same ``@`` ``+`` ``#``
completion for links, the same save on a pause), so nothing typed here is lost either.
Ctrl+Enter saves and closes; Escape closes after saving what was typed. docs/capture.md says
how to bind it to a key on GNOME, KDE, macOS and Windows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.entry_editor import AUTOSAVE_MS, EntryEditor

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

HINT = "@ project · + skill · # tag · Ctrl+Enter saves and closes · Esc closes"


class CaptureWindow(QWidget):
    def __init__(
        self, journal: Journal, runner: TaskRunner, *, autosave_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__()
        self.setWindowTitle("pmjournal: quick entry")
        self.setObjectName("capture-window")
        self._closing = False
        self.editor = EntryEditor(journal, runner, autosave_ms)
        self.editor.entrySaved.connect(self._saved)
        self.editor.saveStateChanged.connect(self._state)
        self.state = QLabel(HINT)
        self.state.setObjectName("capture-state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.state)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(560, 360)
        runner.run(lambda: journal_ops.names_for_links(journal), self.editor.set_link_names)
        self.editor.new_entry(date.today(), EntryKind.DAILY)

    def save_and_close(self) -> None:
        self._closing = True
        self.editor.save_now()

    def _saved(self, _record: EntryRecord) -> None:
        if self._closing:
            self.close()

    def _state(self, text: str) -> None:
        if text.startswith("Not saved") or text == "Nothing to save yet":
            self._closing = False
            self.state.setText(f"{text}. {HINT}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()
        super().closeEvent(event)


def run_capture(data_dir: Path) -> int:
    """Open the capture window on ``data_dir``'s journal; the process exit code."""
    from pmjournal.ui.app import application, open_for_window, refuse, user_settings
    from pmjournal.ui.tasks import WorkerRunner
    from pmjournal.ui.theme import ThemeMode, apply_theme

    app = application()
    apply_theme(app, ThemeMode(str(user_settings().value("theme", ThemeMode.SYSTEM.value))))
    opened = open_for_window(data_dir)
    if opened.journal is None:
        refuse(opened.refusal)
        return 2
    if opened.read_only_reason:
        refuse(f"Read-only: {opened.read_only_reason} A quick entry cannot be saved.")
        opened.journal.close()
        return 2
    runner = WorkerRunner()
    window = CaptureWindow(opened.journal, runner)
    window.show()
    window.raise_()
    window.activateWindow()
    try:
        return app.exec()
    finally:
        runner.shutdown()
        opened.journal.close()
