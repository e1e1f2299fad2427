"""The hand-written demo internship as dated values, ready for storage to write.

The demo service reads the story (weeks and weekdays) and places it at a start Monday; these
are the values it hands to ``storage/repos/demo_story.py``, so storage decides nothing about
dates or wording. Records refer to each other by name or key, as the story does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SkillNote:
    """How a skill was practised, attached to an entry, a project or a piece of feedback."""

    skill: str
    note: str


@dataclass(frozen=True)
class PersonData:
    key: str
    name: str
    title: str
    organisation: str
    relationship: str
    email: str = ""
    notes: str = ""
    confidential: bool = False


@dataclass(frozen=True)
class StoryInternship:
    organisation: str
    title: str
    team: str
    location: str
    description: str
    start_date: date
    end_date: date


@dataclass(frozen=True)
class StoryMetric:
    """A measured result, evidenced by the entry with ``entry_key``."""

    name: str
    baseline: float | None
    result: float | None
    unit: str
    better: str
    measured_on: date
    entry_key: str
    note: str
    confidential: bool


@dataclass(frozen=True)
class StoryProject:
    name: str
    summary: str
    context: str
    problem: str
    role: str
    approach: str
    tradeoff: str
    outcome: str
    expected_result: str
    learnings: str
    status: str
    start_date: date
    end_date: date | None
    confidential: bool
    skills: tuple[SkillNote, ...]
    metrics: tuple[StoryMetric, ...]


@dataclass(frozen=True)
class StoryEntry:
    date: date
    kind: str
    title: str
    body: str
    key: str
    projects: tuple[str, ...]
    tags: tuple[str, ...]
    skills: tuple[SkillNote, ...]


@dataclass(frozen=True)
class StoryFeedback:
    date: date
    person_key: str
    kind: str
    text: str
    follow_up: str
    confidential: bool
    projects: tuple[str, ...]
    skills: tuple[SkillNote, ...]


@dataclass(frozen=True)
class StoryCheckin:
    date: date
    progress: int
    note: str


@dataclass(frozen=True)
class StoryGoal:
    title: str
    description: str
    target_date: date
    status: str
    checkins: tuple[StoryCheckin, ...]


@dataclass(frozen=True)
class Story:
    """The whole internship, written in this order so ids come out the same every time."""

    internship: StoryInternship
    people: tuple[PersonData, ...]
    projects: tuple[StoryProject, ...]
    entries: tuple[StoryEntry, ...]
    feedback: tuple[StoryFeedback, ...]
    goals: tuple[StoryGoal, ...]


@dataclass(frozen=True)
class ContentCounts:
    """How many of each user-made record a journal holds (the demo's refusal and summary)."""

    entries: int
    projects: int
    internships: int
    feedback: int
    people: int
    goals: int
    metrics: int
