"""Putting back the links a delete removed, when the user undoes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from pmjournal.domain.skills import EvidenceLink
from pmjournal.storage import models

SourceKey = tuple[int | None, int | None, int | None]


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


def give_evidence_back(
    session: Session,
    skill_id: int,
    links: Iterable[EvidenceLink],
    *,
    merged_into: int | None = None,
    notes_before: Mapping[SourceKey, str] | None = None,
) -> list[EvidenceLink]:
    """Write a restored skill's evidence notes back; returns the notes written.

    A note whose entry, project or feedback was deleted since is skipped. After a merge into
    ``merged_into``, a note that moved to that skill is taken back from it, and a note that
    was joined to one it already had leaves that one with its wording from before the merge
    (``notes_before``).
    """
    links = list(links)
    entries = set(_existing(session, models.Entry, (k.entry_id for k in links if k.entry_id)))
    projects = set(
        _existing(session, models.Project, (k.project_id for k in links if k.project_id))
    )
    feedback = set(
        _existing(session, models.Feedback, (k.feedback_id for k in links if k.feedback_id))
    )
    before = notes_before or {}
    written = []
    for link in links:
        if not (
            link.entry_id in entries or link.project_id in projects or link.feedback_id in feedback
        ):
            continue
        twin = _twin(session, merged_into, link) if merged_into is not None else None
        if twin is not None and link.key in before:
            twin.note = before[link.key]
        elif twin is not None:
            twin.skill_id = skill_id
            twin.note = link.note
            written.append(link)
            continue
        session.add(
            models.Evidence(
                skill_id=skill_id,
                entry_id=link.entry_id,
                project_id=link.project_id,
                feedback_id=link.feedback_id,
                note=link.note,
            )
        )
        written.append(link)
    session.flush()
    session.expire_all()
    return written


def _twin(session: Session, skill_id: int, link: EvidenceLink) -> models.Evidence | None:
    return session.scalar(
        select(models.Evidence).where(
            models.Evidence.skill_id == skill_id,
            models.Evidence.entry_id.is_not_distinct_from(link.entry_id),
            models.Evidence.project_id.is_not_distinct_from(link.project_id),
            models.Evidence.feedback_id.is_not_distinct_from(link.feedback_id),
        )
    )


def put_back_in_category(session: Session, category_id: int, skill_ids: Iterable[int]) -> list[int]:
    """Put skills that lost their category back in it; one filed elsewhere since stays there."""
    kept = _existing(session, models.Skill, skill_ids)
    moved = list(
        session.scalars(
            select(models.Skill.id).where(
                models.Skill.id.in_(kept), models.Skill.category_id.is_(None)
            )
        )
    )
    if moved:
        session.execute(
            update(models.Skill).where(models.Skill.id.in_(moved)).values(category_id=category_id)
        )
    session.expire_all()
    return moved
