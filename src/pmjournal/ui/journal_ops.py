"""The journal calls the desktop app makes, as plain functions the worker thread runs.

Each is a thin use of a service. The services are imported inside the functions: they bring
SQLAlchemy, which the first paint of the window does without (see ``services/glance.py``);
the worker imports them while the window is already on screen.

The services publish what each write changed on ``journal.changes`` themselves; nothing here
publishes on their behalf.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pmjournal.domain.entry_templates import written_words
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.link_names import LinkNames
from pmjournal.domain.records import EntryRecord, ProfileRecord
from pmjournal.domain.vocab import EntryKind

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.services.search import SearchHit

ENTRY_PAGE = 200


@dataclass(frozen=True)
class EntryFields:
    """What the editor holds for one entry; names are checked when it is saved."""

    text: str
    day: date
    kind: EntryKind
    projects: Sequence[str] = ()
    skills: Sequence[str] = ()
    tags: Sequence[str] = ()
    title: str = ""


def fields_of(record: EntryRecord) -> EntryFields:
    return EntryFields(
        text=record.body,
        day=record.date,
        kind=EntryKind(record.kind),
        projects=record.projects,
        skills=record.skills,
        tags=record.tags,
        title=record.title,
    )


def save_entry(journal: Journal, entry_id: int | None, fields: EntryFields) -> EntryRecord:
    from pmjournal.services.records import entries

    draft = entries.EntryDraft(
        text=fields.text,
        day=fields.day,
        kind=fields.kind,
        title=fields.title,
        projects=tuple(fields.projects),
        skills=tuple(fields.skills),
        tags=tuple(fields.tags),
    )
    if entry_id is None:
        return entries.add_entry(journal, draft).value
    return entries.update_entry(journal, entry_id, draft).value


def delete_entry(journal: Journal, entry_id: int) -> EntryRecord:
    """Delete and return what was deleted, so the user can undo it."""
    from pmjournal.services.records import entries

    record = entries.get_entry(journal, entry_id)
    if record is None:
        raise ValidationError("that entry was already deleted", "entry")
    entries.delete_entry(journal, entry_id)
    return record


def restore_entry(journal: Journal, record: EntryRecord) -> EntryRecord:
    """Undo a delete: the same day, text and links, as a new entry."""
    return save_entry(journal, None, fields_of(record))


def entry_page(journal: Journal, offset: int, limit: int = ENTRY_PAGE) -> list[EntryRecord]:
    from pmjournal.services.records.entries import recent_entries

    return recent_entries(journal, limit=limit, offset=offset)


def glance(data_dir: Path, limit: int = ENTRY_PAGE) -> list[EntryRecord] | None:
    from pmjournal.services.glance import latest_entries

    return latest_entries(data_dir, limit)


def get_entry(journal: Journal, entry_id: int) -> EntryRecord | None:
    from pmjournal.services.records.entries import get_entry as get

    return get(journal, entry_id)


@dataclass(frozen=True)
class DayWords:
    """What the calendar shows for one day: its first entry and the words the user wrote."""

    day: date
    first_entry_id: int
    words: int


def month_words(journal: Journal, first: date, last: date) -> dict[date, DayWords]:
    from pmjournal.services.records.entries import entries_between

    found: dict[date, DayWords] = {}
    for record in entries_between(journal, first, last):
        seen = found.get(record.date)
        words = written_words(record.body)
        found[record.date] = DayWords(
            record.date,
            seen.first_entry_id if seen else record.id,
            words + (seen.words if seen else 0),
        )
    return found


def names_for_links(journal: Journal) -> LinkNames:
    from pmjournal.services.records.link_names import link_names

    return link_names(journal)


def search(journal: Journal, text: str, limit: int = 30) -> list[SearchHit]:
    from pmjournal.services.search import search_journal

    return search_journal(journal, text, limit)


def first_run(journal: Journal) -> bool:
    """A journal with no profile and no entry: the welcome is shown."""
    from pmjournal.services.records.entries import recent_entries
    from pmjournal.services.records.profile import get_profile

    return get_profile(journal).is_empty and not recent_entries(journal, 1)


def start_journal(
    journal: Journal,
    person: ProfileRecord,
    organisation: str,
    title: str,
    start: date,
) -> None:
    """The welcome's "Create my journal": the profile, and the first internship if named.

    The internship is checked before anything is written, so a half-filled form saves nothing.
    """
    from pmjournal.domain.internships import InternshipDraft, validate_internship
    from pmjournal.services.records.internships import add_internship
    from pmjournal.services.records.profile import update_profile

    draft = None
    if organisation.strip() or title.strip():
        draft = validate_internship(InternshipDraft(organisation, title, start))
    update_profile(journal, name=person.name, headline=person.headline)
    if draft is not None:
        add_internship(journal, draft)


def load_demo(journal: Journal) -> None:
    from pmjournal.services.demo.generate import generate_demo

    generate_demo(journal)


def week_written(journal: Journal, day: date) -> bool:
    """Does the ISO week holding ``day`` have its weekly entry? (The reminder stays quiet.)"""
    from pmjournal.domain.reminder import monday_of
    from pmjournal.services.records.entries import entries_between

    monday = monday_of(day)
    week = entries_between(journal, monday, monday + timedelta(days=6))
    return any(record.kind == EntryKind.WEEKLY.value for record in week)
