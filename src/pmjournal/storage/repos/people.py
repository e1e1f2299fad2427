"""People: finding one by name, the list a network screen shows, saving, and delete impact."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pmjournal.domain.changes import Kind, Ref
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import Page, PageRequest
from pmjournal.domain.people import PersonDraft, PersonRecord
from pmjournal.domain.vocab import Relationship
from pmjournal.storage import models
from pmjournal.storage.lookup import project_by_name, unknown_name
from pmjournal.storage.repos.queries import contains_text, count_where, require_row, window

_BY_ID = re.compile(r"^#\s*([0-9]+)$")
_FEEDBACK = (
    select(func.count(models.Feedback.id))
    .where(models.Feedback.person_id == models.Person.id)
    .correlate(models.Person)
    .scalar_subquery()
)


def _record(row: models.Person, feedback_count: int) -> PersonRecord:
    return PersonRecord(
        id=row.id,
        name=row.name,
        title=row.title,
        organisation=row.organisation,
        relationship=Relationship(row.relationship_kind),
        email=row.email,
        notes=row.notes,
        confidential=row.confidential,
        feedback_count=feedback_count,
    )


def _named(session: Session, name: str) -> list[models.Person]:
    """People called ``name`` in any case; compared in Python, as SQLite folds ASCII only."""
    wanted = name.casefold()
    return [p for p in session.scalars(select(models.Person)) if p.name.casefold() == wanted]


def person_by_ref(session: Session, ref: str, field: str = "person") -> models.Person:
    """The person a user means by their name (any case) or "#ID"; close names are suggested.

    Names are unique for people added here, but an imported journal may hold two people of
    one name: then the error lists their ids so the user can pick one.
    """
    clean = " ".join(ref.split())
    by_id = _BY_ID.match(clean)
    if by_id:
        row = session.get(models.Person, int(by_id.group(1)))
        if row is None:
            raise ValidationError(f"no person with id {by_id.group(1)}", field)
        return row
    rows = _named(session, clean)
    if len(rows) == 1:
        return rows[0]
    if rows:
        ids = " or ".join(f"#{r.id}" for r in rows)
        raise ValidationError(f"{len(rows)} people are called {clean!r}; use {ids}", field)
    known = list(session.scalars(select(models.Person.name)))
    raise unknown_name("person", clean, known, field)


def id_by_ref(session: Session, ref: str) -> int:
    return person_by_ref(session, ref).id


def create(session: Session, draft: PersonDraft) -> int:
    """Save a validated draft as a new person; returns their id."""
    return _write(session, models.Person(), draft).id


def update(session: Session, person_id: int, draft: PersonDraft) -> frozenset[Ref]:
    """Write a validated draft over the person; returns their feedback, which shows the name."""
    _write(session, require_row(session, models.Person, person_id, "person"), draft)
    return frozenset((Kind.FEEDBACK, i) for i in feedback_ids(session, person_id))


def _write(session: Session, row: models.Person, draft: PersonDraft) -> models.Person:
    """Names are unique without case, so a name always finds one person."""
    same = next((p for p in _named(session, draft.name) if p.id != row.id), None)
    if same is not None:
        raise ValidationError(
            f"there is already a person named {same.name!r} (#{same.id}); add what tells "
            "them apart to the name",
            "name",
        )
    row.name = draft.name
    row.title = draft.title
    row.organisation = draft.organisation
    row.relationship_kind = draft.relationship
    row.email = draft.email
    row.notes = draft.notes
    row.confidential = draft.confidential
    session.add(row)
    session.flush()
    return row


def feedback_ids(session: Session, person_id: int) -> list[int]:
    return list(
        session.scalars(select(models.Feedback.id).where(models.Feedback.person_id == person_id))
    )


def get(session: Session, person_id: int) -> PersonRecord | None:
    found = session.execute(
        select(models.Person, _FEEDBACK).where(models.Person.id == person_id)
    ).first()
    return _record(*found) if found else None


def load(session: Session, person_id: int) -> PersonRecord:
    """The record, or the refusal a user sees for an id that does not exist."""
    record = get(session, person_id)
    if record is None:
        raise ValidationError(f"no person with id {person_id}", "person")
    return record


def list_page(
    session: Session,
    *,
    relationship: Relationship | None = None,
    organisation: str | None = None,
    project: str | None = None,
    text: str | None = None,
    request: PageRequest,
) -> Page[PersonRecord]:
    """People by name; ``project``: they gave feedback about it; ``text``: any of their fields."""
    person = models.Person
    where: list[ColumnElement[bool]] = []
    if relationship is not None:
        where.append(person.relationship_kind == relationship.value)
    if organisation is not None and organisation.strip():
        where.append(func.lower(person.organisation) == organisation.strip().lower())
    if project is not None:
        project_id = project_by_name(session, project).id
        gave = (
            select(models.Feedback.person_id)
            .join(
                models.feedback_projects,
                models.feedback_projects.c.feedback_id == models.Feedback.id,
            )
            .where(models.feedback_projects.c.project_id == project_id)
        )
        where.append(person.id.in_(gave))
    if text and text.strip():
        columns = (person.name, person.title, person.organisation, person.email, person.notes)
        where.append(contains_text(columns, text))
    statement: Any = (
        select(person, _FEEDBACK).where(*where).order_by(func.lower(person.name), person.id)
    )
    rows = session.execute(window(statement, request)).all()
    return Page(
        items=tuple(_record(*row) for row in rows),
        total=count_where(session, person, where),
        offset=request.offset,
    )


def delete_impact(session: Session, person_id: int) -> DeleteImpact:
    """Their feedback is kept, without a person; the relationship stays on each feedback."""
    row: models.Person = require_row(session, models.Person, person_id, "person")
    return DeleteImpact(
        target=(Kind.PERSON, person_id),
        label=f"person {row.name!r}",
        detached=frozenset((Kind.FEEDBACK, i) for i in feedback_ids(session, person_id)),
    )


def delete(session: Session, person_id: int) -> None:
    row = require_row(session, models.Person, person_id, "person")
    for item in row.feedback:
        item.person = None
    session.delete(row)
