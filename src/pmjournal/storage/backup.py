"""Consistent copies of a live journal, and the daily/weekly rotation made at open.

Copies use SQLite's online backup API, so they are consistent even while the app writes. Each
copy is written under a name of its own (hidden, ending in ``.partial``) and renamed into
place only when complete, so a crash, a full disk or a second process copying at the same
moment never leaves a half-written backup where a backup is looked for.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from pmjournal.domain.progress import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from pmjournal.storage.disk import sqlite_failure
from pmjournal.storage.engine import BUSY_TIMEOUT_MS
from pmjournal.storage.readonly import connect_frozen, connect_read_only

KEEP_DAILY = 7
KEEP_WEEKLY = 4
# Pages copied per step when someone listens for progress (4 MB with SQLite's 4 KB pages):
# few enough steps that writers in other processes rarely make the copy start over.
STEP_PAGES = 1024
# A restore reads a closed backup, which never makes the copy start over: smaller steps let
# a cancel stop it sooner, and roll back whatever was copied.
RESTORE_STEP_PAGES = 16
PARTIAL_SUFFIX = ".partial"


def partial_path(target: Path) -> Path:
    """A name no other process uses, beside ``target``, that no backup listing matches."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}")


def copy_database(
    source: Path,
    target: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    frozen: bool = False,
) -> Path:
    """Write a consistent copy of the database at ``source`` to ``target``.

    ``frozen`` reads the source as an unchanging file (``connect_frozen``), as a journal
    opened read-only on a full disk must be read.

    ``progress`` hears ("copy", fraction) as pages are copied; when ``cancelled()`` turns
    true the copy stops with ``Cancelled`` and nothing is left at ``target``. A full disk
    raises ``DiskFullError``, also with nothing left behind.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    check_cancelled(cancelled, "backup")
    partial = partial_path(target)
    listening = progress is not no_progress or cancelled is not never_cancelled

    def step(_status: int, remaining: int, total: int) -> None:
        check_cancelled(cancelled, "backup")
        progress("copy", (total - remaining) / total if total else 1.0)

    try:
        if frozen:
            src = connect_frozen(source)
        else:
            src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dst = sqlite3.connect(partial)
            try:
                if listening:
                    src.backup(dst, pages=STEP_PAGES, progress=step)
                else:
                    src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        check_cancelled(cancelled, "backup")
        os.replace(partial, target)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise sqlite_failure(error, target) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    progress("copy", 1.0)
    return target


def copy_file(source: Path, target: Path) -> Path:
    """Copy a closed file into place whole, through a partial name of its own."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    try:
        shutil.copy2(source, partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def copy_damaged(source: Path, target: Path) -> Path:
    """Copy a file SQLite cannot read, byte for byte with its WAL, so nothing is thrown away."""
    copy_file(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        copy_file(wal, target.with_name(target.name + "-wal"))
    return target


def replace_file(source: Path, live: Path) -> None:
    """Put a copy of ``source`` where ``live`` was, with no stale WAL left to replay over it.

    Used when ``live`` is too damaged for SQLite to write into; nothing may hold it open.
    """
    partial = partial_path(live)
    try:
        shutil.copy2(source, partial)
        for suffix in ("-wal", "-shm"):
            live.with_name(live.name + suffix).unlink(missing_ok=True)
        os.replace(partial, live)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def restore_database(
    source: Path,
    live: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> None:
    """Overwrite the live database with ``source`` through SQLite, so WAL readers stay sane.

    The whole copy is one write transaction on ``live``: cancelled (``Cancelled`` from the
    progress step) or failed, it rolls back and the live journal is as it was.
    """
    check_cancelled(cancelled, "restore")

    def step(_status: int, remaining: int, total: int) -> None:
        if remaining:  # after the last step the copy has committed: too late to cancel
            check_cancelled(cancelled, "restore")
        progress("restore", (total - remaining) / total if total else 1.0)

    try:
        src = connect_read_only(source)
        try:
            dst = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                src.backup(dst, pages=RESTORE_STEP_PAGES, progress=step)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise sqlite_failure(error, live) from None
    progress("restore", 1.0)


def timestamped_path(folder: Path, prefix: str, now: datetime | None = None) -> Path:
    """A new file name in ``folder`` for a backup made now; never one that exists already."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{prefix}-{stamp}.sqlite3"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{prefix}-{stamp}-{counter}.sqlite3"
        counter += 1
    return candidate


def backup_files(backup_dir: Path) -> list[Path]:
    """Every backup in ``backup_dir`` and its rotation folders, newest first.

    Partial copies (hidden names) and copies kept because they were damaged are left out.
    """
    if not backup_dir.is_dir():
        return []
    found = [
        path
        for path in backup_dir.rglob("*.sqlite3")
        if path.is_file() and not path.name.startswith((".", "damaged-"))
    ]
    return sorted(found, key=lambda path: path.stat().st_mtime_ns, reverse=True)


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


@contextmanager
def _rotation_lock(backup_dir: Path) -> Iterator[bool]:
    """True for the one process that may rotate now; the others go on without waiting.

    An advisory ``flock`` on a lock file, which the system releases when its holder dies, so
    a crash never leaves the rotation locked. Where ``fcntl`` is missing (Windows) every
    process may rotate: each writes its own partial file, so the copies still never mix.
    """
    try:
        import fcntl
    except ImportError:
        yield True
        return
    # Beside the backups folder, so that folder holds nothing but backups.
    backup_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = backup_dir.parent / f".{backup_dir.name}.lock"
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(descriptor)


def rotate(path: Path, backup_dir: Path, today: date) -> list[Path]:
    """Make today's and this week's backup if missing, then prune old ones.

    Returns the backups written (usually none: only the first open of a day writes one). A
    journal that fails the quick check is not copied, so the good backups stay. When several
    processes open the journal at once, one makes the backups and the others go on; a
    partial file a killed process left in the rotation folders is removed.
    """
    daily = backup_dir / "daily" / f"journal-{today.isoformat()}.sqlite3"
    year, week, _ = today.isocalendar()
    weekly = backup_dir / "weekly" / f"journal-{year}-W{week:02d}.sqlite3"
    if daily.exists() and weekly.exists():
        return []
    with _rotation_lock(backup_dir) as ours:
        if not ours or (daily.exists() and weekly.exists()) or not is_healthy(path):
            return []
        written: list[Path] = []
        for folder in (daily.parent, weekly.parent):
            for leftover in folder.glob(f".*{PARTIAL_SUFFIX}"):
                leftover.unlink(missing_ok=True)
        if not daily.exists():
            written.append(copy_database(path, daily))
        if not weekly.exists():
            # Today's daily copy is this week's state already: copying a closed file is
            # cheaper than a second pass of the backup API over the live journal.
            written.append(copy_file(daily, weekly))
        _prune(daily.parent, KEEP_DAILY)
        _prune(weekly.parent, KEEP_WEEKLY)
        return written


def _prune(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest backups; names sort by date."""
    backups = sorted(folder.glob("journal-*.sqlite3"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
