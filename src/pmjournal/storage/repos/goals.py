"""Goals and their check-ins."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.goals import CheckinDraft, CheckinRecord, GoalDraft, GoalRecord
from pmjournal.domain.paging import Page
from pmjournal.storage import models
from pmjournal.storage.repos.paging import page_of

_LOAD = (selectinload(models.Goal.internship), selectinload(models.Goal.checkins))


def checkin_record(checkin: models.GoalCheckin) -> CheckinRecord:
    return CheckinRecord(checkin.id, checkin.goal_id, checkin.date, checkin.note, checkin.progress)


def record(goal: models.Goal) -> GoalRecord:
    internship = goal.internship
    return GoalRecord(
        id=goal.id,
        title=goal.title,
        description=goal.description,
        target_date=goal.target_date,
        status=goal.status,
        internship_id=goal.internship_id,
        internship=f"{internship.title}, {internship.organisation}" if internship else None,
        checkins=tuple(checkin_record(c) for c in goal.checkins),
        created_at=goal.created_at,
        updated_at=goal.updated_at,
    )


def find(session: Session, goal_id: int) -> models.Goal:
    goal = session.get(models.Goal, goal_id)
    if goal is None:
        raise ValidationError(f"no goal with id {goal_id}", "goal")
    return goal


def load(session: Session, goal_id: int) -> GoalRecord | None:
    goal = session.scalar(select(models.Goal).where(models.Goal.id == goal_id).options(*_LOAD))
    return record(goal) if goal else None


def save(session: Session, draft: GoalDraft, goal_id: int | None = None) -> int:
    goal = models.Goal() if goal_id is None else find(session, goal_id)
    if draft.internship is not None and session.get(models.Internship, draft.internship) is None:
        raise ValidationError(f"no internship with id {draft.internship}", "internship")
    goal.title = draft.title.strip()
    goal.description = draft.description.strip()
    goal.target_date = draft.target_date
    goal.status = draft.status.value
    goal.internship_id = draft.internship
    session.add(goal)
    session.flush()
    return goal.id


def checkin_ids(session: Session, goal_id: int) -> list[int]:
    return [c.id for c in find(session, goal_id).checkins]


def delete_impact(session: Session, goal_id: int) -> DeleteImpact:
    """Its check-ins belong to it and go with it."""
    goal = find(session, goal_id)
    return DeleteImpact(
        target=(Kind.GOAL, goal_id),
        label=f"goal #{goal_id} {goal.title!r}",
        removed=frozenset((Kind.CHECKIN, c.id) for c in goal.checkins),
    )


def delete(session: Session, goal_id: int) -> None:
    session.delete(find(session, goal_id))
    session.flush()


def add_checkin(session: Session, goal_id: int, draft: CheckinDraft) -> int:
    goal = find(session, goal_id)
    checkin = models.GoalCheckin(
        goal=goal, date=draft.day or date.today(), note=draft.note.strip(), progress=draft.progress
    )
    session.add(checkin)
    session.flush()
    return checkin.id


def find_checkin(session: Session, checkin_id: int) -> models.GoalCheckin:
    checkin = session.get(models.GoalCheckin, checkin_id)
    if checkin is None:
        raise ValidationError(f"no check-in with id {checkin_id}", "checkin")
    return checkin


def update_checkin(session: Session, checkin_id: int, draft: CheckinDraft) -> CheckinRecord:
    checkin = find_checkin(session, checkin_id)
    checkin.date = draft.day or checkin.date
    checkin.note = draft.note.strip()
    checkin.progress = draft.progress
    session.flush()
    return checkin_record(checkin)


def delete_checkin(session: Session, checkin_id: int) -> int:
    checkin = find_checkin(session, checkin_id)
    goal_id = checkin.goal_id
    session.delete(checkin)
    session.flush()
    return goal_id


def page(
    session: Session,
    status: str | None,
    internship: int | None,
    text: str | None,
    due_by: date | None,
    limit: int,
    offset: int,
) -> Page[GoalRecord]:
    """Goals by target date (undated last), then by id."""
    query = select(models.Goal).options(*_LOAD)
    if status:
        query = query.where(models.Goal.status == status)
    if internship is not None:
        query = query.where(models.Goal.internship_id == internship)
    if text:
        pattern = f"%{text.strip()}%"
        query = query.where(
            or_(models.Goal.title.ilike(pattern), models.Goal.description.ilike(pattern))
        )
    if due_by:
        query = query.where(models.Goal.target_date <= due_by)
    query = query.order_by(
        models.Goal.target_date.is_(None), models.Goal.target_date, models.Goal.id
    )
    return page_of(session, query, record, limit, offset)
