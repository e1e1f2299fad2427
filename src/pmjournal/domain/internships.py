"""Internships: a role at an organisation, and how users name one.

A user refers to an internship as "Title at Organisation" ("Product intern at Acme"), or as
"Organisation" alone while they have one internship there; both ignore case. ``#ID`` always
works. So the pair title + organisation is unique, compared without case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.field_checks import NAME_MAX, dates_in_order, optional_text, required_text

LABEL_JOINER = " at "


def internship_label(title: str, organisation: str) -> str:
    return f"{title}{LABEL_JOINER}{organisation}"


@dataclass(frozen=True)
class InternshipRecord:
    id: int
    organisation: str
    title: str
    team: str
    location: str
    start_date: date
    end_date: date | None
    description: str
    project_count: int
    goal_count: int

    @property
    def label(self) -> str:
        return internship_label(self.title, self.organisation)


@dataclass(frozen=True)
class InternshipDraft:
    """What the user typed. ``update_internship`` takes a whole draft: every field is written."""

    organisation: str
    title: str
    start_date: date | None
    end_date: date | None = None
    team: str = ""
    location: str = ""
    description: str = ""

    @classmethod
    def of(cls, record: InternshipRecord) -> InternshipDraft:
        """The draft that would save ``record`` unchanged: the start of an edit."""
        return cls(
            organisation=record.organisation,
            title=record.title,
            start_date=record.start_date,
            end_date=record.end_date,
            team=record.team,
            location=record.location,
            description=record.description,
        )


def validate_internship(draft: InternshipDraft) -> InternshipDraft:
    """The draft with texts trimmed, or ``ValidationError`` for what the user must fix."""
    organisation = required_text(draft.organisation, "organisation", "an organisation")
    title = required_text(draft.title, "title", "a title")
    if draft.start_date is None:
        raise ValidationError("an internship needs a start date", "start_date")
    dates_in_order(draft.start_date, draft.end_date)
    return InternshipDraft(
        organisation=organisation,
        title=title,
        start_date=draft.start_date,
        end_date=draft.end_date,
        team=optional_text(draft.team, "team", NAME_MAX),
        location=optional_text(draft.location, "location", NAME_MAX),
        description=optional_text(draft.description, "description"),
    )
