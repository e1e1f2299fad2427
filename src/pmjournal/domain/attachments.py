"""Which files may be attached, recognised by their content, and the value a front end sees.

The type is decided from the first bytes (the "magic number"), never from the file name alone:
a renamed executable must not become an "image" that the portfolio embeds. The extension of
the stored copy comes from that type, so ``attachments/<sha256>.<ext>`` always tells the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pmjournal.domain.errors import ValidationError

MAX_BYTES = 20 * 1024 * 1024
SNIFF_BYTES = 16

# media type -> the extension of the stored copy
EXTENSIONS: dict[str, str] = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/pdf": "pdf",
}


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    sha256: str
    filename: str
    media_type: str
    size: int
    created_at: datetime
    entry_ids: tuple[int, ...]
    projects: tuple[str, ...]

    @property
    def stored_name(self) -> str:
        """The file's name inside the journal's ``attachments/`` folder."""
        return stored_name(self.sha256, self.media_type)


def stored_name(sha256: str, media_type: str) -> str:
    return f"{sha256}.{EXTENSIONS[media_type]}"


def sniff(head: bytes) -> str | None:
    """The media type of a file starting with ``head``, or None if it is not one we take."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def check_attachment(head: bytes, size: int, filename: str) -> str:
    """The media type of an acceptable file; a ``ValidationError`` naming the file otherwise."""
    if size == 0:
        raise ValidationError("the file is empty", filename)
    if size > MAX_BYTES:
        raise ValidationError(
            f"the file is {size / 1024 / 1024:.1f} MB; attachments are at most "
            f"{MAX_BYTES // 1024 // 1024} MB",
            filename,
        )
    media_type = sniff(head)
    if media_type is None:
        raise ValidationError(
            "not an image or PDF (attach PNG, JPEG, GIF, WebP or PDF files; the content is "
            "checked, not only the name)",
            filename,
        )
    return media_type
