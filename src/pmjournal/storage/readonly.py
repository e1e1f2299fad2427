"""Opening a database file read-only, whatever characters its path holds."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from pmjournal.storage.engine import BUSY_TIMEOUT_MS


def connect_read_only(path: Path, *, any_thread: bool = False) -> sqlite3.Connection:
    """A read-only connection to ``path``; nothing it does can change the file's content.

    The path goes into an SQLite URI, so it is percent-encoded: a folder named "q?1" or "h#1"
    must not be read as a query string or a fragment (which would open another file). It
    waits for other processes' locks as long as a journal connection does. ``any_thread``
    lets several threads use it, for a caller that serialises them with its own lock.
    """
    return sqlite3.connect(
        f"file:{quote(os.fspath(path))}?mode=ro",
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=not any_thread,
    )


def connect_frozen(path: Path) -> sqlite3.Connection:
    """A read-only connection that treats ``path`` as a file nobody changes.

    It needs no shared-memory file and takes no locks, so it works on a full disk; it is
    only right while nothing writes, and when the write-ahead log holds no commits (see
    ``disk.readable_frozen``).
    """
    return sqlite3.connect(f"file:{quote(os.fspath(path))}?mode=ro&immutable=1", uri=True)
