"""The migration runner: decides whether a journal file can be opened and upgrades it.

Reading the schema revision needs only ``sqlite3``; Alembic (0.3 s to import) is loaded only
when there is something to upgrade, so opening a current journal stays fast. The runner raises
typed errors and decides nothing about how they are shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from pmjournal.domain.errors import JournalRefusedError

if TYPE_CHECKING:
    from sqlalchemy import Connection
from pmjournal.storage.backup import copy_database, timestamped_path
from pmjournal.storage.disk import disk_full_error
from pmjournal.storage.engine import make_engine
from pmjournal.storage.readonly import connect_read_only

# Every revision this code knows, oldest first; the last one is the head. A test checks that
# this matches the Alembic scripts in ``migrations/versions``.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD = KNOWN_REVISIONS[-1]


class SchemaTooNewError(JournalRefusedError):
    """The journal was written by a newer pmjournal; we must not touch it."""


class NotAJournalError(JournalRefusedError):
    """The file is not a SQLite database, or not one of ours."""


class MigrationError(JournalRefusedError):
    """An upgrade would have broken the journal, so it was rolled back."""


@dataclass(frozen=True)
class MigrationOutcome:
    created: bool
    previous: str | None
    backup: Path | None


def read_revision(
    path: Path, connect: Callable[[Path], sqlite3.Connection] = connect_read_only
) -> str | None:
    """The file's schema revision; None for a missing or empty file.

    Raises ``NotAJournalError`` for anything that is not an SQLite database of ours, and
    ``DiskFullError`` when a full disk keeps SQLite from reading it.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        connection = connect(path)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotAJournalError(f"{path}: an SQLite database, but not a pmjournal one")
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise disk_full_error(error, path) or NotAJournalError(
            f"{path}: not a pmjournal database ({error})"
        ) from None
    return row[0] if row else None


def check_openable(revision: str | None, path: Path) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNewError(
            f"{path}: this journal has schema {revision}, newer than this pmjournal "
            f"understands ({HEAD}); upgrade pmjournal to open it. The file was not changed."
        )


def ensure_current(path: Path, backup_dir: Path) -> MigrationOutcome:
    """Bring the file at ``path`` to ``HEAD``, backing it up first if it holds data."""
    revision = read_revision(path)
    check_openable(revision, path)
    if revision == HEAD:
        return MigrationOutcome(created=False, previous=HEAD, backup=None)
    saved = None
    if revision is not None:
        saved = _copy_before_migration(path, backup_dir, revision)
    upgrade(path)
    return MigrationOutcome(created=revision is None, previous=revision, backup=saved)


def _copy_before_migration(path: Path, backup_dir: Path, revision: str) -> Path:
    return copy_database(path, timestamped_path(backup_dir, f"before-migration-{revision}"))


def upgrade(path: Path, revision: str = "head", scripts: Path | None = None) -> None:
    """Run Alembic's upgrade on ``path`` in one transaction, checking every link before commit.

    ``scripts`` is a migrations folder other than the packaged one (tests write their own).
    """
    from alembic import command
    from alembic.config import Config

    engine = make_engine(path, foreign_keys=False)
    try:
        with as_file(files("pmjournal.migrations")) as packaged:
            config = Config()
            config.set_main_option("script_location", str(scripts or packaged))
            with engine.execution_options(write=True).begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                _check_links(connection, path)
    finally:
        engine.dispose()


def _check_links(connection: Connection, path: Path) -> None:
    """Refuse to commit an upgrade that leaves a row pointing at nothing."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, row, parent, _ = broken[0]
        raise MigrationError(
            f"{path}: upgrading would leave {table} row {row} pointing at a missing "
            f"{parent}; the journal was left as it was"
        )
