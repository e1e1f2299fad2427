"""Attaching a user's images and PDFs to entries and projects.

The file is checked by its content (``domain.attachments``), copied into the journal's
``attachments/`` folder under its content hash, and only then linked in one transaction; if the
transaction fails, a copy it made is removed again. Removing the last link deletes the row, and
after the commit the file: a crash between the two leaves a stray file, never a row without
its file, and ``prune_attachments`` removes strays.
"""

from __future__ import annotations

import re
from pathlib import Path

from pmjournal.domain.attachments import (
    EXTENSIONS,
    MAX_BYTES,
    SNIFF_BYTES,
    AttachmentRecord,
    check_attachment,
)
from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import Page
from pmjournal.services.records.published import published
from pmjournal.storage import attachment_files
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import attachments as repo

__all__ = [
    "AttachmentRecord",
    "attach_file",
    "attachment_delete_impact",
    "attachment_path",
    "delete_attachment",
    "detach_changes",
    "detach_file",
    "get_attachment",
    "list_attachments",
    "prune_attachments",
]

MAX_FILENAME = 255
_STORED = re.compile(r"^[0-9a-f]{64}\.(" + "|".join(EXTENSIONS.values()) + r")$")


def attach_file(
    journal: Journal, path: Path, *, entry_id: int | None = None, project: str | None = None
) -> Outcome[AttachmentRecord]:
    """Copy the file at ``path`` into the journal and link it to one entry or project.

    The same content attached again is stored once; refused: a missing or unreadable file, an
    empty one, one over ``MAX_BYTES``, one that is not PNG, JPEG, GIF, WebP or PDF by content,
    and a second link to the same entry or project.
    """
    path = Path(path).expanduser()
    if (entry_id is None) == (project is None):
        raise ValidationError("attach to exactly one entry or one project", "target")
    if not path.is_file():
        raise ValidationError("no such file", str(path))
    media_type = check_attachment(
        attachment_files.read_head(path, SNIFF_BYTES), path.stat().st_size, str(path)
    )
    stored = attachment_files.store_file(
        path, journal.attachments_dir, EXTENSIONS[media_type], MAX_BYTES
    )
    try:
        with journal.transaction() as session:
            target = repo.target_ids(session, entry_id, project)
            attachment_id, created = repo.link(
                session, stored.sha256, path.name[:MAX_FILENAME], media_type, stored.size, target
            )
    except BaseException:
        if stored.created:
            stored.path.unlink(missing_ok=True)
        raise
    record = get_attachment(journal, attachment_id)
    assert record is not None
    owner = (Kind.ENTRY, entry_id) if entry_id is not None else (Kind.PROJECT, target[1] or 0)
    changes = Changes.of(
        created=[(Kind.ATTACHMENT, attachment_id)] if created else [],
        updated=[owner] + ([] if created else [(Kind.ATTACHMENT, attachment_id)]),
    )
    journal.changes.publish(changes)
    return Outcome(record, changes)


def detach_file(
    journal: Journal,
    attachment_id: int,
    *,
    entry_id: int | None = None,
    project: str | None = None,
) -> Outcome[None]:
    """Remove one link; removing the last one deletes the attachment and its file."""
    with journal.transaction() as session:
        target = repo.target_ids(session, entry_id, project)
        name = repo.detach(session, attachment_id, target)
    if name:
        attachment_files.remove_file(journal.attachments_dir, name)
    return published(journal, None, detach_changes(attachment_id, target, last=name is not None))


def detach_changes(
    attachment_id: int, target: tuple[int | None, int | None], *, last: bool
) -> Changes:
    """What a detach changed: its owner, and the attachment updated or, with its last link,
    deleted."""
    entry_id, project_id = target
    owner = (Kind.ENTRY, entry_id) if entry_id is not None else (Kind.PROJECT, project_id or 0)
    return Changes.of(
        updated=[owner] + ([] if last else [(Kind.ATTACHMENT, attachment_id)]),
        deleted=[(Kind.ATTACHMENT, attachment_id)] if last else [],
    )


def attachment_delete_impact(journal: Journal, attachment_id: int) -> DeleteImpact:
    with journal.reading() as session:
        return repo.delete_impact(session, attachment_id)


def delete_attachment(
    journal: Journal, attachment_id: int, *, choice: DeleteChoice
) -> Outcome[None]:
    """Delete an attachment and its file; one still linked needs ``DETACH``, which takes it
    off every entry and project showing it (``detach_file`` takes it off one)."""
    with journal.transaction() as session:
        impact = repo.delete_impact(session, attachment_id)
        impact.check(choice)
        name = repo.delete_row(session, attachment_id)
    attachment_files.remove_file(journal.attachments_dir, name)
    return published(journal, None, impact.changes())


def prune_attachments(journal: Journal) -> Outcome[None]:
    """Delete attachments whose last entry or project was deleted, and files no row names.

    Entry and project deletes cascade to the link tables in SQLite; this finishes the job for
    the files, so a deleted entry's only image does not stay on disk.
    """
    with journal.transaction() as session:
        orphans = repo.unlinked(session)
        for attachment_id in orphans:
            repo.delete_row(session, attachment_id)
        kept = repo.stored_names(session)
    folder = journal.attachments_dir
    if folder.is_dir():
        for path in folder.iterdir():
            if _STORED.match(path.name) and path.name not in kept:
                path.unlink(missing_ok=True)
    changes = Changes.of(deleted=[(Kind.ATTACHMENT, a) for a in orphans])
    journal.changes.publish(changes)
    return Outcome(None, changes)


def get_attachment(journal: Journal, attachment_id: int) -> AttachmentRecord | None:
    with journal.reading() as session:
        return repo.load(session, attachment_id)


def list_attachments(
    journal: Journal,
    *,
    entry_id: int | None = None,
    project: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[AttachmentRecord]:
    with journal.reading() as session:
        return repo.page(session, entry_id, project, limit, offset)


def attachment_path(journal: Journal, record: AttachmentRecord) -> Path:
    """Where the stored copy is, for a viewer to open."""
    return journal.attachments_dir / record.stored_name
