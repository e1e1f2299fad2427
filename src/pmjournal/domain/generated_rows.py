"""The records of the generated career in a long demo journal, as plain values.

The demo service draws them (``services/demo/bulk.py``) and ``storage/repos/demo_rows.py``
writes them in bulk. They refer to each other by the ids the writer hands out as each is
added, so a year of journal needs no lookups and no flushes between records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class GeneratedInternship:
    organisation: str
    title: str
    team: str
    location: str
    start_date: date
    end_date: date | None
    description: str


@dataclass(frozen=True)
class GeneratedPerson:
    name: str
    title: str
    organisation: str
    relationship: str


@dataclass(frozen=True)
class GeneratedGoal:
    internship_id: int
    title: str
    description: str
    target_date: date
    status: str


@dataclass(frozen=True)
class GeneratedCheckin:
    goal_id: int
    date: date
    note: str
    progress: int


@dataclass(frozen=True)
class GeneratedProject:
    internship_id: int
    name: str
    summary: str
    context: str
    problem: str
    role: str
    approach: str
    outcome: str
    expected_result: str
    learnings: str
    status: str
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class GeneratedEntry:
    date: date
    kind: str
    title: str
    body: str


@dataclass(frozen=True)
class GeneratedMetric:
    project_id: int
    name: str
    baseline: float
    result: float | None
    unit: str
    better: str
    measured_on: date
    entry_id: int
    note: str
    position: int


@dataclass(frozen=True)
class GeneratedFeedback:
    date: date
    person_id: int
    relationship: str
    kind: str
    text: str
    follow_up: str
