"""First run, a journal that cannot be written, a journal from a newer pmjournal, one instance."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import OpenWindow
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmjournal.services.journal import DB_FILENAME, open_journal
from pmjournal.services.records.entries import recent_entries
from pmjournal.services.records.internships import list_internships
from pmjournal.services.records.profile import get_profile
from pmjournal.ui import single_instance
from pmjournal.ui.app import launch, open_for_window
from pmjournal.ui.dialogs.welcome_dialog import WelcomeDialog
from pmjournal.ui.models.entries_model import EntriesModel
from pmjournal.ui.tasks import SyncRunner

CTRL = Qt.KeyboardModifier.ControlModifier


def welcome_of(qtbot: QtBot, window: object) -> WelcomeDialog:
    dialog = getattr(window, "welcome_dialog", None)
    assert isinstance(dialog, WelcomeDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_first_run_welcome_creates_the_profile_and_the_first_internship(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "new")
    dialog = welcome_of(qtbot, window)
    assert window.journal_view.list.model().rowCount() == 0
    assert "Ctrl+N" in window.journal_view._empty.text()
    qtbot.waitUntil(dialog.name.hasFocus)
    for words in ("Ana Diaz", "Product intern", "Acme Analytics", "Product Management Intern"):
        qtbot.keyClicks(QApplication.focusWidget(), words)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    person = get_profile(window.journal)
    assert (person.name, person.headline) == ("Ana Diaz", "Product intern")
    internships = list_internships(window.journal).items
    assert [(i.organisation, i.title) for i in internships] == [
        ("Acme Analytics", "Product Management Intern")
    ]
    assert internships[0].start_date == date.today()


def test_a_half_filled_welcome_saves_nothing_and_says_why(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "new")
    dialog = welcome_of(qtbot, window)
    qtbot.keyClicks(dialog.name, "Ana Diaz")
    qtbot.keyClicks(dialog.organisation, "Acme Analytics")
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(300, read_and_close)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "title" in seen[0]
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.organisation.text() == "Acme Analytics"
    assert get_profile(window.journal).is_empty
    assert list_internships(window.journal).total == 0


def test_first_run_welcome_can_load_the_demo(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window(tmp_path / "new")
    dialog = welcome_of(qtbot, window)
    for _ in range(10):
        if QApplication.focusWidget() is dialog.demo_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.demo_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert window.journal_view.model.rowCount() > 50
    assert window.journal_view.list.isVisible()


def test_no_welcome_for_a_journal_with_entries(open_window: OpenWindow, demo_dir: Path) -> None:
    assert open_window(demo_dir).welcome_dialog is None


@pytest.fixture
def unwritable(demo_dir: Path) -> object:
    """The demo journal's file made immutable (root ignores permissions, not this flag)."""
    path = demo_dir / DB_FILENAME
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield path
        path.chmod(0o644)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", path]).returncode:
        pytest.skip("cannot make a file unwritable here")
    yield path
    subprocess.run(["chattr", "-i", path], check=True)


def test_a_journal_that_cannot_be_written_opens_read_only_with_a_banner(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path, unwritable: Path
) -> None:
    before = unwritable.read_bytes()
    window = open_window(demo_dir)
    assert window.banner.isVisible()
    assert window.banner.text().startswith("Read-only:")
    assert window.save_state.text() == "Read-only"
    assert window.journal_view.model.rowCount() > 0
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.journal_view.editor.day is None
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.search_dialog is not None
    qtbot.keyClicks(window.search_dialog.query, "onboarding")
    assert window.search_dialog.results.count() > 0
    window.close()
    window.journal.close()
    assert unwritable.read_bytes() == before


def test_a_journal_from_a_newer_pmjournal_is_refused_and_left_untouched(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "future"
    open_journal(folder).close()
    path = folder / DB_FILENAME
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    connection.close()
    before = path.read_bytes()
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(300, read_and_close)
    launched = launch(folder)
    assert launched is not None
    try:
        qtbot.waitUntil(lambda: launched.exit_code == 2, timeout=10_000)
    finally:
        launched.close()
    assert not launched.window.isVisible()
    assert len(seen) == 1
    assert "9001_from_the_future" in seen[0] and "upgrade pmjournal" in seen[0]
    assert open_for_window(folder).journal is None
    assert path.read_bytes() == before


def test_a_second_instance_brings_the_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    name = single_instance.instance_name(tmp_path / "journal")
    assert not single_instance.notify_running(name, timeout_ms=100)
    raised: list[bool] = []
    server = single_instance.listen(name, lambda: raised.append(True))
    try:
        assert single_instance.notify_running(name)
        qtbot.waitUntil(lambda: raised == [True], timeout=3000)
    finally:
        server.close()


def test_the_entry_list_fetches_a_page_at_a_time(qtbot: QtBot, demo_dir: Path) -> None:
    journal = open_journal(demo_dir, auto_backup=False)
    try:
        total = len(recent_entries(journal, 100_000))
        model = EntriesModel(journal, SyncRunner(), page=25)
        assert not model.canFetchMore()
        model.reload()
        assert model.rowCount() == 25 and model.canFetchMore()
        while model.canFetchMore():
            model.fetchMore()
        assert model.rowCount() == total
    finally:
        journal.close()


def test_the_first_window_loads_neither_weasyprint_nor_alembic(
    demo_dir: Path, tmp_path: Path
) -> None:
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from pmjournal.ui.app import BENCH_ENV, run\n"
        "os.environ[BENCH_ENV] = '1'\n"
        f"code = run(Path({str(demo_dir)!r}))\n"
        "print('code', code, 'heavy', sorted(m for m in ('weasyprint', 'alembic') "
        "if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert "first-paint" in done.stdout, done.stderr
    assert "code 0 heavy []" in done.stdout, done.stdout + done.stderr


def test_the_app_opens_a_new_folder_and_quits_cleanly(tmp_path: Path) -> None:
    """The real ``pmjournal`` process: no journal yet, so nothing to glance at first."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PMJOURNAL_QUIT_AFTER_START": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    folder = tmp_path / "fresh"
    done = subprocess.run(
        [sys.executable, "-m", "pmjournal", "--data-dir", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    assert (folder / DB_FILENAME).exists()
