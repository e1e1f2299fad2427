"""The backups made when a journal is opened: one a day, one a week, the oldest pruned."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage import backup
from pmjournal.storage.database import open_journal


def entry_bodies(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in connection.execute("SELECT body FROM entries ORDER BY id")]
    finally:
        connection.close()


def open_daily(folder: Path, first: date, days: int) -> None:
    """Open the journal once a day, as a user would, writing one entry each time."""
    for offset in range(days):
        today = first + timedelta(days=offset)
        journal = open_journal(folder, today=today)
        add_entry(journal, EntryDraft(text=f"written {today.isoformat()}", day=today))
        journal.close()


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*"))


def test_a_new_journal_makes_no_backup(tmp_path: Path) -> None:
    open_journal(tmp_path, today=date(2026, 11, 24)).close()
    assert not (tmp_path / "backups").exists()


def test_seven_daily_and_four_weekly_backups_are_kept(tmp_path: Path) -> None:
    open_journal(tmp_path).close()
    open_daily(tmp_path, date(2026, 10, 1), 40)  # the last open is Monday 2026-11-09, W46
    daily = tmp_path / "backups" / "daily"
    weekly = tmp_path / "backups" / "weekly"
    assert names(daily) == [
        f"journal-{date(2026, 11, 3) + timedelta(days=n)}.sqlite3" for n in range(7)
    ]
    assert names(weekly) == [f"journal-2026-W{week}.sqlite3" for week in (43, 44, 45, 46)]


def test_each_backup_holds_the_journal_as_it_was_when_opened(tmp_path: Path) -> None:
    open_journal(tmp_path).close()
    open_daily(tmp_path, date(2026, 11, 20), 3)
    daily = tmp_path / "backups" / "daily"
    assert entry_bodies(daily / "journal-2026-11-20.sqlite3") == []
    assert entry_bodies(daily / "journal-2026-11-22.sqlite3") == [
        "written 2026-11-20",
        "written 2026-11-21",
    ]
    # The week's backup is made at the week's first open and not replaced later that week.
    assert entry_bodies(tmp_path / "backups" / "weekly" / "journal-2026-W47.sqlite3") == []


def test_opening_again_the_same_day_writes_nothing(tmp_path: Path) -> None:
    journal = open_journal(tmp_path)
    add_entry(journal, EntryDraft(text="first"))
    journal.close()
    today = date(2026, 11, 24)
    open_journal(tmp_path, today=today).close()
    daily = tmp_path / "backups" / "daily" / "journal-2026-11-24.sqlite3"
    stamp = daily.stat().st_mtime_ns
    assert backup.rotate(tmp_path / "journal.sqlite3", tmp_path / "backups", today) == []
    open_journal(tmp_path, today=today).close()
    assert daily.stat().st_mtime_ns == stamp
    assert entry_bodies(daily) == ["first"]


def test_rotation_across_the_new_year_keeps_the_newest_weeks(tmp_path: Path) -> None:
    open_journal(tmp_path).close()
    open_daily(tmp_path, date(2026, 12, 10), 30)  # to Friday 2027-01-08, in 2027-W01
    weekly = tmp_path / "backups" / "weekly"
    assert names(weekly) == [
        "journal-2026-W51.sqlite3",
        "journal-2026-W52.sqlite3",
        "journal-2026-W53.sqlite3",
        "journal-2027-W01.sqlite3",
    ]
    daily = names(tmp_path / "backups" / "daily")
    assert daily[0] == "journal-2027-01-02.sqlite3" and daily[-1] == "journal-2027-01-08.sqlite3"


def test_backups_are_single_readable_files_with_no_leftovers(tmp_path: Path) -> None:
    open_journal(tmp_path).close()
    open_daily(tmp_path, date(2026, 11, 1), 10)
    files = list((tmp_path / "backups").rglob("*"))
    assert not [p for p in files if p.name.endswith((".partial", "-wal", "-shm", "-journal"))]
    for path in (p for p in files if p.is_file()):
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        finally:
            connection.close()
        assert entry_bodies(path)[:1] in ([], ["written 2026-11-01"])


def test_a_copy_includes_commits_still_in_the_write_ahead_log(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "live")
    for number in range(5):
        add_entry(journal, EntryDraft(text=f"entry {number}"))
    wal = journal.path.with_name(journal.path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the commits should still be in the WAL"
    copy = backup.copy_database(journal.path, tmp_path / "elsewhere" / "copy.sqlite3")
    journal.close()
    assert entry_bodies(copy) == [f"entry {n}" for n in range(5)]


def test_a_copy_leaves_out_a_transaction_still_open(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "live")
    add_entry(journal, EntryDraft(text="committed"))
    writer = sqlite3.connect(journal.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO entries (date, kind, title, body) "
            "VALUES ('2026-11-24', 'daily', '', 'not yet committed')"
        )
        copy = backup.copy_database(journal.path, tmp_path / "copy.sqlite3")
        writer.execute("ROLLBACK")
    finally:
        writer.close()
        journal.close()
    assert entry_bodies(copy) == ["committed"]


def test_a_damaged_journal_does_not_push_good_backups_out(tmp_path: Path) -> None:
    """Opening a damaged journal every day for four weeks must leave a good backup to go back to."""
    journal = open_journal(tmp_path)
    for number in range(50):
        add_entry(journal, EntryDraft(text=f"entry {number} " * 30))
    journal.close()
    open_daily(tmp_path, date(2026, 11, 1), 7)
    path = tmp_path / "journal.sqlite3"
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 5, 4096 * 9):
        data[offset] = 0x55
    path.write_bytes(bytes(data))
    for offset in range(28):
        open_journal(tmp_path, today=date(2026, 11, 8) + timedelta(days=offset)).close()
    good = []
    for backup_file in sorted((tmp_path / "backups").rglob("journal-*.sqlite3")):
        connection = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA quick_check").fetchone() == ("ok",):
                good.append(backup_file.name)
        except sqlite3.DatabaseError:
            pass
        finally:
            connection.close()
    assert good, "every backup now holds the damaged journal"
