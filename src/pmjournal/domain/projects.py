"""Projects: the unit of a case study, with the links a project screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmjournal.domain.field_checks import (
    dates_in_order,
    optional_text,
    required_text,
    vocabulary,
)
from pmjournal.domain.limits import check_field
from pmjournal.domain.vocab import ProjectStatus

CASE_STUDY_FIELDS = (
    "summary",
    "context",
    "problem",
    "role",
    "approach",
    "tradeoff",
    "outcome",
    "expected_result",
    "learnings",
)


@dataclass(frozen=True)
class ProjectRecord:
    id: int
    name: str
    internship_id: int | None
    internship: str | None
    """The internship's label, "Title at Organisation", as a user names it."""
    status: ProjectStatus
    start_date: date | None
    end_date: date | None
    confidential: bool
    summary: str
    context: str
    problem: str
    role: str
    approach: str
    tradeoff: str
    """A trade-off made or an alternative considered: what a reviewer looks for in judgement."""
    outcome: str
    expected_result: str
    learnings: str
    entry_count: int
    metric_count: int
    feedback_count: int


@dataclass(frozen=True)
class ProjectDraft:
    """What the user typed, names not ids. ``update_project`` takes a whole draft.

    ``internship`` is an internship's name (see ``domain.internships``) or None for none.
    """

    name: str
    internship: str | None = None
    status: str = ProjectStatus.ACTIVE.value
    start_date: date | None = None
    end_date: date | None = None
    confidential: bool = False
    summary: str = ""
    context: str = ""
    problem: str = ""
    role: str = ""
    approach: str = ""
    tradeoff: str = ""
    outcome: str = ""
    expected_result: str = ""
    learnings: str = ""

    @classmethod
    def of(cls, record: ProjectRecord) -> ProjectDraft:
        """The draft that would save ``record`` unchanged: the start of an edit."""
        return cls(
            name=record.name,
            internship=f"#{record.internship_id}" if record.internship_id else None,
            status=record.status.value,
            start_date=record.start_date,
            end_date=record.end_date,
            confidential=record.confidential,
            **{name: getattr(record, name) for name in CASE_STUDY_FIELDS},
        )


def validate_project(draft: ProjectDraft) -> ProjectDraft:
    """The draft trimmed, its status checked and dates ordered; raises ``ValidationError``."""
    internship = draft.internship.strip() if draft.internship else None
    dates_in_order(draft.start_date, draft.end_date)
    return ProjectDraft(
        name=required_text(draft.name, "name", "a project name"),
        internship=internship or None,
        status=vocabulary(draft.status, ProjectStatus, "status").value,
        start_date=draft.start_date,
        end_date=draft.end_date,
        confidential=bool(draft.confidential),
        **{name: _narrative(getattr(draft, name), name) for name in CASE_STUDY_FIELDS},
    )


def _narrative(value: str, field: str) -> str:
    """A case-study field trimmed and held to the cap every output relies on (``limits``)."""
    clean = optional_text(value, field)
    check_field(clean, field)
    return clean
