"""Opening a journal: one SQLite file in a data folder, migrated and backed up before use.

Every write goes through ``Journal.transaction()``: it commits as a whole or not at all, and
with WAL a commit that returned survives the process being killed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from pmjournal.domain.changes import ChangeHub
from pmjournal.domain.errors import DiskFullError
from pmjournal.storage import backup, migrate
from pmjournal.storage.disk import disk_full_error, readable_frozen
from pmjournal.storage.engine import make_engine
from pmjournal.storage.outside_writes import OutsideWrites
from pmjournal.storage.readonly import connect_frozen

DB_FILENAME = "journal.sqlite3"


def database_files(path: Path) -> tuple[Path, ...]:
    """The database file and its SQLite companions: no ``--out`` may ever overwrite them."""
    return (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")))


@dataclass
class Journal:
    """An open journal: the data folder, its database file, sessions and the change hub."""

    data_dir: Path
    engine: Engine
    migrated_from: str | None = None
    changes: ChangeHub = field(default_factory=ChangeHub)
    # Opened for reading only, because the disk is full: every write is refused up front.
    read_only: bool = False
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _writers: sessionmaker[Session] = field(init=False, repr=False)
    _outside: OutsideWrites | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def files(self) -> tuple[Path, ...]:
        return database_files(self.path)

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error.

        It starts with BEGIN IMMEDIATE, which waits up to the busy timeout for another
        process's write to end. A full disk rolls it back and raises ``DiskFullError``.
        """
        if self.read_only:
            raise DiskFullError(self.data_dir)
        with self._translated_errors():
            with self._writers.begin() as session:
                yield session
            if self._outside is not None:
                self._outside.note_own_commit()

    def outside_writes(self) -> OutsideWrites:
        """The watch for other processes' commits, started on first use (by a long-lived
        front end; a CLI command never pays for it)."""
        if self._outside is None:
            self._outside = OutsideWrites(self.path)
        return self._outside

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed.

        Its queries share one transaction, so they all see the same snapshot of the file even
        while another process writes (an export never mixes two states of the journal).
        """
        with self._translated_errors(), self._sessions() as session:
            yield session

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            full = disk_full_error(error.orig, self.path)
            if full is None:
                raise
            raise full from None

    def close(self) -> None:
        if self._outside is not None:
            self._outside.close()
        self.engine.dispose()


def open_journal(data_dir: Path, *, auto_backup: bool = True, today: date | None = None) -> Journal:
    """Open (creating or upgrading as needed) the journal in ``data_dir``.

    Raises ``JournalRefusedError`` for a file that is not a journal or has a newer schema;
    such a file is left exactly as it was.
    """
    data_dir = Path(data_dir).expanduser()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILENAME
    try:
        outcome = migrate.ensure_current(path, data_dir / "backups")
    except DiskFullError:
        return _open_on_full_disk(data_dir, path)
    except (DBAPIError, sqlite3.Error) as error:
        full = disk_full_error(getattr(error, "orig", error), path)
        if full is None:
            raise
        raise full from None
    journal = Journal(data_dir, make_engine(path), migrated_from=outcome.previous)
    if auto_backup and not outcome.created:
        # No room for today's copy: reading must still work, and the next open tries again.
        with suppress(DiskFullError):
            backup.rotate(path, journal.backup_dir, today or date.today())
    return journal


def _open_on_full_disk(data_dir: Path, path: Path) -> Journal:
    """The journal opened for reading only, when a full disk keeps SQLite from opening it.

    Search, exports and the portfolio to another disk still work; any write raises
    ``DiskFullError`` before touching the file. A journal that needs an upgrade, or whose
    write-ahead log still holds commits, cannot be read this way and stays refused.
    """
    if not readable_frozen(path) or migrate.read_revision(path, connect_frozen) != migrate.HEAD:
        raise DiskFullError(data_dir)
    engine = make_engine(path, read_only_connect=lambda: connect_frozen(path))
    return Journal(data_dir, engine, migrated_from=migrate.HEAD, read_only=True)
