"""Undoable deletes of internships, projects, metrics, people and feedback.

Edited résumé bullets of a deleted project are not captured: they are drafts the bullet
generator writes again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.feedback import FeedbackDraft, FeedbackRecord
from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.paging import PageRequest
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.domain.skills import EvidenceSource
from pmjournal.domain.vocab import FeedbackKind, Relationship
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import feedback as feedback_repo
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

    def write_back(self, session: Session) -> tuple[int, Changes]:
        project_id = projects_repo.create(session, self.draft)
        for metric in self.metrics:
            metrics_repo.create(session, metric)
        relink.link_project(session, project_id, self.entry_ids, self.feedback_ids)
        for skill, note in self.evidence:
            skills_repo.add_evidence(session, skill, EvidenceSource(project=self.draft.name), note)
        relinked = [
            *((Kind.ENTRY, i) for i in self.entry_ids),
            *((Kind.FEEDBACK, i) for i in self.feedback_ids),
        ]
        return project_id, Changes.of(created=[(Kind.PROJECT, project_id)], updated=relinked)


@dataclass(frozen=True)
class DeletedFeedback:
    record: FeedbackRecord
    notes: tuple[tuple[str, str], ...]

    def write_back(self, session: Session) -> tuple[int, Changes]:
        record = self.record
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
            evidence.note = dict(self.notes).get(evidence.skill.name, evidence.note)
        return feedback_id, Changes.of(created=[(Kind.FEEDBACK, feedback_id)])


@dataclass(frozen=True)
class DeletedPerson:
    draft: PersonDraft
    feedback_ids: tuple[int, ...]

    def write_back(self, session: Session) -> tuple[int, Changes]:
        person_id = people_repo.create(session, self.draft)
        relink.give_feedback_to(session, person_id, self.feedback_ids)
        return person_id, Changes.of(
            created=[(Kind.PERSON, person_id)],
            updated=[(Kind.FEEDBACK, i) for i in self.feedback_ids],
        )


@dataclass(frozen=True)
class DeletedMetric:
    draft: MetricDraft

    def write_back(self, session: Session) -> tuple[int, Changes]:
        metric_id = metrics_repo.create(session, self.draft)
        return metric_id, Changes.of(created=[(Kind.METRIC, metric_id)])


@dataclass(frozen=True)
class DeletedInternship:
    draft: InternshipDraft
    project_ids: tuple[int, ...]
    goal_ids: tuple[int, ...]

    def write_back(self, session: Session) -> tuple[int, Changes]:
        internship_id = internships_repo.create(session, self.draft)
        relink.attach_to_internship(session, internship_id, self.project_ids, self.goal_ids)
        relinked = [
            *((Kind.PROJECT, i) for i in self.project_ids),
            *((Kind.GOAL, i) for i in self.goal_ids),
        ]
        return internship_id, Changes.of(
            created=[(Kind.INTERNSHIP, internship_id)], updated=relinked
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


def delete_metric_undoably(journal: Journal, metric_id: int) -> Outcome[DeletedMetric]:
    with journal.transaction() as session:
        record = metrics_repo.load(session, metric_id)
        metrics_repo.delete(session, metric_id)
    changes = Changes.of(
        deleted={(Kind.METRIC, metric_id)}, updated={(Kind.PROJECT, record.project_id)}
    )
    return published(journal, DeletedMetric(MetricDraft.of(record)), changes)
