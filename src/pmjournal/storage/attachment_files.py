"""The files behind attachments: ``attachments/<sha256>.<ext>`` in the data folder.

A stored file is named for its content, so it is written once and never changed: the same
image attached twice is kept once, and copying the folder (backup, restore) only has to add the
names that are missing. Files are written to a temporary name and renamed into place, so a
crash never leaves half a file under a final name.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path
    created: bool


def read_head(path: Path, count: int) -> bytes:
    with path.open("rb") as source:
        return source.read(count)


def store_file(source: Path, folder: Path, extension: str, limit: int) -> StoredFile:
    """Copy ``source`` into ``folder`` under its content hash; nothing is written past ``limit``.

    ``created`` is False when the folder held the same content already (nothing was written).
    """
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    partial = Path(temporary)
    try:
        with os.fdopen(handle, "wb") as target, source.open("rb") as data:
            while chunk := data.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ValueError(f"{source} grew past {limit} bytes while it was copied")
                digest.update(chunk)
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        final = folder / f"{digest.hexdigest()}.{extension}"
        if final.exists():
            partial.unlink()
            return StoredFile(digest.hexdigest(), size, final, created=False)
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return StoredFile(digest.hexdigest(), size, final, created=True)


def write_bytes(data: bytes, final: Path) -> bool:
    """Write ``data`` at ``final`` atomically unless it is there already; True if written."""
    if final.exists():
        return False
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=final.parent)
    partial = Path(temporary)
    try:
        with os.fdopen(handle, "wb") as target:
            target.write(data)
            target.flush()
            os.fsync(target.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return True


def read_stored(folder: Path, name: str) -> bytes | None:
    """The bytes of a stored file, or None if it is missing (a stray removed by hand)."""
    try:
        return (folder / name).read_bytes()
    except FileNotFoundError:
        return None


def remove_file(folder: Path, name: str) -> None:
    (folder / name).unlink(missing_ok=True)


def copy_attachments(source: Path, target: Path) -> int:
    """Copy every stored file of ``source`` missing from ``target``; returns how many.

    Names are content hashes, so a file present under its name is the same file.
    """
    if not source.is_dir():
        return 0
    copied = 0
    for path in sorted(source.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        final = target / path.name
        if final.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        partial = target / f".incoming-{path.name}"
        shutil.copyfile(path, partial)
        os.replace(partial, final)
        copied += 1
    return copied
