"""The journal calls the record views make (projects, metrics, people, feedback, goals, skills).

Thin uses of the services, run on the worker thread; the services are imported inside each
function so the window paints before SQLAlchemy is loaded (as ``journal_ops`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pmjournal.domain.feedback import FeedbackRecord
from pmjournal.domain.goals import GoalRecord
from pmjournal.domain.internships import InternshipDraft, InternshipRecord
from pmjournal.domain.metric_records import MetricRecord
from pmjournal.domain.people import PersonRecord
from pmjournal.domain.projects import ProjectDraft, ProjectRecord
from pmjournal.domain.readiness import ReadinessItem, project_readiness
from pmjournal.domain.records import EntryRecord, ProfileRecord
from pmjournal.domain.skills import EvidenceRecord, SkillCategoryRecord, SkillRecord

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

ALL = 1000
TIMELINE = 50


@dataclass(frozen=True)
class ProjectDetail:
    """Everything the project editor shows, read in one go."""

    project: ProjectRecord
    metrics: tuple[MetricRecord, ...]
    entries: tuple[EntryRecord, ...]
    entry_total: int
    skills: tuple[str, ...]
    readiness: tuple[ReadinessItem, ...]
    internships: tuple[InternshipRecord, ...]
    known_skills: tuple[str, ...]


def projects(journal: Journal) -> tuple[ProjectRecord, ...]:
    from pmjournal.services.records.projects import list_projects

    return list_projects(journal, limit=ALL).items


def internships(journal: Journal) -> tuple[InternshipRecord, ...]:
    from pmjournal.services.records.internships import list_internships

    return list_internships(journal, limit=ALL).items


def project_detail(journal: Journal, project_id: int) -> ProjectDetail | None:
    from pmjournal.services.records.evidence import list_evidence
    from pmjournal.services.records.link_names import link_names
    from pmjournal.services.records.metrics import list_metrics
    from pmjournal.services.records.projects import get_project, project_entries

    project = get_project(journal, project_id)
    if project is None:
        return None
    timeline = project_entries(journal, project_id, limit=TIMELINE)
    evidence = list_evidence(journal, project=project.name, limit=ALL).items
    skills = dict.fromkeys(
        [e.skill for e in evidence] + [s for entry in timeline.items for s in entry.skills]
    )
    return ProjectDetail(
        project=project,
        metrics=list_metrics(journal, project=project.name, limit=ALL).items,
        entries=timeline.items,
        entry_total=timeline.total,
        skills=tuple(skills),
        readiness=project_readiness(project, tuple(skills)),
        internships=internships(journal),
        known_skills=tuple(link_names(journal).skills),
    )


def profile(journal: Journal) -> ProfileRecord:
    from pmjournal.services.records.profile import get_profile

    return get_profile(journal)


def save_profile(journal: Journal, changes: dict[str, object]) -> ProfileRecord:
    from pmjournal.services.records.profile import update_profile

    return update_profile(journal, **changes).value


def save_internship(
    journal: Journal, internship_id: int | None, draft: InternshipDraft
) -> InternshipRecord:
    from pmjournal.services.records.internships import add_internship, update_internship

    if internship_id is None:
        return add_internship(journal, draft).value
    return update_internship(journal, internship_id, draft).value


def people(journal: Journal) -> tuple[PersonRecord, ...]:
    from pmjournal.services.records.people import list_people

    return list_people(journal, limit=ALL).items


def person_feedback(journal: Journal, name: str) -> tuple[FeedbackRecord, ...]:
    from pmjournal.services.records.feedback import list_feedback

    return list_feedback(journal, person=name, limit=ALL).items


@dataclass(frozen=True)
class FeedbackQuery:
    person: str | None = None
    kind: str | None = None
    project: str | None = None
    skill: str | None = None
    open_follow_up: bool | None = None


def feedback(journal: Journal, query: FeedbackQuery) -> tuple[FeedbackRecord, ...]:
    from pmjournal.services.records.feedback import list_feedback

    return list_feedback(
        journal,
        person=query.person,
        kind=query.kind,
        project=query.project,
        skill=query.skill,
        open_follow_up=query.open_follow_up,
        limit=ALL,
    ).items


@dataclass(frozen=True)
class FeedbackChoices:
    """The names the feedback filters and dialog offer."""

    people: tuple[str, ...]
    projects: tuple[str, ...]
    skills: tuple[str, ...]


def feedback_choices(journal: Journal) -> FeedbackChoices:
    from pmjournal.services.records.link_names import link_names

    names = link_names(journal)
    return FeedbackChoices(
        tuple(p.name for p in people(journal)), tuple(names.projects), tuple(names.skills)
    )


def goals(journal: Journal) -> tuple[GoalRecord, ...]:
    from pmjournal.services.records.goals import list_goals

    return list_goals(journal, limit=ALL).items


@dataclass(frozen=True)
class SkillsOverview:
    categories: tuple[SkillCategoryRecord, ...]
    skills: tuple[SkillRecord, ...]
    practice: tuple[int, ...]
    """Entries practising any skill per week, the ``weeks`` up to ``last_day``."""
    last_day: date


def practice_end(journal: Journal, today: date | None) -> date:
    """The chart ends at the latest entry, so a finished internship still shows its weeks."""
    from pmjournal.services.records.entries import recent_entries

    today = today or date.today()
    latest = recent_entries(journal, 1)
    return min(today, latest[0].date) if latest else today


def skills_overview(journal: Journal, weeks: int, today: date | None = None) -> SkillsOverview:
    from pmjournal.services.records.skills import (
        list_skill_categories,
        list_skills,
        skill_practice,
    )

    end = practice_end(journal, today)
    return SkillsOverview(
        tuple(list_skill_categories(journal)),
        list_skills(journal, limit=ALL).items,
        tuple(skill_practice(journal, None, weeks=weeks, today=end)),
        end,
    )


@dataclass(frozen=True)
class SkillDetail:
    skill: SkillRecord
    evidence: tuple[EvidenceRecord, ...]
    practice: tuple[int, ...]
    last_day: date


def skill_detail(journal: Journal, name: str, weeks: int, today: date | None = None) -> SkillDetail:
    from pmjournal.services.records.evidence import list_evidence
    from pmjournal.services.records.skills import get_skill, skill_practice

    end = practice_end(journal, today)
    return SkillDetail(
        get_skill(journal, name),
        list_evidence(journal, skill=name, limit=ALL).items,
        tuple(skill_practice(journal, name, weeks=weeks, today=end)),
        end,
    )


def delete_summary(journal: Journal, kind: str, key: int | str) -> str:
    """What deleting a record would affect, for the confirmation: the services' own impact."""
    from pmjournal.services.records import feedback, goals, internships, people, projects, skills

    if isinstance(key, str):
        named = {
            "skill": skills.skill_delete_impact,
            "skill category": skills.skill_category_delete_impact,
        }
        return named[kind](journal, key).summary()
    if kind == "checkin":
        return "the goal's progress would no longer count it"
    by_id = {
        "project": projects.project_delete_impact,
        "person": people.person_delete_impact,
        "internship": internships.internship_delete_impact,
        "feedback": feedback.feedback_delete_impact,
        "goal": goals.goal_delete_impact,
    }
    return by_id[kind](journal, key).summary()


def save_project(journal: Journal, project_id: int, draft: ProjectDraft) -> ProjectRecord:
    from pmjournal.services.records.projects import update_project

    return update_project(journal, project_id, draft).value


def link_skill(journal: Journal, skill: str, project: str) -> None:
    """The project itself shows the skill: evidence with the project as its source."""
    from pmjournal.domain.skills import EvidenceSource
    from pmjournal.services.records.evidence import add_evidence

    add_evidence(journal, skill, EvidenceSource(project=project))
