"""Rows for the generated part of the demo, written with one bulk INSERT per table.

Ids are assigned here as records are added, before anything is written, so entries, links,
evidence and metrics can point at each other freely; a year of journal is then a dozen
``executemany`` calls instead of thousands of ORM flushes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from pmjournal.domain.generated_rows import (
    GeneratedCheckin,
    GeneratedEntry,
    GeneratedFeedback,
    GeneratedGoal,
    GeneratedInternship,
    GeneratedMetric,
    GeneratedPerson,
    GeneratedProject,
)
from pmjournal.storage import models
from pmjournal.storage.repos.demo_names import NameResolver

Row = dict[str, Any]
Target = type[models.Base] | Table

# Parents before children, so every foreign key points at a row already written.
_ORDER: tuple[Target, ...] = (
    models.Internship,
    models.Person,
    models.Project,
    models.Entry,
    models.Feedback,
    models.Goal,
    models.GoalCheckin,
    models.entry_projects,
    models.entry_tags,
    models.feedback_projects,
    models.Evidence,
    models.Metric,
)
_WITH_IDS: tuple[type[models.Base], ...] = (
    models.Internship,
    models.Person,
    models.Project,
    models.Entry,
    models.Feedback,
    models.Goal,
)


def project_names(session: Session) -> set[str]:
    """The casefolded names projects already have (a generated name must differ)."""
    return {name.casefold() for name in session.scalars(select(models.Project.name))}


class GeneratedRows:
    """Pending rows by table, with the next free id of every table others refer to."""

    def __init__(
        self, session: Session, names: NameResolver, skills: Iterable[str], tags: Iterable[str]
    ) -> None:
        self._session = session
        skill_rows = {name: names.skill(name) for name in skills}
        tag_rows = {name: names.tag(name) for name in tags}
        session.flush()
        self._skill_ids = {name: row.id for name, row in skill_rows.items()}
        self._tag_ids = {name: row.id for name, row in tag_rows.items()}
        self._next_id = {
            t: (session.scalar(select(func.max(t.id))) or 0) + 1  # type: ignore[attr-defined]
            for t in _WITH_IDS
        }
        self._pending: dict[Target, list[Row]] = {t: [] for t in _ORDER}
        self.entries = 0

    def _take_id(self, table: type[models.Base]) -> int:
        self._next_id[table] += 1
        return self._next_id[table] - 1

    def flush(self) -> None:
        """Write what is pending, parents first; called about once a generated year."""
        for table in _ORDER:
            if self._pending[table]:
                self._session.execute(insert(table), self._pending[table])
                self._pending[table] = []

    def add_internship(self, job: GeneratedInternship) -> int:
        internship_id = self._take_id(models.Internship)
        self._pending[models.Internship].append(
            {
                "id": internship_id,
                "organisation": job.organisation,
                "title": job.title,
                "team": job.team,
                "location": job.location,
                "start_date": job.start_date,
                "end_date": job.end_date,
                "description": job.description,
            }
        )
        return internship_id

    def add_person(self, person: GeneratedPerson) -> int:
        person_id = self._take_id(models.Person)
        self._pending[models.Person].append(
            {
                "id": person_id,
                "name": person.name,
                "title": person.title,
                "organisation": person.organisation,
                "relationship_kind": person.relationship,
                "confidential": False,
            }
        )
        return person_id

    def add_goal(self, goal: GeneratedGoal) -> int:
        goal_id = self._take_id(models.Goal)
        self._pending[models.Goal].append(
            {
                "id": goal_id,
                "internship_id": goal.internship_id,
                "title": goal.title,
                "description": goal.description,
                "target_date": goal.target_date,
                "status": goal.status,
            }
        )
        return goal_id

    def add_checkin(self, checkin: GeneratedCheckin) -> None:
        self._pending[models.GoalCheckin].append(
            {
                "goal_id": checkin.goal_id,
                "date": checkin.date,
                "note": checkin.note,
                "progress": checkin.progress,
            }
        )

    def add_project(self, project: GeneratedProject) -> int:
        project_id = self._take_id(models.Project)
        self._pending[models.Project].append(
            {
                "id": project_id,
                "internship_id": project.internship_id,
                "name": project.name,
                "summary": project.summary,
                "context": project.context,
                "problem": project.problem,
                "role": project.role,
                "approach": project.approach,
                "outcome": project.outcome,
                "expected_result": project.expected_result,
                "learnings": project.learnings,
                "status": project.status,
                "start_date": project.start_date,
                "end_date": project.end_date,
                "confidential": False,
            }
        )
        return project_id

    def add_entry(self, entry: GeneratedEntry) -> int:
        entry_id = self._take_id(models.Entry)
        self._pending[models.Entry].append(
            {
                "id": entry_id,
                "date": entry.date,
                "kind": entry.kind,
                "title": entry.title,
                "body": entry.body,
            }
        )
        self.entries += 1
        return entry_id

    def link(self, entry_id: int, project_ids: Iterable[int], tags: Iterable[str]) -> None:
        for project_id in project_ids:
            self._pending[models.entry_projects].append(
                {"entry_id": entry_id, "project_id": project_id}
            )
        for tag in dict.fromkeys(tags):
            self._pending[models.entry_tags].append(
                {"entry_id": entry_id, "tag_id": self._tag_ids[tag]}
            )

    def add_metric(self, metric: GeneratedMetric) -> None:
        self._pending[models.Metric].append(
            {
                "project_id": metric.project_id,
                "name": metric.name,
                "baseline": metric.baseline,
                "baseline_unit": None,
                "result": metric.result,
                "unit": metric.unit,
                "better": metric.better,
                "measured_on": metric.measured_on,
                "entry_id": metric.entry_id,
                "note": metric.note,
                "position": metric.position,
                "confidential": False,
            }
        )

    def add_feedback(self, feedback: GeneratedFeedback, project_id: int) -> int:
        """A piece of feedback about one project."""
        feedback_id = self._take_id(models.Feedback)
        self._pending[models.Feedback].append(
            {
                "id": feedback_id,
                "date": feedback.date,
                "person_id": feedback.person_id,
                "relationship_kind": feedback.relationship,
                "kind": feedback.kind,
                "text": feedback.text,
                "follow_up": feedback.follow_up,
                "confidential": False,
            }
        )
        self._pending[models.feedback_projects].append(
            {"feedback_id": feedback_id, "project_id": project_id}
        )
        return feedback_id

    def add_evidence(self, skill: str, note: str, **source: int) -> None:
        """Evidence from exactly one of ``entry_id``, ``project_id`` or ``feedback_id``."""
        row: Row = {"entry_id": None, "project_id": None, "feedback_id": None, **source}
        self._pending[models.Evidence].append(
            {**row, "skill_id": self._skill_ids[skill], "note": note}
        )
