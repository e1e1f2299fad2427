"""Consistent copies of a live journal, and the daily/weekly rotation made at open.

Copies use SQLite's online backup API, so they are consistent even while the app writes, and
are written to a temporary name first so a crash never leaves a half-written backup behind.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

from pmjournal.storage.readonly import connect_read_only

KEEP_DAILY = 7
KEEP_WEEKLY = 4


def copy_database(source: Path, target: Path) -> Path:
    """Write a consistent copy of the database at ``source`` to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def copy_damaged(source: Path, target: Path) -> Path:
    """Copy a file SQLite cannot read, byte for byte with its WAL, so nothing is thrown away."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def replace_file(source: Path, live: Path) -> None:
    """Put a copy of ``source`` where ``live`` was, with no stale WAL left to replay over it.

    Used when ``live`` is too damaged for SQLite to write into; nothing may hold it open.
    """
    partial = live.with_name(live.name + ".partial")
    shutil.copy2(source, partial)
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(partial, live)


def restore_database(source: Path, live: Path) -> None:
    """Overwrite the live database with ``source`` through SQLite, so WAL readers stay sane."""
    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(live)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def timestamped_path(folder: Path, prefix: str, now: datetime | None = None) -> Path:
    """A new file name in ``folder`` for a backup made now; never one that exists already."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{prefix}-{stamp}.sqlite3"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{prefix}-{stamp}-{counter}.sqlite3"
        counter += 1
    return candidate


def is_healthy(path: Path) -> bool:
    """SQLite's quick check; a damaged journal must not push good backups out of rotation."""
    try:
        connection = connect_read_only(path)
        try:
            return connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False


def rotate(path: Path, backup_dir: Path, today: date) -> list[Path]:
    """Make today's and this week's backup if missing, then prune old ones.

    Returns the backups written (usually none: only the first open of a day writes one). A
    journal that fails the quick check is not copied, so the good backups stay.
    """
    written: list[Path] = []
    daily = backup_dir / "daily" / f"journal-{today.isoformat()}.sqlite3"
    year, week, _ = today.isocalendar()
    weekly = backup_dir / "weekly" / f"journal-{year}-W{week:02d}.sqlite3"
    if daily.exists() and weekly.exists():
        return written
    if not is_healthy(path):
        return written
    if not daily.exists():
        written.append(copy_database(path, daily))
    if not weekly.exists():
        weekly.parent.mkdir(parents=True, exist_ok=True)
        # Today's daily copy is this week's state already: copying a closed file is cheaper
        # than a second pass of the backup API over the live journal.
        shutil.copy2(daily, weekly)
        written.append(weekly)
    _prune(daily.parent, KEEP_DAILY)
    _prune(weekly.parent, KEEP_WEEKLY)
    return written


def _prune(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest backups; names sort by date."""
    backups = sorted(folder.glob("journal-*.sqlite3"))
    for old in backups[:-keep]:
        old.unlink()
