"""People: create, update, delete, get and list the user's network.

A person is named by their name (any case) or "#ID"; names are unique without case.
"""

from __future__ import annotations

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.field_checks import vocabulary
from pmjournal.domain.paging import DEFAULT_LIMIT, Page, PageRequest
from pmjournal.domain.people import PersonDraft, PersonRecord, validate_person
from pmjournal.domain.vocab import Relationship
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import people as repo


def add_person(journal: Journal, draft: PersonDraft) -> Outcome[PersonRecord]:
    clean = validate_person(draft)
    with journal.transaction() as session:
        record = repo.load(session, repo.create(session, clean))
    return published(journal, record, Changes.of(created={(Kind.PERSON, record.id)}))


def update_person(journal: Journal, person_id: int, draft: PersonDraft) -> Outcome[PersonRecord]:
    """Replace every field with the draft's (start from ``PersonDraft.of(record)``).

    Their feedback shows the person's name, so it is reported as updated too.
    """
    clean = validate_person(draft)
    with journal.transaction() as session:
        feedback = repo.update(session, person_id, clean)
        record = repo.load(session, person_id)
    return published(journal, record, Changes.of(updated={(Kind.PERSON, person_id), *feedback}))


def person_delete_impact(journal: Journal, person_id: int) -> DeleteImpact:
    """What deleting would affect: their feedback, which is kept without a person."""
    with journal.reading() as session:
        return repo.delete_impact(session, person_id)


def delete_person(journal: Journal, person_id: int, *, choice: DeleteChoice) -> Outcome[None]:
    """Delete; someone who gave feedback needs ``DeleteChoice.DETACH``, which keeps it.

    The feedback keeps its date, words and relationship (mentor, peer…), only not who.
    """
    with journal.transaction() as session:
        impact = repo.delete_impact(session, person_id)
        impact.check(choice)
        repo.delete(session, person_id)
    return published(journal, None, impact.changes())


def get_person(journal: Journal, person_id: int) -> PersonRecord | None:
    with journal.reading() as session:
        return repo.get(session, person_id)


def find_person(journal: Journal, name: str) -> PersonRecord:
    """The person a user names; an unknown name raises ``ValidationError`` with hints."""
    with journal.reading() as session:
        return repo.load(session, repo.id_by_ref(session, name))


def list_people(
    journal: Journal,
    *,
    relationship: str | None = None,
    organisation: str | None = None,
    project: str | None = None,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page[PersonRecord]:
    """People by name. ``project``: they gave feedback about it; ``text``: any of their fields."""
    request = PageRequest(limit, offset)
    kind = vocabulary(relationship, Relationship, "relationship") if relationship else None
    with journal.reading() as session:
        return repo.list_page(
            session,
            relationship=kind,
            organisation=organisation,
            project=project,
            text=text,
            request=request,
        )
