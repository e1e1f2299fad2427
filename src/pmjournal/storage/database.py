"""Opening a journal: one SQLite file in a data folder, migrated and backed up before use.

Every write goes through ``Journal.transaction()``: it commits as a whole or not at all, and
with WAL a commit that returned survives the process being killed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pmjournal.storage import backup, migrate

DB_FILENAME = "journal.sqlite3"
BUSY_TIMEOUT_MS = 5000


def database_files(path: Path) -> tuple[Path, ...]:
    """The database file and its SQLite companions: no ``--out`` may ever overwrite them."""
    return (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")))


def apply_pragmas(connection: sqlite3.Connection, *, foreign_keys: bool = True) -> None:
    """Settings every connection to a journal needs; WAL persists in the file itself."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine whose transactions are real SQLite transactions, DDL included.

    Python's sqlite3 driver does not open a transaction before CREATE or ALTER, so a migration
    killed half-way would leave half a schema; we turn its handling off and emit BEGIN
    ourselves (the recipe in SQLAlchemy's pysqlite notes). Connections with the execution
    option ``write=True`` take the write lock at once with BEGIN IMMEDIATE, so a write never
    fails half-way on a lock another writer holds. Migrations turn ``foreign_keys`` off, as
    SQLite's table rebuilds require (with them on, dropping the old table deletes the rows
    that point at it), and check the links themselves before committing.
    """
    engine = create_engine(URL.create("sqlite", database=str(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection, foreign_keys=foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


@dataclass
class Journal:
    """An open journal: the data folder, its database file and a session factory."""

    data_dir: Path
    engine: Engine
    migrated_from: str | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _writers: sessionmaker[Session] = field(init=False, repr=False)

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
        """A session whose work is committed on success and rolled back on any error."""
        with self._writers.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed.

        Its queries share one transaction, so they all see the same snapshot of the file even
        while another process writes (an export never mixes two states of the journal).
        """
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_journal(data_dir: Path, *, auto_backup: bool = True, today: date | None = None) -> Journal:
    """Open (creating or upgrading as needed) the journal in ``data_dir``.

    Raises ``JournalRefusedError`` for a file that is not a journal or has a newer schema;
    such a file is left exactly as it was.
    """
    data_dir = Path(data_dir).expanduser()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILENAME
    outcome = migrate.ensure_current(path, data_dir / "backups")
    journal = Journal(data_dir, make_engine(path), migrated_from=outcome.previous)
    if auto_backup and not outcome.created:
        backup.rotate(path, journal.backup_dir, today or date.today())
    return journal
