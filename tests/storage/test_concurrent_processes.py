"""Several processes on one journal: the desktop app, the capture window and the CLI at once.

Real ``pmjournal add`` processes write side by side, as a user's shortcuts and scripts would;
every add that exits 0 must have saved its entry, and none may exit with anything but 0. The
first open of a day makes the daily backup; when several processes open the journal together,
one makes it, the others go on, and no partial copy is left or counted.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cli_process import run_pmjournal

from pmjournal.services.demo.generate import generate_demo
from pmjournal.storage.database import DB_FILENAME, open_journal

WRITERS = 4


def hammer(
    data_dir: Path, cwd: Path, adds: int
) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
    """``WRITERS`` threads, each running ``adds`` ``pmjournal add`` processes one after another."""
    start = threading.Barrier(WRITERS)

    def writer(number: int) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
        start.wait()
        done = []
        for count in range(adds):
            text = f"writer {number} entry {count}"
            done.append(
                (text, run_pmjournal("--data-dir", data_dir, "add", "--text", text, cwd=cwd))
            )
        return done

    with ThreadPoolExecutor(WRITERS) as pool:
        results = list(pool.map(writer, range(WRITERS)))
    return [item for batch in results for item in batch]


def stored_bodies(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{data_dir / DB_FILENAME}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in connection.execute("SELECT body FROM entries")]
    finally:
        connection.close()


def assert_every_add_saved(
    data_dir: Path, done: list[tuple[str, subprocess.CompletedProcess[str]]], before: int = 0
) -> None:
    failures = [(text, run.returncode, run.stderr.strip()) for text, run in done if run.returncode]
    assert not failures, failures[:5]
    bodies = stored_bodies(data_dir)
    missing = {text for text, _ in done} - set(bodies)
    assert not missing, sorted(missing)[:5]
    assert len(bodies) == before + len(done)


def assert_one_whole_daily_backup(data_dir: Path) -> None:
    backups = data_dir / "backups"
    leftovers = [p.name for p in backups.rglob("*") if p.name.endswith((".partial", "-journal"))]
    assert not leftovers
    daily = sorted((backups / "daily").glob("journal-*.sqlite3"))
    weekly = sorted((backups / "weekly").glob("journal-*.sqlite3"))
    assert len(daily) == 1 and len(weekly) == 1
    for copy in (*daily, *weekly):
        connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            connection.close()


def due_journal(data_dir: Path, weeks: int = 0) -> int:
    """A journal opened before today (so today's backup is due); the entries it holds."""
    journal = open_journal(data_dir, auto_backup=False)
    if weeks:
        generate_demo(journal, weeks=weeks)
    journal.close()
    return len(stored_bodies(data_dir))


def test_four_writers_on_a_new_journal(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    done = hammer(data_dir, tmp_path, adds=6)
    assert_every_add_saved(data_dir, done)


def test_four_writers_on_a_journal_whose_daily_backup_is_due(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    before = due_journal(data_dir)
    done = hammer(data_dir, tmp_path, adds=6)
    assert_every_add_saved(data_dir, done, before)
    assert_one_whole_daily_backup(data_dir)


def test_rotation_by_many_processes_at_once_leaves_one_whole_copy(tmp_path: Path) -> None:
    """Eight processes open a due journal at the same instant; each opens, none fails."""
    data_dir = tmp_path / "journal"
    due_journal(data_dir, weeks=12)
    script = (
        "import sys, time; from pathlib import Path\n"
        "from pmjournal.storage.database import open_journal\n"
        "while time.time() < float(sys.argv[2]): pass\n"
        "open_journal(Path(sys.argv[1])).close()\n"
    )
    at = str(time.time() + 1.5)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(data_dir), at],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    errors = [child.communicate(timeout=60)[1] for child in children]
    assert [child.returncode for child in children] == [0] * 8, errors
    assert_one_whole_daily_backup(data_dir)


def reader_alongside(data_dir: Path, cwd: Path, stop: threading.Event) -> Callable[[], list[str]]:
    """Exports the journal again and again until ``stop``; returns the failures it met."""
    failures: list[str] = []

    def run() -> list[str]:
        count = 0
        while not stop.is_set():
            out = cwd / f"export-{count}.json"
            done = run_pmjournal(
                "--data-dir", data_dir, "export", "--format", "json", "--out", out, cwd=cwd
            )
            if done.returncode:
                failures.append(f"exit {done.returncode}: {done.stderr.strip()}")
            else:
                json.loads(out.read_bytes())
                out.unlink()
            count += 1
        return failures

    return run


@pytest.mark.long
@pytest.mark.parametrize("due", [False, True], ids=["new journal", "backup due"])
def test_four_writers_fifty_adds_each(tmp_path: Path, due: bool) -> None:
    data_dir = tmp_path / "journal"
    before = due_journal(data_dir) if due else 0
    done = hammer(data_dir, tmp_path, adds=50)
    assert_every_add_saved(data_dir, done, before)
    if due:
        assert_one_whole_daily_backup(data_dir)


@pytest.mark.long
def test_four_writers_fifty_adds_each_beside_a_long_export(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    before = due_journal(data_dir, weeks=300)
    stop = threading.Event()
    with ThreadPoolExecutor(1) as pool:
        reading = pool.submit(reader_alongside(data_dir, tmp_path, stop))
        try:
            done = hammer(data_dir, tmp_path, adds=50)
        finally:
            stop.set()
        assert reading.result() == []
    assert_every_add_saved(data_dir, done, before)
    assert_one_whole_daily_backup(data_dir)
