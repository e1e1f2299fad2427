"""The composition root: QApplication, the journal, theme, single instance, main window.

Only what the first window needs is imported here: no WeasyPrint, no Alembic for a journal
that is already current (the preview imports the Markdown renderer when first shown).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from pmjournal import __version__
from pmjournal.services.journal import (
    Journal,
    NotAJournalError,
    SchemaTooNewError,
    open_journal,
)
from pmjournal.ui import single_instance
from pmjournal.ui.dialogs.errors import install_fault_dialogs
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.tasks import WorkerRunner
from pmjournal.ui.theme import ThemeMode, apply_theme, follow_system

# Set by bench/startup.py: print the time of the first paint that shows the latest entries,
# the resident memory, then quit.
BENCH_ENV = "PMJOURNAL_BENCH_FIRST_PAINT"


@dataclass(frozen=True)
class Opened:
    """What opening a data folder gave: a journal (maybe read-only), or why it was refused."""

    journal: Journal | None = None
    read_only_reason: str = ""
    refusal: str = ""


def _writable(journal_path: Path) -> bool:
    folder = journal_path.parent
    return os.access(folder, os.W_OK) and (
        not journal_path.exists() or os.access(journal_path, os.W_OK)
    )


def open_for_window(data_dir: Path) -> Opened:
    """Open the journal for the window; a journal we may not write opens read-only."""
    data_dir = Path(data_dir).expanduser()
    try:
        journal = open_journal(data_dir)
    except SchemaTooNewError as error:
        return Opened(refusal=f"{error}\n\nThis is pmjournal {__version__}.")
    except NotAJournalError as error:
        return Opened(
            refusal=f"{error}\n\nIt was left untouched. Choose another folder with "
            "--data-dir, or restore a backup with `pmjournal restore`."
        )
    except OSError as error:
        try:
            journal = open_journal(data_dir, auto_backup=False)
        except OSError:
            return Opened(
                refusal=f"The journal in {data_dir} cannot be opened: "
                f"{error.strerror or error}. Check that the folder exists and can be read."
            )
        return Opened(journal, f"{data_dir} cannot be written ({error.strerror or error}).")
    if not _writable(journal.path):
        return Opened(journal, f"{journal.path} cannot be written (check its permissions).")
    return Opened(journal)


def user_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pmjournal", "pmjournal"
    )


def app_icon() -> QIcon:
    with as_file(files("pmjournal.resources") / "icons" / "pmjournal.svg") as path:
        return QIcon(str(path))


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("pmjournal")
    app.setOrganizationName("pmjournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("pmjournal")
    app.setWindowIcon(app_icon())
    return app


def refuse(refusal: str) -> None:
    """Say why the journal was not opened; the window does not open."""
    box = QMessageBox(QMessageBox.Icon.Critical, "pmjournal cannot open this journal", refusal)
    box.setObjectName("refusal")
    box.exec()


class _FirstPaint(QObject):
    """For the start-up benchmark: the first paint after the latest entries arrived."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._entries_shown = False
        window.journal_view.model.pageLoaded.connect(self._loaded)
        window.installEventFilter(self)

    def _loaded(self) -> None:
        self._entries_shown = True
        self._window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._entries_shown:
            print(f"first-paint {time.time():.6f} rss-kb {_rss_kb()}", flush=True)
            QTimer.singleShot(0, self._window.close)
            self._entries_shown = False
        return False


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(data_dir: Path) -> int:
    """Open the desktop app on ``data_dir``; returns the process exit code."""
    app = application()
    settings = user_settings()
    apply_theme(app, ThemeMode(str(settings.value("theme", ThemeMode.SYSTEM.value))))
    follow_system(app)
    name = single_instance.instance_name(data_dir)
    if single_instance.notify_running(name):
        return 0
    opened = open_for_window(data_dir)
    if opened.journal is None:
        refuse(opened.refusal)
        return 2
    runner = WorkerRunner()
    window = MainWindow(opened.journal, runner, settings)
    server = single_instance.listen(name, window.bring_forward)
    if opened.read_only_reason:
        window.set_read_only(opened.read_only_reason)
    install_fault_dialogs(window)
    if os.environ.get(BENCH_ENV):
        _FirstPaint(window)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        server.close()
        runner.shutdown()
        opened.journal.close()
