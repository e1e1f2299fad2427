"""The only door to a journal for front ends: open, close, where its files are.

The CLI and the GUI import ``Journal`` and ``open_journal`` from here, never from ``storage/``,
so the storage layer can change without touching a front end.
"""

from __future__ import annotations

from pathlib import Path

from pmjournal.domain.changes import Changes
from pmjournal.storage.database import DB_FILENAME, Journal, database_files, open_journal
from pmjournal.storage.migrate import (
    HEAD as SCHEMA_REVISION,
)
from pmjournal.storage.migrate import (
    MigrationError,
    NotAJournalError,
    SchemaTooNewError,
)

__all__ = [
    "DB_FILENAME",
    "SCHEMA_REVISION",
    "Journal",
    "MigrationError",
    "NotAJournalError",
    "SchemaTooNewError",
    "close_journal",
    "journal_files",
    "open_journal",
    "publish_outside_writes",
]


def journal_files(data_dir: Path) -> tuple[Path, ...]:
    """The database of ``data_dir`` and its companions, which no output may overwrite."""
    return database_files(Path(data_dir).expanduser() / DB_FILENAME)


def close_journal(journal: Journal) -> None:
    journal.close()


def publish_outside_writes(journal: Journal) -> bool:
    """Tell the journal's listeners if another process (the CLI, the capture window) has
    committed since the last call; a long-lived front end asks now and then. Cheap: one
    PRAGMA on a connection kept open for it."""
    if not journal.outside_writes().happened():
        return False
    journal.changes.publish(Changes.elsewhere())
    return True
