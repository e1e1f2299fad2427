"""Build test journals the way a user does: through the record services, one call a record.

Each helper takes the draft's fields as keyword arguments and returns the new record's id (a
skill its name), so a test states only what matters to it ("a shipped project with a role and
two metrics") and a new field on a draft does not break it. ``case_study`` records a project
with its metrics in one call, the setup most output tests share.

What no service writes (aliases, a metric's change display) reaches a journal the one way a
user has: an imported JSON document. ``import_edited`` builds a journal through the services
elsewhere, lets the test edit its export, and imports it into the test's journal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from pmjournal.domain.feedback import FeedbackDraft
from pmjournal.domain.goals import CheckinDraft, GoalDraft
from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.domain.skills import EvidenceSource, SkillDraft
from pmjournal.domain.vocab import EntryKind, FeedbackKind, GoalStatus, Relationship
from pmjournal.services.exchange.json_exchange import build_document, import_document
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records import (
    entries,
    evidence,
    feedback,
    goals,
    internships,
    metrics,
    people,
    profile,
    projects,
    skills,
)
from pmjournal.services.records.entries import EntryDraft

START = date(2026, 6, 1)


def set_profile(journal: Journal, **fields: Any) -> None:
    profile.update_profile(journal, **fields)


def internship(
    journal: Journal,
    organisation: str = "Northwind Health",
    title: str = "PM Intern",
    start_date: date = START,
    **fields: Any,
) -> int:
    draft = InternshipDraft(organisation=organisation, title=title, start_date=start_date, **fields)
    return internships.add_internship(journal, draft).value.id


def edit_internship(journal: Journal, name: str, /, **changes: Any) -> None:
    record = internships.find_internship(journal, name)
    draft = replace(InternshipDraft.of(record), **changes)
    internships.update_internship(journal, record.id, draft)


def project(journal: Journal, name: str, **fields: Any) -> int:
    """``internship`` names one as the CLI does: "Title at Organisation", an organisation with
    one internship, or ``#id``."""
    return projects.add_project(journal, ProjectDraft(name=name, **fields)).value.id


def edit_project(journal: Journal, name: str, /, **changes: Any) -> None:
    """Change some fields of a project as its editor does: the rest saved unchanged."""
    record = projects.find_project(journal, name)
    projects.update_project(journal, record.id, replace(ProjectDraft.of(record), **changes))


def metric(journal: Journal, project: str, name: str, **fields: Any) -> int:
    """Metrics keep the order they were added in, as the portfolio shows them."""
    return metrics.add_metric(journal, MetricDraft(project=project, name=name, **fields)).value.id


def case_study(
    journal: Journal, name: str, *, metrics: Iterable[Mapping[str, Any]] = (), **fields: Any
) -> int:
    """A project and its metrics, each metric given as the keyword arguments of ``metric``."""
    project_id = project(journal, name, **fields)
    for each in metrics:
        metric(journal, name, **each)
    return project_id


def person(journal: Journal, name: str, relationship: str = "mentor", **fields: Any) -> int:
    draft = PersonDraft(name=name, relationship=relationship, **fields)
    return people.add_person(journal, draft).value.id


def feedback_from(
    journal: Journal,
    text: str,
    day: date = START,
    *,
    relationship: str | None = None,
    kind: str = FeedbackKind.PRAISE.value,
    **fields: Any,
) -> int:
    """``person``, ``projects`` and ``skills`` are names, as a user types them."""
    draft = FeedbackDraft(
        text=text,
        day=day,
        relationship=None if relationship is None else Relationship(relationship),
        kind=FeedbackKind(kind),
        **fields,
    )
    return feedback.add_feedback(journal, draft).value.id


def entry(
    journal: Journal, day: date, text: str = "x", *, kind: str = "daily", **fields: Any
) -> int:
    """``projects``, ``skills`` and ``tags`` are names, as a user types them."""
    draft = EntryDraft(text=text, day=day, kind=EntryKind(kind), **fields)
    return entries.add_entry(journal, draft).value.id


def evidence_of(
    journal: Journal,
    skill: str,
    note: str = "",
    *,
    entry_id: int | None = None,
    project: str | None = None,
    feedback_id: int | None = None,
) -> int:
    source = EvidenceSource(entry_id=entry_id, project=project, feedback_id=feedback_id)
    return evidence.add_evidence(journal, skill, source, note).value.id


def skill(journal: Journal, name: str, **fields: Any) -> str:
    return skills.add_skill(journal, SkillDraft(name=name, **fields)).value.name


def goal(journal: Journal, title: str, *, status: str = "open", **fields: Any) -> int:
    draft = GoalDraft(title=title, status=GoalStatus(status), **fields)
    return goals.add_goal(journal, draft).value.id


def checkin(journal: Journal, goal_id: int, **fields: Any) -> None:
    goals.add_checkin(journal, goal_id, CheckinDraft(**fields))


def import_edited(
    journal: Journal,
    scratch: Path,
    build: Callable[[Journal], object],
    edit: Callable[[dict[str, Any]], object],
) -> None:
    """Fill the empty ``journal`` with what ``build`` records in a journal at ``scratch``, after
    ``edit`` changed its JSON export: how a user gives a name aliases, for instance."""
    source = open_journal(scratch, auto_backup=False)
    try:
        build(source)
        document = build_document(source)
    finally:
        source.close()
    edit(document)
    import_document(journal, document)


def record_of(document: Mapping[str, Any], collection: str, name: str) -> dict[str, Any]:
    """The record called ``name`` (or with that title) in one collection of a JSON export."""
    for each in document[collection]:
        if name in (each.get("name"), each.get("title"), each.get("organisation")):
            found: dict[str, Any] = each
            return found
    raise LookupError(f"no {collection} record named {name!r}")
