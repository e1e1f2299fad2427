"""Small reliability promises of the command line: empty dates, damaged journals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal

from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage.database import DB_FILENAME, open_journal


def entry_count(data_dir: Path) -> int:
    connection = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.parametrize("day", ["", "   "])
def test_add_refuses_an_empty_date(tmp_path: Path, day: str) -> None:
    data_dir = tmp_path / "journal"
    pmjournal("--data-dir", data_dir, "add", "--text", "first", cwd=tmp_path)
    done = pmjournal("--data-dir", data_dir, "add", "--text", "x", "--date", day, cwd=tmp_path)
    assert_refused(done, "date", "YYYY-MM-DD")
    assert entry_count(data_dir) == 1


@pytest.fixture
def journal_with_backups(tmp_path: Path) -> Path:
    """A journal with entries, a manual backup and a daily backup, the newest sound."""
    data_dir = tmp_path / "journal"
    journal = open_journal(data_dir, auto_backup=False)
    for number in range(40):
        add_entry(journal, EntryDraft(text=f"entry {number} " * 40))
    journal.close()
    done = pmjournal("--data-dir", data_dir, "backup", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return data_dir


def newest_backup(data_dir: Path) -> Path:
    return max((data_dir / "backups").rglob("*.sqlite3"), key=lambda p: p.stat().st_mtime_ns)


def test_check_on_a_journal_that_is_no_database_names_the_restore_command(
    journal_with_backups: Path, tmp_path: Path
) -> None:
    data_dir = journal_with_backups
    newest = newest_backup(data_dir)
    live = data_dir / DB_FILENAME
    live.write_bytes(b"\x00garbage" * 4096)
    line = assert_refused(
        pmjournal("--data-dir", data_dir, "check", cwd=tmp_path), "not a pmjournal database"
    )
    assert f"restore {newest}" in line
    assert "restore --latest" in line

    restored = pmjournal("--data-dir", data_dir, "restore", "--latest", cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"Restored {newest}\n")
    assert entry_count(data_dir) == 40
    checked = pmjournal("--data-dir", data_dir, "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_check_on_a_damaged_journal_suggests_the_newest_sound_backup(
    journal_with_backups: Path, tmp_path: Path
) -> None:
    data_dir = journal_with_backups
    sound = newest_backup(data_dir)
    # A newer backup that is itself damaged must not be the one offered.
    broken = data_dir / "backups" / "manual-29991231-000000.sqlite3"
    data = bytearray(sound.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\x55" * (4096 * 3)
    broken.write_bytes(bytes(data))
    live = data_dir / DB_FILENAME
    data = bytearray(live.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\x55" * (4096 * 3)
    live.write_bytes(bytes(data))

    done = pmjournal("--data-dir", data_dir, "check", cwd=tmp_path)
    assert done.returncode == 1
    assert "unexpected error" not in done.stderr
    advice = done.stderr.splitlines()[-1]
    assert f"restore {sound} " in advice and "restore --latest" in advice


def test_restore_latest_with_no_backup_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    pmjournal("--data-dir", data_dir, "add", "--text", "only", cwd=tmp_path)
    assert_refused(
        pmjournal("--data-dir", data_dir, "restore", "--latest", cwd=tmp_path),
        "no sound backup",
    )
    assert_refused(pmjournal("--data-dir", data_dir, "restore", cwd=tmp_path), "--latest")
    assert entry_count(data_dir) == 1
