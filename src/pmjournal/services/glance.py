"""A first look at a journal before it is opened: what a window can paint at once.

Imports no SQLAlchemy (see ``storage/repos/entry_glance.py``), and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from pmjournal.domain.records import EntryRecord
from pmjournal.storage.repos import entry_glance

DB_FILENAME = "journal.sqlite3"


def latest_entries(data_dir: Path, limit: int) -> list[EntryRecord] | None:
    """The newest ``limit`` entries, or None if the folder holds no readable journal yet."""
    return entry_glance.latest_entries(Path(data_dir).expanduser() / DB_FILENAME, limit)
