"""The only way the PDF engine reads anything: our bundled resources and the user's attachments.

WeasyPrint's default fetcher opens ``file://``, ``http(s)://`` and ``ftp://`` URLs and embeds
``<link rel=attachment>`` targets (FACTS.md), so user text could make a portfolio phone home or
carry a copy of ``~/.ssh`` inside it. This fetcher replaces it: it serves regular files under
two roots, named by our own URL schemes, and refuses everything else: other schemes, paths that
climb out, symlinks that resolve outside a root, devices, FIFOs, directories and oversized
files. Every request is logged, so tests can prove what was asked and what was refused.
"""

from __future__ import annotations

import mimetypes
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from weasyprint.urls import URLFetcher, URLFetcherResponse

from pmjournal.render.resources import (
    ATTACHMENT_SCHEME,
    RESOURCE_SCHEME,
    resources_root,
    safe_parts,
)

MAX_FILE_BYTES = 50 * 1024 * 1024


class FetchRefusedError(ValueError):
    """A URL the portfolio must not read; WeasyPrint logs it and renders without it."""


@dataclass(frozen=True)
class FetchRecord:
    url: str
    served: bool
    reason: str = ""


class JournalFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads only below the resources and attachments folders."""

    def __init__(self, attachments_dir: Path | None = None) -> None:
        super().__init__(timeout=1, allowed_protocols=(), allow_redirects=False)
        roots = {RESOURCE_SCHEME: resources_root()}
        if attachments_dir is not None:
            roots[ATTACHMENT_SCHEME] = Path(attachments_dir)
        self._roots = {scheme: Path(os.path.realpath(root)) for scheme, root in roots.items()}
        self.log: list[FetchRecord] = []

    @property
    def refused(self) -> list[FetchRecord]:
        return [record for record in self.log if not record.served]

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        try:
            data = self._read(url)
        except FetchRefusedError as error:
            self.log.append(FetchRecord(url, False, str(error)))
            raise
        self.log.append(FetchRecord(url, True))
        mime = mimetypes.guess_type(url.partition(":")[2])[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": mime})

    def _read(self, url: str) -> bytes:
        scheme, colon, rest = url.partition(":")
        root = self._roots.get(scheme) if colon else None
        if root is None:
            raise FetchRefusedError(f"only bundled resources and attachments are read: {url}")
        parts = safe_parts(unquote(rest.split("?", 1)[0].split("#", 1)[0]))
        if parts is None:
            raise FetchRefusedError(f"path leaves its folder: {url}")
        path = os.path.realpath(root.joinpath(*parts))
        if os.path.commonpath([path, root]) != str(root):
            raise FetchRefusedError(f"resolves outside its folder: {url}")
        return _read_regular_file(path, url)


def _read_regular_file(path: str, url: str) -> bytes:
    """Read ``path`` only if it is a regular file of sane size.

    Opened non-blocking and without following a final symlink, then checked on the open
    descriptor, so a FIFO or device swapped in after the path check cannot hang the render.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as error:
        raise FetchRefusedError(f"cannot open ({error.strerror}): {url}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FetchRefusedError(f"not a regular file: {url}")
        if info.st_size > MAX_FILE_BYTES:
            raise FetchRefusedError(f"larger than {MAX_FILE_BYTES // 2**20} MB: {url}")
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            return handle.read(MAX_FILE_BYTES)
    finally:
        os.close(descriptor)
