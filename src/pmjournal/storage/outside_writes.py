"""Noticing commits that other processes (the CLI, the capture window) make to an open journal.

SQLite's ``PRAGMA data_version``, read on one long-lived connection, changes whenever another
connection commits. The journal's own writes go through other connections too, so after each
of its own commits the journal reads the value again and takes it as seen; a value that then
differs from the last one seen means another process wrote. A foreign commit that lands in
the microseconds between an own commit and that read is taken for the journal's own; the next
foreign write, or reopening, shows it.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from pmjournal.storage.readonly import connect_read_only


class OutsideWrites:
    """Asked from any thread (the GUI's timer, the worker's commits), one at a time."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = connect_read_only(path, any_thread=True)
        self._seen = self._version()

    def _version(self) -> int:
        if self._connection is None:
            return self._seen
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def note_own_commit(self) -> None:
        """Called after each of the journal's own commits: that change is not news."""
        with self._lock:
            self._seen = self._version()

    def happened(self) -> bool:
        """Has another process committed since the last own commit or the last question?"""
        with self._lock:
            version = self._version()
            changed, self._seen = version != self._seen, version
        return changed

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
