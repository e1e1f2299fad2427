"""The SQLAlchemy engine of a journal file: connection settings and real transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event

# How long any statement waits for another process's lock before giving up. The desktop app,
# the capture window and the CLI share one file; a write waits its turn rather than failing.
BUSY_TIMEOUT_MS = 15_000


def apply_pragmas(
    connection: sqlite3.Connection, *, foreign_keys: bool = True, read_only: bool = False
) -> None:
    """Settings every connection to a journal needs; WAL persists in the file itself.

    The busy timeout comes first: switching a new file to WAL takes a lock another process
    creating the same journal may hold.
    """
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")


def make_engine(
    path: Path,
    *,
    foreign_keys: bool = True,
    read_only_connect: Callable[[], sqlite3.Connection] | None = None,
) -> Engine:
    """An engine whose transactions are real SQLite transactions, DDL included.

    Python's sqlite3 driver does not open a transaction before CREATE or ALTER, so a migration
    killed half-way would leave half a schema; we turn its handling off and emit BEGIN
    ourselves (the recipe in SQLAlchemy's pysqlite notes). Connections with the execution
    option ``write=True`` take the write lock at once with BEGIN IMMEDIATE, so a write never
    fails half-way on a lock another writer holds. Migrations turn ``foreign_keys`` off, as
    SQLite's table rebuilds require (with them on, dropping the old table deletes the rows
    that point at it), and check the links themselves before committing.

    ``read_only_connect`` makes every connection with that function instead (a full disk
    opens the journal for reading only that way); it changes no setting stored in the file.
    """
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        **({"creator": read_only_connect} if read_only_connect else {}),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(
            dbapi_connection, foreign_keys=foreign_keys, read_only=read_only_connect is not None
        )

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
