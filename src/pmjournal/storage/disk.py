"""What a failed SQLite call means for the user: a full disk is not a damaged journal.

SQLite reports a full disk as ``SQLITE_FULL`` on a write, but as a plain ``disk I/O error``
when it cannot grow the shared-memory file that WAL readers need. Both become
``DiskFullError``, which names the folder and says what to do; anything else passes through.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from pmjournal.domain.errors import DiskFullError

SQLITE_IOERR = 10
SQLITE_FULL = 13
# Less free space than this, and an I/O error is taken to be the full disk.
NEARLY_FULL_BYTES = 1 << 20


__all__ = ["DiskFullError", "disk_full_error", "readable_frozen", "sqlite_failure"]


def free_bytes(path: Path) -> int | None:
    """Free space on the filesystem holding ``path`` (or its nearest existing folder)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def is_disk_full(path: Path) -> bool:
    free = free_bytes(path)
    return free is not None and free < NEARLY_FULL_BYTES


def disk_full_error(error: BaseException | None, path: Path) -> DiskFullError | None:
    """``DiskFullError`` for the folder of ``path`` if ``error`` comes from a full disk."""
    folder = path.parent
    if isinstance(error, sqlite3.Error):
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code == SQLITE_FULL or (code == SQLITE_IOERR and is_disk_full(path)):
            return DiskFullError(folder)
    elif isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(folder)
    return None


def readable_frozen(path: Path) -> bool:
    """Whether the file alone holds every commit, so it can be read without SQLite's index.

    A WAL reader needs a 32 KB shared-memory file, which a full disk cannot give it. With the
    write-ahead log empty or gone (as every clean close leaves it), the database file is the
    whole journal and can be read as an unchanging file instead.
    """
    wal = path.with_name(path.name + "-wal")
    return path.is_file() and (not wal.exists() or wal.stat().st_size == 0)


def sqlite_failure(error: sqlite3.Error, path: Path) -> Exception:
    """The error to raise for ``error`` on the file at ``path``: ``DiskFullError`` or itself."""
    return disk_full_error(error, path) or error
