"""Backup, restore and the integrity check: keeping the user's data safe.

Backup and restore follow the long-work contract (``domain/progress.py``): they report
``progress(stage, fraction)``, poll ``cancelled()`` between steps and, when cancelled, raise
``Cancelled`` with nothing written: no partial copy, and the live journal as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pmjournal.domain.errors import JournalRefusedError, ValidationError
from pmjournal.domain.progress import (
    CancelCheck,
    Cancelled,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from pmjournal.storage import attachment_files, backup, migrate
from pmjournal.storage.database import DB_FILENAME, Journal, database_files, open_journal
from pmjournal.storage.readonly import connect_frozen, connect_read_only


@dataclass(frozen=True)
class CheckReport:
    revision: str | None
    problems: tuple[str, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems


ATTACHMENTS_FOLDER = "attachments"

COUNTED_TABLES = (
    "internships",
    "projects",
    "entries",
    "skills",
    "evidence",
    "metrics",
    "feedback",
    "people",
    "goals",
)


# What the search index covers (migration 0003): one row per record of these tables.
SEARCHED_TABLES = ("entries", "projects", "feedback", "people", "goals", "metrics")
SEARCH_TRIGGERS = frozenset(
    f"{table}_search_{when}" for table in SEARCHED_TABLES for when in ("ai", "ad", "au")
)


def backup_now(
    journal: Journal,
    out: Path | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Path:
    """A consistent copy of the live journal; by default into the backups folder.

    The attached files go into an ``attachments/`` folder beside the copy. Their names are
    content hashes, so backups in one folder share it and only new files are copied.
    ``progress`` hears ("copy", fraction); cancelled, nothing is left at the target.
    """
    if out is None:
        target = backup.timestamped_path(journal.backup_dir, "manual")
    elif out.is_dir():
        target = backup.timestamped_path(out, "journal")
    else:
        target = out
    copied = backup.copy_database(
        journal.path, target, progress=progress, cancelled=cancelled, frozen=journal.read_only
    )
    attachment_files.copy_attachments(journal.attachments_dir, copied.parent / ATTACHMENTS_FOLDER)
    return copied


def latest_sound_backup(data_dir: Path) -> Path | None:
    """The newest backup in the journal's backups folder that would restore cleanly.

    Sound means: a schema this pmjournal knows, and SQLite's quick check passes. Copies kept
    because they were damaged are never offered.
    """
    for candidate in backup.backup_files(Path(data_dir).expanduser() / "backups"):
        try:
            revision = migrate.read_revision(candidate)
        except JournalRefusedError:
            continue
        if revision in migrate.KNOWN_REVISIONS and backup.is_healthy(candidate):
            return candidate
    return None


def check_database(path: Path, *, frozen: bool = False) -> CheckReport:
    """Integrity, foreign keys, schema revision and the search index of the file at ``path``.

    ``frozen`` reads it as an unchanging file, as a journal opened on a full disk is read.
    """
    connect = connect_frozen if frozen else connect_read_only
    revision = migrate.read_revision(path, connect)
    problems: list[str] = []
    if revision != migrate.HEAD:
        problems.append(f"schema revision is {revision}, expected {migrate.HEAD}")
    counts: dict[str, int] = {}
    connection = connect(path)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {table} row {rowid} points at a missing {parent}")
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in COUNTED_TABLES
        }
        triggers = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        for missing in sorted(SEARCH_TRIGGERS - triggers):
            problems.append(f"search index: trigger {missing} is missing")
        indexed = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        sources = sum(counts[t] for t in SEARCHED_TABLES)
        if indexed != sources:
            problems.append(f"search index holds {indexed} rows for {sources} records")
    except sqlite3.DatabaseError as error:
        problems.append(f"integrity: {error}")
    finally:
        connection.close()
    return CheckReport(revision, tuple(problems), counts)


def restore(
    data_dir: Path,
    source: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Path | None:
    """Replace the journal in ``data_dir`` with the backup at ``source``.

    The source is checked first (a journal of a schema we know, passing the integrity check);
    the current database is copied aside before anything is overwritten, byte for byte if it
    is too damaged for SQLite to copy. Attached files in an ``attachments/`` folder beside the
    backup are copied back (files already in the journal are kept). Returns that copy.

    Stages: "check", "keep" (the copy of the current journal), "restore". Cancelled at any
    point, the journal is as it was and the copy made for it is removed again.
    """
    source = Path(source)
    progress("check", 0.0)
    if not source.is_file():
        raise ValidationError(f"{source}: no such file", "path")
    revision = migrate.read_revision(source)
    if revision is None:
        raise JournalRefusedError(f"{source}: an empty file, not a pmjournal backup")
    migrate.check_openable(revision, source)
    report = check_database(source)
    damaged = [p for p in report.problems if not p.startswith("schema revision")]
    if damaged:
        raise JournalRefusedError(f"{source}: damaged backup ({damaged[0]})")
    data_dir = Path(data_dir).expanduser()
    live = data_dir / DB_FILENAME
    check_cancelled(cancelled, "restore")
    kept: Path | None = None
    if not live.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            backup.restore_database(source, live, progress=progress, cancelled=cancelled)
        except BaseException:
            for path in database_files(live):
                path.unlink(missing_ok=True)
            raise
    elif backup.is_healthy(live):
        kept = backup.copy_database(
            live,
            backup.timestamped_path(data_dir / "backups", "before-restore"),
            progress=lambda _stage, fraction: progress("keep", fraction),
            cancelled=cancelled,
        )
        try:
            backup.restore_database(source, live, progress=progress, cancelled=cancelled)
        except Cancelled:
            kept.unlink(missing_ok=True)
            raise
    else:
        kept = backup.copy_damaged(live, backup.timestamped_path(data_dir / "backups", "damaged"))
        try:
            check_cancelled(cancelled, "restore")
        except Cancelled:
            for path in (kept, kept.with_name(kept.name + "-wal")):
                path.unlink(missing_ok=True)
            raise
        backup.replace_file(source, live)
    attachment_files.copy_attachments(
        source.parent / ATTACHMENTS_FOLDER, data_dir / ATTACHMENTS_FOLDER
    )
    open_journal(data_dir, auto_backup=False).close()
    progress("done", 1.0)
    return kept
