"""Writing and reading journal entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.limits import MAX_TITLE_CHARS, check_field
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.services.records.attachments import prune_attachments
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import entries as repo

MAX_TITLE = MAX_TITLE_CHARS


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
    check_field(draft.text, "text", "body")
    for label, names in (("project", draft.projects), ("skill", draft.skills), ("tag", draft.tags)):
        for name in names:
            check_field(name, label, "name")


def _write(journal: Journal, entry_id: int | None, draft: EntryDraft) -> EntryRecord:
    validate_draft(draft)
    with journal.transaction() as session:
        return repo.write_entry(
            session,
            entry_id,
            day=draft.day or date.today(),
            kind=draft.kind.value,
            title=draft.title.strip(),
            body=draft.text.strip(),
            projects=draft.projects,
            skills=draft.skills,
            tags=draft.tags,
        )


def add_entry(journal: Journal, draft: EntryDraft) -> Outcome[EntryRecord]:
    """Save a new entry in one transaction; an unknown project or skill saves nothing."""
    record = _write(journal, None, draft)
    return published(journal, record, Changes.of(created=[(Kind.ENTRY, record.id)]))


def update_entry(journal: Journal, entry_id: int, draft: EntryDraft) -> Outcome[EntryRecord]:
    record = _write(journal, entry_id, draft)
    return published(journal, record, Changes.of(updated=[(Kind.ENTRY, record.id)]))


def delete_entry(journal: Journal, entry_id: int) -> Outcome[None]:
    """Delete an entry; an attachment that only it used goes too, file included."""
    with journal.transaction() as session:
        repo.remove_entry(session, entry_id)
    prune_attachments(journal)
    return published(journal, None, Changes.of(deleted=[(Kind.ENTRY, entry_id)]))


def get_entry(journal: Journal, entry_id: int) -> EntryRecord | None:
    with journal.reading() as session:
        return repo.entry_by_id(session, entry_id)


def recent_entries(journal: Journal, limit: int = 50, offset: int = 0) -> list[EntryRecord]:
    """The newest entries first, as the main window lists them."""
    with journal.reading() as session:
        return repo.newest_entries(session, limit, offset)


def entries_between(journal: Journal, first: date, last: date) -> list[EntryRecord]:
    """Entries dated from ``first`` to ``last`` inclusive, oldest first."""
    with journal.reading() as session:
        return repo.entries_in_span(session, first, last)
