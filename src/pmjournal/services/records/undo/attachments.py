"""Undoable detach of an attachment from an entry or project, the file included.

Detaching a file's last link deletes the stored file (``services/records/attachments.py``), so
the user's only copy of a screenshot would be gone with no way back. The detach here reads the
file's bytes in the same transaction that removes the row, and keeps them in the captured value
for the undo stack: an attachment is at most ``MAX_BYTES`` (20 MB), so holding one in memory
per undo step is bounded and cheaper than a trash folder the journal would have to sweep.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from pmjournal.domain.attachments import AttachmentRecord
from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.services.records.attachments import detach_changes
from pmjournal.services.records.published import published
from pmjournal.storage import attachment_files
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import attachments as repo


@dataclass(frozen=True)
class DetachedFile:
    """One link taken off, and the file's bytes when that link was its last."""

    record: AttachmentRecord
    target: tuple[int | None, int | None]
    """The entry id or project id it was detached from."""
    owner: str
    """The project's name or ``entry #id``, for what the front end says."""
    file_removed: bool
    """The link was the file's last, so the detach deleted the stored file."""
    content: bytes | None
    """The deleted file's bytes; None while other links kept it (or it was missing already)."""

    def write_back(self, session: Session, folder: Path) -> tuple[int, Changes]:
        """Link the file back to its owner; the caller has put the stored file in ``folder``.

        Refused, writing nothing, when the owner was deleted since, when the file is linked
        there again already, or when a file kept by other links was removed since.
        """
        record = self.record
        if not repo.owner_exists(session, self.target):
            raise ValidationError(
                f"{self.owner} was deleted since; {record.filename!r} cannot be attached back",
                "attachment",
            )
        if not (folder / record.stored_name).exists():
            raise ValidationError(
                f"the stored copy of {record.filename!r} was removed since; attach it again",
                "attachment",
            )
        attachment_id, created = repo.link(
            session, record.sha256, record.filename, record.media_type, record.size, self.target
        )
        entry_id, project_id = self.target
        owner = (Kind.ENTRY, entry_id) if entry_id is not None else (Kind.PROJECT, project_id or 0)
        changes = Changes.of(
            created=[(Kind.ATTACHMENT, attachment_id)] if created else [],
            updated=[owner] + ([] if created else [(Kind.ATTACHMENT, attachment_id)]),
        )
        return attachment_id, changes


def detach_file_undoably(
    journal: Journal,
    attachment_id: int,
    *,
    project: str | None = None,
    entry_id: int | None = None,
) -> Outcome[DetachedFile]:
    """Detach as ``detach_file`` does, capturing the record and, with its last link, the file."""
    folder = journal.attachments_dir
    with journal.transaction() as session:
        target = repo.target_ids(session, entry_id, project)
        record = repo.load(session, attachment_id)
        if record is None:
            repo.find(session, attachment_id)
        assert record is not None
        name = repo.detach(session, attachment_id, target)
        content = attachment_files.read_stored(folder, name) if name else None
    if name:
        attachment_files.remove_file(folder, name)
    owner = project if project is not None else f"entry #{entry_id}"
    captured = DetachedFile(record, target, owner, bool(name), content)
    return published(journal, captured, detach_changes(attachment_id, target, last=bool(name)))


def restore_detached(journal: Journal, detached: DetachedFile) -> Outcome[int]:
    """Re-store the bytes under their content-hash name (as the JSON import does), then link
    in one transaction; if the link is refused, a file written here is removed again, so an
    undo brings back the file and its link or writes nothing. The value is the attachment id."""
    final = journal.attachments_dir / detached.record.stored_name
    written = detached.content is not None and attachment_files.write_bytes(detached.content, final)
    try:
        with journal.transaction() as session:
            attachment_id, changes = detached.write_back(session, journal.attachments_dir)
    except BaseException:
        if written:
            final.unlink(missing_ok=True)
        raise
    return published(journal, attachment_id, changes)
