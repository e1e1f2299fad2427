"""Putting back the links a delete removed, when the user undoes it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from pmjournal.storage import models


def _existing(session: Session, model: type[models.Base], ids: Iterable[int]) -> list[int]:
    """The ids that still exist: a record deleted since is not linked back."""
    wanted = list(ids)
    if not wanted:
        return []
    return list(session.scalars(select(model.id).where(model.id.in_(wanted))))  # type: ignore[attr-defined]


def link_project(
    session: Session, project_id: int, entry_ids: Iterable[int], feedback_ids: Iterable[int]
) -> None:
    """Link entries and feedback to a project again."""
    entries = _existing(session, models.Entry, entry_ids)
    if entries:
        session.execute(
            insert(models.entry_projects),
            [{"entry_id": e, "project_id": project_id} for e in entries],
        )
    feedback = _existing(session, models.Feedback, feedback_ids)
    if feedback:
        session.execute(
            insert(models.feedback_projects),
            [{"feedback_id": f, "project_id": project_id} for f in feedback],
        )
    session.expire_all()


def give_feedback_to(session: Session, person_id: int, feedback_ids: Iterable[int]) -> None:
    """Name the person as the giver of feedback that lost them."""
    feedback = _existing(session, models.Feedback, feedback_ids)
    if feedback:
        session.execute(
            update(models.Feedback)
            .where(models.Feedback.id.in_(feedback), models.Feedback.person_id.is_(None))
            .values(person_id=person_id)
        )
    session.expire_all()


def attach_to_internship(
    session: Session, internship_id: int, project_ids: Iterable[int], goal_ids: Iterable[int]
) -> None:
    """Put projects and goals that lost their internship back under it."""
    for model, ids in ((models.Project, project_ids), (models.Goal, goal_ids)):
        kept = _existing(session, model, ids)
        if kept:
            session.execute(
                update(model)
                .where(model.id.in_(kept), model.internship_id.is_(None))
                .values(internship_id=internship_id)
            )
    session.expire_all()
