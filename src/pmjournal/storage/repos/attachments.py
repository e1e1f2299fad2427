"""Attachment rows and their links to entries and projects."""

from __future__ import annotations

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.attachments import AttachmentRecord, stored_name
from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import Page
from pmjournal.storage import models
from pmjournal.storage.lookup import project_by_name
from pmjournal.storage.repos.paging import page_of

_LOAD = (selectinload(models.Attachment.entries), selectinload(models.Attachment.projects))
_ENTRY = models.entry_attachments
_PROJECT = models.project_attachments


def record(row: models.Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=row.id,
        sha256=row.sha256,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        created_at=row.created_at,
        entry_ids=tuple(sorted(e.id for e in row.entries)),
        projects=tuple(sorted(p.name for p in row.projects)),
    )


def find(session: Session, attachment_id: int) -> models.Attachment:
    row = session.get(models.Attachment, attachment_id)
    if row is None:
        raise ValidationError(f"no attachment with id {attachment_id}", "attachment")
    return row


def load(session: Session, attachment_id: int) -> AttachmentRecord | None:
    row = session.scalar(
        select(models.Attachment).where(models.Attachment.id == attachment_id).options(*_LOAD)
    )
    return record(row) if row else None


def delete_impact(session: Session, attachment_id: int) -> DeleteImpact:
    """The entries and projects showing it keep everything else."""
    row = find(session, attachment_id)
    return DeleteImpact(
        target=(Kind.ATTACHMENT, attachment_id),
        label=f"attachment #{attachment_id} {row.filename!r}",
        detached=frozenset(
            [
                *((Kind.ENTRY, e.id) for e in row.entries),
                *((Kind.PROJECT, p.id) for p in row.projects),
            ]
        ),
    )


def target_ids(
    session: Session, entry_id: int | None, project: str | None
) -> tuple[int | None, int | None]:
    """The entry id or project id an attachment goes to; exactly one must be given."""
    if (entry_id is None) == (project is None):
        raise ValidationError("attach to exactly one entry or one project", "target")
    if entry_id is not None:
        if session.get(models.Entry, entry_id) is None:
            raise ValidationError(f"no entry with id {entry_id}", "entry")
        return entry_id, None
    assert project is not None
    return None, project_by_name(session, project).id


def link(
    session: Session,
    sha256: str,
    filename: str,
    media_type: str,
    size: int,
    target: tuple[int | None, int | None],
) -> tuple[int, bool]:
    """Link the content ``sha256`` to the target, creating its row if new; (id, created)."""
    row = session.scalar(select(models.Attachment).where(models.Attachment.sha256 == sha256))
    created = row is None
    if row is None:
        row = models.Attachment(sha256=sha256, filename=filename, media_type=media_type, size=size)
        session.add(row)
        session.flush()
    entry_id, project_id = target
    table, column, owner = (
        (_ENTRY, "entry_id", entry_id)
        if entry_id is not None
        else (_PROJECT, "project_id", project_id)
    )
    linked = session.scalar(
        select(exists().where(table.c[column] == owner, table.c.attachment_id == row.id))
    )
    if linked:
        what = f"entry #{entry_id}" if entry_id is not None else "that project"
        raise ValidationError(f"{filename!r} is attached to {what} already", "file")
    session.execute(insert(table).values({column: owner, "attachment_id": row.id}))
    return row.id, created


def link_count(session: Session, attachment_id: int) -> int:
    count = 0
    for table in (_ENTRY, _PROJECT):
        count += (
            session.scalar(
                select(func.count())
                .select_from(table)
                .where(table.c.attachment_id == attachment_id)
            )
            or 0
        )
    return count


def unlink(session: Session, attachment_id: int, target: tuple[int | None, int | None]) -> None:
    entry_id, project_id = target
    if entry_id is not None:
        where = (_ENTRY.c.entry_id == entry_id) & (_ENTRY.c.attachment_id == attachment_id)
        done = session.execute(delete(_ENTRY).where(where))
    else:
        where = (_PROJECT.c.project_id == project_id) & (_PROJECT.c.attachment_id == attachment_id)
        done = session.execute(delete(_PROJECT).where(where))
    if not done.rowcount:  # type: ignore[attr-defined]
        raise ValidationError(f"attachment #{attachment_id} is not attached there", "attachment")


def detach(
    session: Session, attachment_id: int, target: tuple[int | None, int | None]
) -> str | None:
    """Remove one link and, with the last, the row; the stored file's name if it went too."""
    unlink(session, attachment_id, target)
    if link_count(session, attachment_id):
        return None
    return delete_row(session, attachment_id)


def owner_exists(session: Session, target: tuple[int | None, int | None]) -> bool:
    """Whether the entry or project of ``target`` (ids) is still in the journal."""
    entry_id, project_id = target
    if entry_id is not None:
        return session.get(models.Entry, entry_id) is not None
    return project_id is not None and session.get(models.Project, project_id) is not None


def delete_row(session: Session, attachment_id: int) -> str:
    """Delete the row (its links go with it); returns the stored file's name."""
    row = find(session, attachment_id)
    name = stored_name(row.sha256, row.media_type)
    session.execute(delete(_ENTRY).where(_ENTRY.c.attachment_id == attachment_id))
    session.execute(delete(_PROJECT).where(_PROJECT.c.attachment_id == attachment_id))
    session.execute(delete(models.Attachment).where(models.Attachment.id == attachment_id))
    return name


def unlinked(session: Session) -> list[int]:
    """Rows no entry or project points at any more (their owner was deleted)."""
    query = select(models.Attachment.id).where(
        ~exists().where(_ENTRY.c.attachment_id == models.Attachment.id),
        ~exists().where(_PROJECT.c.attachment_id == models.Attachment.id),
    )
    return list(session.scalars(query))


def stored_names(session: Session) -> set[str]:
    rows = session.execute(select(models.Attachment.sha256, models.Attachment.media_type))
    return {stored_name(sha, media_type) for sha, media_type in rows}


def page(
    session: Session, entry_id: int | None, project: str | None, limit: int, offset: int
) -> Page[AttachmentRecord]:
    query = select(models.Attachment).options(*_LOAD)
    if entry_id is not None:
        query = query.where(
            exists().where(
                _ENTRY.c.attachment_id == models.Attachment.id, _ENTRY.c.entry_id == entry_id
            )
        )
    if project is not None:
        project_id = project_by_name(session, project).id
        query = query.where(
            exists().where(
                _PROJECT.c.attachment_id == models.Attachment.id,
                _PROJECT.c.project_id == project_id,
            )
        )
    return page_of(session, query.order_by(models.Attachment.id), record, limit, offset)
