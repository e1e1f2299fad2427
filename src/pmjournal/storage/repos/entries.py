"""Queries and row changes for journal entries; the service decides when they run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.records import EntryRecord
from pmjournal.storage import models
from pmjournal.storage.convert import entry_record
from pmjournal.storage.lookup import project_by_name, skill_by_name, tag_by_name

_LOAD = (
    selectinload(models.Entry.projects),
    selectinload(models.Entry.tags),
    selectinload(models.Entry.evidence).selectinload(models.Evidence.skill),
)


def write_entry(
    session: Session,
    entry_id: int | None,
    *,
    day: date,
    kind: str,
    title: str,
    body: str,
    projects: Sequence[str],
    skills: Sequence[str],
    tags: Sequence[str],
) -> EntryRecord:
    """Create (``entry_id`` None) or overwrite an entry with its links, checked by name.

    An unknown project or skill raises ``ValidationError`` before anything is flushed, and a
    skill kept across an edit keeps its evidence note.
    """
    entry = models.Entry() if entry_id is None else session.get(models.Entry, entry_id)
    if entry is None:
        raise ValidationError(f"no entry with id {entry_id}", "entry")
    with session.no_autoflush:
        entry.date = day
        entry.kind = kind
        entry.title = title
        entry.body = body
        entry.projects = list(dict.fromkeys(project_by_name(session, n) for n in projects))
        entry.tags = [tag_by_name(session, n) for n in _distinct(tags)]
        chosen = list(dict.fromkeys(skill_by_name(session, n) for n in skills))
        kept = {e.skill_id: e for e in entry.evidence if e.skill_id is not None}
        entry.evidence = [kept.get(s.id) or models.Evidence(skill=s) for s in chosen]
    session.add(entry)
    session.flush()
    session.refresh(entry)
    return entry_record(entry)


def _distinct(names: Sequence[str]) -> list[str]:
    """Names once each, compared as SQLite's NOCASE does, keeping the first spelling."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name.strip().lstrip("#").casefold(), name)
    return list(first.values())


def remove_entry(session: Session, entry_id: int) -> None:
    entry = session.get(models.Entry, entry_id)
    if entry is None:
        raise ValidationError(f"no entry with id {entry_id}", "entry")
    session.delete(entry)


def entry_by_id(session: Session, entry_id: int) -> EntryRecord | None:
    entry = session.scalar(select(models.Entry).where(models.Entry.id == entry_id).options(*_LOAD))
    return entry_record(entry) if entry else None


def newest_entries(session: Session, limit: int, offset: int) -> list[EntryRecord]:
    query = (
        select(models.Entry)
        .order_by(models.Entry.date.desc(), models.Entry.id.desc())
        .limit(limit)
        .offset(offset)
        .options(*_LOAD)
    )
    return [entry_record(e) for e in session.scalars(query)]


def entries_in_span(session: Session, first: date, last: date) -> list[EntryRecord]:
    query = (
        select(models.Entry)
        .where(models.Entry.date.between(first, last))
        .order_by(models.Entry.date, models.Entry.id)
        .options(*_LOAD)
    )
    return [entry_record(e) for e in session.scalars(query)]
