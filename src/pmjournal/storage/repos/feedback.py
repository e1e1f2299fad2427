"""Feedback rows: writing a draft, the follow-up, and the filtered lists a screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.feedback import FeedbackDraft, FeedbackRecord, FollowUp
from pmjournal.domain.paging import Page
from pmjournal.domain.vocab import Relationship
from pmjournal.storage import models
from pmjournal.storage.lookup import project_by_name, skill_by_name
from pmjournal.storage.repos.paging import page_of
from pmjournal.storage.repos.people import person_by_ref

_LOAD = (
    selectinload(models.Feedback.person),
    selectinload(models.Feedback.projects),
    selectinload(models.Feedback.evidence).selectinload(models.Evidence.skill),
)


@dataclass(frozen=True)
class FeedbackFilter:
    person: str | None = None
    kind: str | None = None
    project: str | None = None
    skill: str | None = None
    open_follow_up: bool | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    internship: int | None = None


def record(row: models.Feedback) -> FeedbackRecord:
    return FeedbackRecord(
        id=row.id,
        date=row.date,
        person=row.person.name if row.person else None,
        relationship=row.relationship_kind,
        kind=row.kind,
        text=row.text,
        follow_up=FollowUp(row.follow_up, row.follow_up_done, row.follow_up_on),
        projects=tuple(p.name for p in row.projects),
        skills=tuple(e.skill.name for e in row.evidence),
        confidential=row.confidential,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def find(session: Session, feedback_id: int) -> models.Feedback:
    row = session.get(models.Feedback, feedback_id)
    if row is None:
        raise ValidationError(f"no feedback with id {feedback_id}", "feedback")
    return row


def load(session: Session, feedback_id: int) -> FeedbackRecord | None:
    row = session.scalar(
        select(models.Feedback).where(models.Feedback.id == feedback_id).options(*_LOAD)
    )
    return record(row) if row else None


def save(session: Session, draft: FeedbackDraft, feedback_id: int | None = None) -> int:
    """Insert (``feedback_id`` None) or overwrite a feedback from ``draft``; returns its id.

    Skills already linked keep their evidence notes; a skill left out loses its evidence.
    """
    row = models.Feedback() if feedback_id is None else find(session, feedback_id)
    with session.no_autoflush:
        person = person_by_ref(session, draft.person) if draft.person else None
        row.date = draft.day or date.today()
        row.person = person
        relationship = draft.relationship or (
            Relationship(person.relationship_kind) if person else Relationship.PEER
        )
        row.relationship_kind = relationship.value
        row.kind = draft.kind.value
        row.text = draft.text.strip()
        row.confidential = draft.confidential
        row.projects = list(dict.fromkeys(project_by_name(session, n) for n in draft.projects))
        skills = list(dict.fromkeys(skill_by_name(session, n) for n in draft.skills))
        kept = {e.skill_id: e for e in row.evidence}
        row.evidence = [kept.get(s.id) or models.Evidence(skill=s) for s in skills]
    session.add(row)
    session.flush()
    return row.id


def set_follow_up(session: Session, feedback_id: int, follow_up: FollowUp) -> None:
    row = find(session, feedback_id)
    row.follow_up = follow_up.text.strip()
    row.follow_up_done = follow_up.done
    row.follow_up_on = follow_up.on
    session.flush()


def evidence_ids(session: Session, feedback_id: int) -> list[int]:
    return [e.id for e in find(session, feedback_id).evidence]


def delete_impact(session: Session, feedback_id: int) -> DeleteImpact:
    """The skill evidence it holds goes with it; its projects and person only show less."""
    row = find(session, feedback_id)
    touched = {(Kind.PROJECT, p.id) for p in row.projects}
    if row.person_id is not None:
        touched.add((Kind.PERSON, row.person_id))
    return DeleteImpact(
        target=(Kind.FEEDBACK, feedback_id),
        label=f"feedback #{feedback_id}",
        removed=frozenset((Kind.EVIDENCE, e.id) for e in row.evidence),
        touched=frozenset(touched),
    )


def delete(session: Session, feedback_id: int) -> None:
    session.delete(find(session, feedback_id))
    session.flush()


def _filtered(session: Session, where: FeedbackFilter) -> Select[models.Feedback]:
    query = select(models.Feedback)
    if where.person:
        person = person_by_ref(session, where.person)
        query = query.where(models.Feedback.person_id == person.id)
    if where.kind:
        query = query.where(models.Feedback.kind == where.kind)
    if where.project:
        project = project_by_name(session, where.project)
        query = query.where(
            exists().where(
                models.feedback_projects.c.feedback_id == models.Feedback.id,
                models.feedback_projects.c.project_id == project.id,
            )
        )
    if where.internship is not None:
        query = query.where(
            exists().where(
                models.feedback_projects.c.feedback_id == models.Feedback.id,
                models.feedback_projects.c.project_id == models.Project.id,
                models.Project.internship_id == where.internship,
            )
        )
    if where.skill:
        skill = skill_by_name(session, where.skill)
        query = query.where(
            exists().where(
                models.Evidence.feedback_id == models.Feedback.id,
                models.Evidence.skill_id == skill.id,
            )
        )
    if where.open_follow_up is not None:
        query = query.where(models.Feedback.follow_up_done.is_(not where.open_follow_up))
    if where.since:
        query = query.where(models.Feedback.date >= where.since)
    if where.until:
        query = query.where(models.Feedback.date <= where.until)
    if where.text:
        pattern = f"%{where.text.strip()}%"
        query = query.where(
            or_(models.Feedback.text.ilike(pattern), models.Feedback.follow_up.ilike(pattern))
        )
    return query


def page(session: Session, where: FeedbackFilter, limit: int, offset: int) -> Page[FeedbackRecord]:
    """Newest first."""
    query = (
        _filtered(session, where)
        .order_by(models.Feedback.date.desc(), models.Feedback.id.desc())
        .options(*_LOAD)
    )
    return page_of(session, query, record, limit, offset)
