"""Tags: free-form labels on entries, renamed and merged without losing an entry's label."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import Page, PageRequest
from pmjournal.domain.tags import TagRecord
from pmjournal.storage import models
from pmjournal.storage.lookup import existing_tag

_links = models.entry_tags


def _count(session: Session, tag_id: int) -> int:
    total = session.scalar(
        select(func.count()).select_from(_links).where(_links.c.tag_id == tag_id)
    )
    return total or 0


def record(session: Session, tag: models.Tag) -> TagRecord:
    return TagRecord(tag.id, tag.name, _count(session, tag.id))


def load(session: Session, name: str) -> TagRecord:
    return record(session, existing_tag(session, name))


def add(session: Session, name: str) -> TagRecord:
    other = session.scalar(select(models.Tag).where(models.Tag.name == name))
    if other is not None:
        raise ValidationError(f"a tag named {other.name!r} exists already", "name")
    tag = models.Tag(name=name)
    session.add(tag)
    session.flush()
    return record(session, tag)


def rename(session: Session, current: str, new_name: str) -> TagRecord:
    tag = existing_tag(session, current)
    other = session.scalar(select(models.Tag).where(models.Tag.name == new_name))
    if other is not None and other.id != tag.id:
        raise ValidationError(
            f"a tag named {other.name!r} exists already; merge the two tags instead", "name"
        )
    tag.name = new_name
    session.flush()
    return record(session, tag)


def merge(session: Session, source: str, into: str) -> tuple[int, TagRecord, list[int]]:
    """Label every entry of ``source`` with ``into`` and delete ``source``.

    Returns the deleted tag's id, the merged tag and the ids of the entries that changed.
    """
    old = existing_tag(session, source)
    new = existing_tag(session, into)
    if old.id == new.id:
        raise ValidationError(f"{old.name!r} cannot be merged into itself", "into")
    labelled = set(session.scalars(select(_links.c.entry_id).where(_links.c.tag_id == new.id)))
    moved = sorted(
        set(session.scalars(select(_links.c.entry_id).where(_links.c.tag_id == old.id))) - labelled
    )
    if moved:
        session.execute(insert(_links), [{"entry_id": e, "tag_id": new.id} for e in moved])
    old_id = old.id
    session.execute(delete(_links).where(_links.c.tag_id == old_id))
    session.delete(old)
    session.flush()
    return old_id, record(session, new), moved


def delete_impact(session: Session, name: str) -> DeleteImpact:
    """The entries that carry it keep their text and lose the label."""
    tag = existing_tag(session, name)
    entries = session.scalars(select(_links.c.entry_id).where(_links.c.tag_id == tag.id))
    return DeleteImpact(
        target=(Kind.TAG, tag.id),
        label=f"tag {tag.name!r}",
        detached=frozenset((Kind.ENTRY, e) for e in entries),
    )


def remove(session: Session, name: str) -> int:
    """Delete a tag, taking it off every entry that carries it."""
    tag = existing_tag(session, name)
    tag_id = tag.id
    session.execute(delete(_links).where(_links.c.tag_id == tag_id))
    session.delete(tag)
    session.flush()
    return tag_id


def page(session: Session, text: str | None, limit: int, offset: int) -> Page[TagRecord]:
    """Tags by name with how many entries carry each."""
    PageRequest(limit, offset)
    count = func.count(_links.c.entry_id)
    query = (
        select(models.Tag.id, models.Tag.name, count)
        .outerjoin(_links, _links.c.tag_id == models.Tag.id)
        .group_by(models.Tag.id)
    )
    if text:
        query = query.where(models.Tag.name.ilike(f"%{text.strip().lstrip('#')}%"))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.order_by(models.Tag.name).limit(limit).offset(offset))
    return Page(tuple(TagRecord(i, n, c) for i, n, c in rows), total, offset)
