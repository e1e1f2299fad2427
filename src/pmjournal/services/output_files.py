"""Files the user names with ``--out``: checked before any work, written whole or not at all.

Every output (portfolio, bullets, export) writes through here, so none of them can replace a
device, a folder or the journal itself, follow a symlink by replacing it, or leave half a file
where a good one was.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pmjournal.domain.errors import DiskFullError, ValidationError


def resolve_output(out: Path, *, protected: Iterable[Path] = ()) -> Path:
    """The real file to write for ``out``, or a ``ValidationError`` saying why not.

    A symlink is followed, so the link keeps pointing at the new file. ``protected`` names
    files that must never be overwritten (the journal database and its WAL files).
    """
    target = Path(os.path.realpath(Path(out).expanduser()))
    if target.exists():
        mode = target.stat().st_mode
        if stat.S_ISDIR(mode):
            raise ValidationError(f"{out} is a folder; give a file name", "out")
        if not stat.S_ISREG(mode):
            raise ValidationError(f"{out} is not a regular file", "out")
    if not target.parent.is_dir():
        raise ValidationError(f"folder {target.parent} does not exist", "out")
    guarded = {Path(os.path.realpath(p)) for p in protected}
    if target in guarded:
        raise ValidationError(f"{out} is the journal itself; choose another file", "out")
    return target


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A stream whose bytes replace ``target`` only when the block ends without error.

    Failing to create or finally place the file (no permission, a read-only folder) is a
    ``ValidationError`` naming it; running out of space is ``DiskFullError``; other errors
    inside the block, such as a renderer's, pass through as they are. Either way the partial
    file is removed.
    """
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        # 0o666 so the finished file gets the user's usual permissions (umask applies).
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise ValidationError(f"cannot write {target}: {error.strerror or error}", "out") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _place(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(target.parent) from None
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _place(partial: Path, target: Path) -> None:
    try:
        os.replace(partial, target)
    except OSError as error:
        raise ValidationError(f"cannot write {target}: {error.strerror or error}", "out") from None


def write_text(out: Path, text: str, *, protected: Iterable[Path] = ()) -> Path:
    """Check ``out`` and write ``text`` to it as UTF-8 with Unix newlines, atomically."""
    target = resolve_output(out, protected=protected)
    with atomic_output(target) as stream:
        stream.write(text.encode("utf-8"))
    return target
