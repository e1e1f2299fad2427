"""Where the portfolio's own files live, and the two URL schemes that name what may be read.

Every URL the PDF engine may load is written by us in one of two forms:
``pmj-resource:css/…`` for files bundled in ``pmjournal.resources`` and
``pmj-attachment:…`` for files in the journal's ``attachments/`` folder. Anything else (http,
file, data, relative paths) is refused by the fetcher, so the sanitiser and the templates only
have to produce these two forms. This module imports nothing heavy: the sanitiser needs the
scheme names without paying for WeasyPrint.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path, PurePosixPath
from urllib.parse import quote

RESOURCE_SCHEME = "pmj-resource"
ATTACHMENT_SCHEME = "pmj-attachment"
ATTACHMENTS_FOLDER = "attachments"


def resources_root() -> Path:
    """The bundled resources folder as a real directory (installed package or source tree)."""
    return Path(str(files("pmjournal.resources")))


def read_resource(relative: str) -> str:
    """A bundled text resource (CSS), read through importlib.resources, never the cwd."""
    return files("pmjournal.resources").joinpath(*relative.split("/")).read_text("utf-8")


def safe_parts(relative: str) -> tuple[str, ...] | None:
    """The path segments of ``relative`` if it stays inside its folder, else None.

    Refuses absolute paths, ``..`` and ``.`` segments, empty segments and backslashes, so a
    name can be joined to a root folder without climbing out of it.
    """
    if not relative or "\\" in relative or "\x00" in relative or relative.startswith("/"):
        return None
    parts = PurePosixPath(relative).parts
    if not parts or any(part in ("", ".", "..") for part in relative.split("/")):
        return None
    return parts


def attachment_url(name: str) -> str | None:
    """Our URL for a file in the attachments folder, or None if ``name`` would leave it."""
    parts = safe_parts(name)
    if parts is None:
        return None
    return f"{ATTACHMENT_SCHEME}:{quote('/'.join(parts))}"
