"""Internships: create, update, delete, get and list.

Users name an internship "Title at Organisation", or "Organisation" alone while they have
one internship there, or "#ID" (see ``domain.internships``).
"""

from __future__ import annotations

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.internships import InternshipDraft, InternshipRecord, validate_internship
from pmjournal.domain.paging import DEFAULT_LIMIT, Page, PageRequest
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import internships as repo


def add_internship(journal: Journal, draft: InternshipDraft) -> Outcome[InternshipRecord]:
    """Save a new internship; the draft is checked before the journal is touched."""
    clean = validate_internship(draft)
    with journal.transaction() as session:
        record = repo.load(session, repo.create(session, clean))
    return published(journal, record, Changes.of(created={(Kind.INTERNSHIP, record.id)}))


def update_internship(
    journal: Journal, internship_id: int, draft: InternshipDraft
) -> Outcome[InternshipRecord]:
    """Replace every field with the draft's (start from ``InternshipDraft.of(record)``).

    Its projects and goals show the internship's name, so they are reported as updated too.
    """
    clean = validate_internship(draft)
    with journal.transaction() as session:
        linked = repo.update(session, internship_id, clean)
        record = repo.load(session, internship_id)
    changes = Changes.of(updated={(Kind.INTERNSHIP, internship_id), *linked})
    return published(journal, record, changes)


def internship_delete_impact(journal: Journal, internship_id: int) -> DeleteImpact:
    """What deleting would affect: its projects and goals, which are kept without it."""
    with journal.reading() as session:
        return repo.delete_impact(session, internship_id)


def delete_internship(
    journal: Journal, internship_id: int, *, choice: DeleteChoice
) -> Outcome[None]:
    """Delete; with projects or goals it needs ``DeleteChoice.DETACH``, which keeps them."""
    with journal.transaction() as session:
        impact = repo.delete_impact(session, internship_id)
        impact.check(choice)
        repo.delete(session, internship_id)
    return published(journal, None, impact.changes())


def get_internship(journal: Journal, internship_id: int) -> InternshipRecord | None:
    with journal.reading() as session:
        return repo.get(session, internship_id)


def find_internship(journal: Journal, name: str) -> InternshipRecord:
    """The internship a user names; an unknown name raises ``ValidationError`` with hints."""
    with journal.reading() as session:
        return repo.load(session, repo.id_by_ref(session, name))


def list_internships(
    journal: Journal, *, text: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Page[InternshipRecord]:
    """The newest first; ``text`` matches organisation, title, team or description."""
    request = PageRequest(limit, offset)
    with journal.reading() as session:
        return repo.list_page(session, text=text, request=request)
