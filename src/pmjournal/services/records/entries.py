"""Writing and reading journal entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.services.records.attachments import prune_attachments
from pmjournal.storage import models
from pmjournal.storage.convert import entry_record
from pmjournal.storage.database import Journal
from pmjournal.storage.lookup import project_by_name, skill_by_name, tag_by_name

MAX_TITLE = 300


@dataclass(frozen=True)
class EntryDraft:
    """What the user wrote; names are resolved (and checked) when it is saved."""

    text: str
    day: date | None = None
    kind: EntryKind = EntryKind.DAILY
    title: str = ""
    projects: Sequence[str] = field(default_factory=tuple)
    skills: Sequence[str] = field(default_factory=tuple)
    tags: Sequence[str] = field(default_factory=tuple)


def validate_draft(draft: EntryDraft) -> None:
    """Checks that need no journal, so a front end can refuse before opening one."""
    if not draft.text.strip():
        raise ValidationError("an entry needs some text", "text")
    if len(draft.title) > MAX_TITLE:
        raise ValidationError(f"a title is at most {MAX_TITLE} characters", "title")


def _apply(session: Session, entry: models.Entry, draft: EntryDraft) -> None:
    entry.date = draft.day or date.today()
    entry.kind = draft.kind.value
    entry.title = draft.title.strip()
    entry.body = draft.text.strip()
    entry.projects = list(dict.fromkeys(project_by_name(session, n) for n in draft.projects))
    entry.tags = [tag_by_name(session, n) for n in _distinct(draft.tags)]
    skills = list(dict.fromkeys(skill_by_name(session, n) for n in draft.skills))
    kept = {e.skill_id: e for e in entry.evidence if e.skill_id is not None}
    entry.evidence = [kept.get(s.id) or models.Evidence(skill=s) for s in skills]


def _distinct(names: Sequence[str]) -> list[str]:
    """Names once each, compared as SQLite's NOCASE does, keeping the first spelling."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name.strip().lstrip("#").casefold(), name)
    return list(first.values())


_LOAD = (
    selectinload(models.Entry.projects),
    selectinload(models.Entry.tags),
    selectinload(models.Entry.evidence).selectinload(models.Evidence.skill),
)


def add_entry(journal: Journal, draft: EntryDraft) -> EntryRecord:
    """Save a new entry in one transaction; an unknown project or skill saves nothing."""
    validate_draft(draft)
    with journal.transaction() as session:
        entry = models.Entry()
        with session.no_autoflush:
            _apply(session, entry, draft)
        session.add(entry)
        session.flush()
        session.refresh(entry)
        return entry_record(entry)


def update_entry(journal: Journal, entry_id: int, draft: EntryDraft) -> EntryRecord:
    validate_draft(draft)
    with journal.transaction() as session:
        entry = session.get(models.Entry, entry_id)
        if entry is None:
            raise ValidationError(f"no entry with id {entry_id}", "entry")
        with session.no_autoflush:
            _apply(session, entry, draft)
        session.flush()
        session.refresh(entry)
        return entry_record(entry)


def delete_entry(journal: Journal, entry_id: int) -> None:
    """Delete an entry; an attachment that only it used goes too, file included."""
    with journal.transaction() as session:
        entry = session.get(models.Entry, entry_id)
        if entry is None:
            raise ValidationError(f"no entry with id {entry_id}", "entry")
        session.delete(entry)
    prune_attachments(journal)


def get_entry(journal: Journal, entry_id: int) -> EntryRecord | None:
    with journal.reading() as session:
        entry = session.scalar(
            select(models.Entry).where(models.Entry.id == entry_id).options(*_LOAD)
        )
        return entry_record(entry) if entry else None


def recent_entries(journal: Journal, limit: int = 50, offset: int = 0) -> list[EntryRecord]:
    """The newest entries first, as the main window lists them."""
    with journal.reading() as session:
        query = (
            select(models.Entry)
            .order_by(models.Entry.date.desc(), models.Entry.id.desc())
            .limit(limit)
            .offset(offset)
            .options(*_LOAD)
        )
        return [entry_record(e) for e in session.scalars(query)]


def entries_between(journal: Journal, first: date, last: date) -> list[EntryRecord]:
    """Entries dated from ``first`` to ``last`` inclusive, oldest first."""
    with journal.reading() as session:
        query = (
            select(models.Entry)
            .where(models.Entry.date.between(first, last))
            .order_by(models.Entry.date, models.Entry.id)
            .options(*_LOAD)
        )
        return [entry_record(e) for e in session.scalars(query)]
