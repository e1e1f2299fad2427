"""Deletes the desktop app can undo: capture a record and its links, delete, put them back.

Each ``delete_*_undoably`` reads what it is about to delete (the record, what belongs to it,
what points at it) and deletes it, in one transaction; ``restore`` writes it all back in one
transaction, so an undo either brings back the record with its links or writes nothing. The
restored record has a new id; links to records deleted in the meantime are not restored.
Edited résumé bullets of a deleted project are not captured: they are drafts the bullet
generator writes again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pmjournal.domain.changes import Changes, Kind, Outcome, Ref
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.feedback import FeedbackDraft, FeedbackRecord
from pmjournal.domain.goals import CheckinDraft, GoalDraft, GoalRecord
from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.paging import PageRequest
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.domain.skills import EvidenceSource
from pmjournal.domain.vocab import FeedbackKind, GoalStatus, Relationship
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import feedback as feedback_repo
from pmjournal.storage.repos import goals as goals_repo
from pmjournal.storage.repos import internships as internships_repo
from pmjournal.storage.repos import metrics as metrics_repo
from pmjournal.storage.repos import people as people_repo
from pmjournal.storage.repos import projects as projects_repo
from pmjournal.storage.repos import relink
from pmjournal.storage.repos import skills as skills_repo

ALL = 1000


@dataclass(frozen=True)
class DeletedProject:
    draft: ProjectDraft
    metrics: tuple[MetricDraft, ...]
    entry_ids: tuple[int, ...]
    feedback_ids: tuple[int, ...]
    evidence: tuple[tuple[str, str], ...]
    """(skill, note) of the evidence the project itself gave."""


@dataclass(frozen=True)
class DeletedFeedback:
    record: FeedbackRecord
    notes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DeletedPerson:
    draft: PersonDraft
    feedback_ids: tuple[int, ...]


@dataclass(frozen=True)
class DeletedGoal:
    record: GoalRecord


@dataclass(frozen=True)
class DeletedMetric:
    draft: MetricDraft


@dataclass(frozen=True)
class DeletedInternship:
    draft: InternshipDraft
    project_ids: tuple[int, ...]
    goal_ids: tuple[int, ...]


Deleted = (
    DeletedProject
    | DeletedFeedback
    | DeletedPerson
    | DeletedGoal
    | DeletedMetric
    | DeletedInternship
)


def delete_internship_undoably(journal: Journal, internship_id: int) -> Outcome[DeletedInternship]:
    with journal.transaction() as session:
        record = internships_repo.load(session, internship_id)
        impact = internships_repo.delete_impact(session, internship_id)
        internships_repo.delete(session, internship_id)
    deleted = DeletedInternship(
        InternshipDraft.of(record),
        tuple(sorted(i for k, i in impact.detached if k is Kind.PROJECT)),
        tuple(sorted(i for k, i in impact.detached if k is Kind.GOAL)),
    )
    return published(journal, deleted, impact.changes())


def delete_project_undoably(journal: Journal, project_id: int) -> Outcome[DeletedProject]:
    with journal.transaction() as session:
        record = projects_repo.load(session, project_id)
        linked = projects_repo.linked_refs(session, project_id)
        metrics = metrics_repo.list_page(
            session,
            project=record.name,
            internship=None,
            text=None,
            since=None,
            until=None,
            request=PageRequest(ALL, 0),
        )
        evidence = skills_repo.evidence_page(
            session, None, EvidenceSource(project=record.name), ALL, 0
        )
        impact = projects_repo.delete_impact(session, project_id)
        deleted = DeletedProject(
            draft=ProjectDraft.of(record),
            metrics=tuple(MetricDraft.of(m) for m in metrics.items),
            entry_ids=tuple(sorted(i for k, i in linked if k is Kind.ENTRY)),
            feedback_ids=tuple(sorted(i for k, i in linked if k is Kind.FEEDBACK)),
            evidence=tuple((e.skill, e.note) for e in evidence.items),
        )
        impact.check(DeleteChoice.DETACH)
        projects_repo.delete(session, project_id)
    return published(journal, deleted, impact.changes())


def delete_feedback_undoably(journal: Journal, feedback_id: int) -> Outcome[DeletedFeedback]:
    with journal.transaction() as session:
        record = feedback_repo.load(session, feedback_id)
        if record is None:
            feedback_repo.find(session, feedback_id)
        assert record is not None
        evidence = skills_repo.evidence_page(
            session, None, EvidenceSource(feedback_id=feedback_id), ALL, 0
        )
        notes = tuple((e.skill, e.note) for e in evidence.items if e.note)
        feedback_repo.delete(session, feedback_id)
    changes = Changes.of(
        deleted=[(Kind.FEEDBACK, feedback_id), *((Kind.EVIDENCE, e.id) for e in evidence.items)]
    )
    return published(journal, DeletedFeedback(record, notes), changes)


def delete_person_undoably(journal: Journal, person_id: int) -> Outcome[DeletedPerson]:
    with journal.transaction() as session:
        record = people_repo.load(session, person_id)
        given = tuple(people_repo.feedback_ids(session, person_id))
        impact = people_repo.delete_impact(session, person_id)
        people_repo.delete(session, person_id)
    return published(journal, DeletedPerson(PersonDraft.of(record), given), impact.changes())


def delete_goal_undoably(journal: Journal, goal_id: int) -> Outcome[DeletedGoal]:
    with journal.transaction() as session:
        record = goals_repo.load(session, goal_id)
        if record is None:
            goals_repo.find(session, goal_id)
        assert record is not None
        goals_repo.delete(session, goal_id)
    changes = Changes.of(
        deleted=[(Kind.GOAL, goal_id), *((Kind.CHECKIN, c.id) for c in record.checkins)]
    )
    return published(journal, DeletedGoal(record), changes)


def delete_metric_undoably(journal: Journal, metric_id: int) -> Outcome[DeletedMetric]:
    with journal.transaction() as session:
        record = metrics_repo.load(session, metric_id)
        metrics_repo.delete(session, metric_id)
    changes = Changes.of(
        deleted={(Kind.METRIC, metric_id)}, updated={(Kind.PROJECT, record.project_id)}
    )
    return published(journal, DeletedMetric(MetricDraft.of(record)), changes)


def restore(journal: Journal, deleted: Deleted) -> Outcome[int]:
    """Write a deleted record back with its links; the value is its new id."""
    with journal.transaction() as session:
        new_id, kind = _restore(session, deleted)
    changes = Changes.of(created=[(kind, new_id)], updated=_relinked(deleted))
    return published(journal, new_id, changes)


def _relinked(deleted: Deleted) -> list[Ref]:
    if isinstance(deleted, DeletedProject):
        return [
            *((Kind.ENTRY, i) for i in deleted.entry_ids),
            *((Kind.FEEDBACK, i) for i in deleted.feedback_ids),
        ]
    if isinstance(deleted, DeletedPerson):
        return [(Kind.FEEDBACK, i) for i in deleted.feedback_ids]
    if isinstance(deleted, DeletedInternship):
        return [
            *((Kind.PROJECT, i) for i in deleted.project_ids),
            *((Kind.GOAL, i) for i in deleted.goal_ids),
        ]
    return []


def _restore(session: Session, deleted: Deleted) -> tuple[int, Kind]:
    if isinstance(deleted, DeletedProject):
        project_id = projects_repo.create(session, deleted.draft)
        for metric in deleted.metrics:
            metrics_repo.create(session, metric)
        relink.link_project(session, project_id, deleted.entry_ids, deleted.feedback_ids)
        for skill, note in deleted.evidence:
            skills_repo.add_evidence(
                session, skill, EvidenceSource(project=deleted.draft.name), note
            )
        return project_id, Kind.PROJECT
    if isinstance(deleted, DeletedFeedback):
        record = deleted.record
        draft = FeedbackDraft(
            text=record.text,
            day=record.date,
            person=record.person,
            relationship=Relationship(record.relationship),
            kind=FeedbackKind(record.kind),
            projects=record.projects,
            skills=record.skills,
            confidential=record.confidential,
        )
        feedback_id = feedback_repo.save(session, draft)
        feedback_repo.set_follow_up(session, feedback_id, record.follow_up)
        for evidence in feedback_repo.find(session, feedback_id).evidence:
            evidence.note = dict(deleted.notes).get(evidence.skill.name, evidence.note)
        return feedback_id, Kind.FEEDBACK
    if isinstance(deleted, DeletedPerson):
        person_id = people_repo.create(session, deleted.draft)
        relink.give_feedback_to(session, person_id, deleted.feedback_ids)
        return person_id, Kind.PERSON
    if isinstance(deleted, DeletedGoal):
        goal = deleted.record
        goal_id = goals_repo.save(
            session,
            GoalDraft(
                goal.title,
                goal.description,
                goal.target_date,
                GoalStatus(goal.status),
                goal.internship_id,
            ),
        )
        for checkin in goal.checkins:
            goals_repo.add_checkin(
                session, goal_id, CheckinDraft(checkin.note, checkin.date, checkin.progress)
            )
        return goal_id, Kind.GOAL
    if isinstance(deleted, DeletedInternship):
        internship_id = internships_repo.create(session, deleted.draft)
        relink.attach_to_internship(session, internship_id, deleted.project_ids, deleted.goal_ids)
        return internship_id, Kind.INTERNSHIP
    return metrics_repo.create(session, deleted.draft), Kind.METRIC
