"""The composition root: QApplication, the journal, theme, single instance, main window.

The window paints first, with the newest entries read by ``services/glance.py`` (plain
``sqlite3``, read-only); then the worker thread opens the journal (SQLAlchemy, migrations,
the daily backup) and the views load from it. Importing SQLAlchemy costs several times a bare
window, so this order is what keeps start-up close to a bare PySide6 window. WeasyPrint and
Alembic are never imported to paint the window.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication, QMessageBox

from pmjournal import __version__
from pmjournal.ui import journal_ops, single_instance
from pmjournal.ui.dialogs.errors import install_fault_dialogs
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.tasks import WorkerRunner
from pmjournal.ui.theme import ThemeMode, apply_theme, follow_system

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

# Set by bench/startup.py: print the time of the first paint that shows the latest entries,
# the resident memory, then quit.
BENCH_ENV = "PMJOURNAL_BENCH_FIRST_PAINT"
# Set by packaging/dist_check.py: quit once the journal is open and its entries are listed.
QUIT_AFTER_START = "PMJOURNAL_QUIT_AFTER_START"


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
    from pmjournal.services.journal import NotAJournalError, SchemaTooNewError, open_journal

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


class JournalSlot:
    """Stands for the journal until the worker thread has opened it.

    Views hold it as their journal; every task that uses it runs on the worker after the
    task that opens the journal (the worker runs tasks in order), so it is bound by then.
    """

    def __init__(self) -> None:
        self._journal: Journal | None = None

    def bind(self, journal: Journal) -> None:
        self._journal = journal

    @property
    def bound(self) -> Journal | None:
        return self._journal

    def __getattr__(self, name: str) -> Any:
        journal = self.__dict__.get("_journal")
        if journal is None:
            raise RuntimeError("the journal is not open yet")
        return getattr(journal, name)


class _AfterFirstPaint(QObject):
    """Runs ``then`` once the window has painted (or after a short while, whichever first)."""

    def __init__(self, window: MainWindow, then: Any, bench: bool) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._bench = bench
        window.installEventFilter(self)
        QTimer.singleShot(1000, self._go)

    def _go(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            if self._bench:
                print(f"first-paint {time.time():.6f} rss-kb {_rss_kb()}", flush=True)
            QTimer.singleShot(0, self._go)
        return False


def _started(window: MainWindow, bench: bool) -> None:
    """The journal is open and its newest page listed: memory now (for the bench), then quit."""
    if bench:
        print(f"loaded {time.time():.6f} rss-kb {_rss_kb()}", flush=True)
    QTimer.singleShot(0, window.close)


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Launched:
    """A started app: its window, worker and journal; ``exit_code`` set if it must stop."""

    window: MainWindow
    runner: WorkerRunner
    slot: JournalSlot
    servers: list[QLocalServer]
    exit_code: int | None = None

    def close(self) -> None:
        for server in self.servers:
            server.close()
        self.runner.shutdown()
        if self.slot.bound is not None:
            self.slot.bound.close()


def launch(data_dir: Path) -> Launched | None:
    """Show the window, then open the journal; None when a running instance was raised."""
    app = application()
    settings = user_settings()
    apply_theme(app, ThemeMode(str(settings.value("theme", ThemeMode.SYSTEM.value))))
    follow_system(app)
    name = single_instance.instance_name(data_dir)
    if single_instance.notify_running(name):
        return None
    slot = JournalSlot()
    runner = WorkerRunner()
    window = MainWindow(cast("Journal", slot), runner, settings)
    launched = Launched(window, runner, slot, [])
    install_fault_dialogs(window)
    bench = bool(os.environ.get(BENCH_ENV))
    latest = journal_ops.glance(data_dir)
    if latest is not None:
        window.journal_view.model.show_glance(latest)

    def opened(result: Opened) -> None:
        if result.journal is None:
            window.hide()
            launched.exit_code = 2
            refuse(result.refusal)
            window.close()
            return
        slot.bind(result.journal)
        launched.servers.append(single_instance.listen(name, window.bring_forward))
        if result.read_only_reason:
            window.set_read_only(result.read_only_reason)
        if bench or os.environ.get(QUIT_AFTER_START):
            window.journal_view.model.pageLoaded.connect(lambda: _started(window, bench))
        window.start()

    def open_journal() -> None:
        runner.run(lambda: open_for_window(data_dir), opened)

    _AfterFirstPaint(window, open_journal, bench)
    window.show()
    return launched


def run(data_dir: Path) -> int:
    """Open the desktop app on ``data_dir``; returns the process exit code."""
    launched = launch(data_dir)
    if launched is None:
        return 0
    try:
        code = application().exec()
        return code if launched.exit_code is None else launched.exit_code
    finally:
        launched.close()
