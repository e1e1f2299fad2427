"""Internships: finding one by the name users type, listing, saving, and what a delete affects."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pmjournal.domain.changes import Kind, Ref
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.internships import InternshipDraft, InternshipRecord, internship_label
from pmjournal.domain.paging import Page, PageRequest
from pmjournal.storage import models
from pmjournal.storage.lookup import unknown_name
from pmjournal.storage.repos.queries import contains_text, count_where, require_row, window

_BY_ID = re.compile(r"^#\s*([0-9]+)$")

_PROJECTS = (
    select(func.count(models.Project.id))
    .where(models.Project.internship_id == models.Internship.id)
    .correlate(models.Internship)
    .scalar_subquery()
)
_GOALS = (
    select(func.count(models.Goal.id))
    .where(models.Goal.internship_id == models.Internship.id)
    .correlate(models.Internship)
    .scalar_subquery()
)


def _record(row: models.Internship, project_count: int, goal_count: int) -> InternshipRecord:
    return InternshipRecord(
        id=row.id,
        organisation=row.organisation,
        title=row.title,
        team=row.team,
        location=row.location,
        start_date=row.start_date,
        end_date=row.end_date,
        description=row.description,
        project_count=project_count,
        goal_count=goal_count,
    )


def internship_by_ref(session: Session, ref: str, field: str = "internship") -> models.Internship:
    """The internship a user means by "Title at Organisation", "Organisation" or "#ID".

    An organisation alone must name exactly one internship; otherwise the error lists the
    full names to choose from. Unknown names suggest the closest ones.
    """
    clean = " ".join(ref.split())
    by_id = _BY_ID.match(clean)
    if by_id:
        row = session.get(models.Internship, int(by_id.group(1)))
        if row is None:
            raise ValidationError(f"no internship with id {by_id.group(1)}", field)
        return row
    rows = list(session.scalars(select(models.Internship).order_by(models.Internship.start_date)))
    wanted = clean.casefold()
    exact = [r for r in rows if internship_label(r.title, r.organisation).casefold() == wanted]
    if exact:
        return exact[0]
    at_organisation = [r for r in rows if r.organisation.casefold() == wanted]
    if len(at_organisation) == 1:
        return at_organisation[0]
    if at_organisation:
        names = " or ".join(
            repr(internship_label(r.title, r.organisation)) for r in at_organisation
        )
        raise ValidationError(
            f"{len(at_organisation)} internships are at {clean!r}; name one: {names}", field
        )
    known = [internship_label(r.title, r.organisation) for r in rows]
    known += sorted({r.organisation for r in rows})
    raise unknown_name("internship", clean, known, field, count=len(rows))


def id_by_ref(session: Session, ref: str) -> int:
    return internship_by_ref(session, ref).id


def check_unique(session: Session, draft: InternshipDraft, own_id: int | None) -> None:
    """Two internships with the same title at the same organisation could not be told apart."""
    label = internship_label(draft.title, draft.organisation).casefold()
    for row in session.scalars(select(models.Internship)):
        if row.id != own_id and internship_label(row.title, row.organisation).casefold() == label:
            raise ValidationError(
                f"there is already an internship {internship_label(row.title, row.organisation)!r}"
                f" (#{row.id}); give this one another title, such as with its year",
                "title",
            )


def create(session: Session, draft: InternshipDraft) -> int:
    """Save a validated draft as a new internship; returns its id."""
    return _write(session, models.Internship(), draft).id


def update(session: Session, internship_id: int, draft: InternshipDraft) -> frozenset[Ref]:
    """Write a validated draft over the internship; returns the projects and goals showing it."""
    row = _write(
        session, require_row(session, models.Internship, internship_id, "internship"), draft
    )
    projects = ((Kind.PROJECT, p.id) for p in row.projects)
    return frozenset([*projects, *((Kind.GOAL, g.id) for g in row.goals)])


def _write(session: Session, row: models.Internship, draft: InternshipDraft) -> models.Internship:
    check_unique(session, draft, row.id)
    assert draft.start_date is not None
    row.organisation = draft.organisation
    row.title = draft.title
    row.team = draft.team
    row.location = draft.location
    row.start_date = draft.start_date
    row.end_date = draft.end_date
    row.description = draft.description
    session.add(row)
    session.flush()
    return row


def get(session: Session, internship_id: int) -> InternshipRecord | None:
    found = session.execute(
        select(models.Internship, _PROJECTS, _GOALS).where(models.Internship.id == internship_id)
    ).first()
    return _record(*found) if found else None


def load(session: Session, internship_id: int) -> InternshipRecord:
    """The record, or the refusal a user sees for an id that does not exist."""
    record = get(session, internship_id)
    if record is None:
        raise ValidationError(f"no internship with id {internship_id}", "internship")
    return record


def list_page(
    session: Session, *, text: str | None, request: PageRequest
) -> Page[InternshipRecord]:
    """The newest internship first; ``text`` searches organisation, title, team, description."""
    conditions: list[ColumnElement[bool]] = []
    if text and text.strip():
        i = models.Internship
        conditions.append(contains_text((i.organisation, i.title, i.team, i.description), text))
    statement: Any = (
        select(models.Internship, _PROJECTS, _GOALS)
        .where(*conditions)
        .order_by(models.Internship.start_date.desc(), models.Internship.id.desc())
    )
    rows = session.execute(window(statement, request)).all()
    return Page(
        items=tuple(_record(*row) for row in rows),
        total=count_where(session, models.Internship, conditions),
        offset=request.offset,
    )


def delete_impact(session: Session, internship_id: int) -> DeleteImpact:
    """Its projects and goals are kept and detached; nothing belongs to an internship alone."""
    row: models.Internship = require_row(session, models.Internship, internship_id, "internship")
    projects = session.scalars(
        select(models.Project.id).where(models.Project.internship_id == internship_id)
    )
    goals = session.scalars(
        select(models.Goal.id).where(models.Goal.internship_id == internship_id)
    )
    return DeleteImpact(
        target=(Kind.INTERNSHIP, internship_id),
        label=f"internship {internship_label(row.title, row.organisation)!r}",
        detached=frozenset(
            [*((Kind.PROJECT, i) for i in projects), *((Kind.GOAL, i) for i in goals)]
        ),
    )


def delete(session: Session, internship_id: int) -> None:
    """Delete the row; projects and goals keep their data and lose the link."""
    row = require_row(session, models.Internship, internship_id, "internship")
    for project in row.projects:
        project.internship = None
    for goal in row.goals:
        goal.internship = None
    session.delete(row)
