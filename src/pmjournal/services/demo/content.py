"""The hand-written sample internship, read from ``resources/demo/internship.toml``.

The story is data, not code, so its prose can be edited as prose. Dates are written as a week
of the internship and a weekday, so the same twelve weeks can be placed at any start Monday.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from pmjournal.domain.demo_story import PersonData, SkillNote

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
CORE_WEEKS = 12


def day_of(start: date, week: int, weekday: str) -> date:
    """The date of ``weekday`` in the 1-based ``week`` counted from the Monday ``start``."""
    return start + timedelta(weeks=week - 1, days=WEEKDAYS.index(weekday))


@dataclass(frozen=True)
class ProfileData:
    name: str
    headline: str
    email: str
    location: str
    summary: str
    links: tuple[str, ...]


@dataclass(frozen=True)
class InternshipData:
    organisation: str
    title: str
    team: str
    location: str
    description: str


@dataclass(frozen=True)
class MetricData:
    name: str
    baseline: float | None
    unit: str
    better: str
    entry: str
    result: float | None = None
    note: str = ""
    confidential: bool = False


@dataclass(frozen=True)
class ProjectData:
    name: str
    status: str
    start_week: int
    summary: str
    context: str
    problem: str
    role: str
    approach: str
    learnings: str
    tradeoff: str = ""
    outcome: str = ""
    expected_result: str = ""
    end_week: int | None = None
    confidential: bool = False
    skills: tuple[SkillNote, ...] = ()
    metrics: tuple[MetricData, ...] = ()


@dataclass(frozen=True)
class EntryData:
    week: int
    day: str
    title: str
    body: str
    kind: str = "daily"
    key: str = ""
    projects: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    skills: tuple[SkillNote, ...] = ()


@dataclass(frozen=True)
class FeedbackData:
    week: int
    day: str
    person: str
    kind: str
    text: str
    follow_up: str = ""
    confidential: bool = False
    projects: tuple[str, ...] = ()
    skills: tuple[SkillNote, ...] = ()


@dataclass(frozen=True)
class CheckinData:
    week: int
    day: str
    progress: int
    note: str


@dataclass(frozen=True)
class GoalData:
    title: str
    description: str
    target_week: int
    status: str
    checkins: tuple[CheckinData, ...]


@dataclass(frozen=True)
class DemoCore:
    profile: ProfileData
    internship: InternshipData
    people: tuple[PersonData, ...]
    projects: tuple[ProjectData, ...]
    entries: tuple[EntryData, ...]
    feedback: tuple[FeedbackData, ...]
    goals: tuple[GoalData, ...]


def _notes(table: dict[str, Any]) -> dict[str, Any]:
    """Turn the TOML lists of a table into the tuples the frozen dataclasses hold."""
    out = dict(table)
    if "skills" in out:
        out["skills"] = tuple(SkillNote(**item) for item in out["skills"])
    for key in ("projects", "tags", "links"):
        if key in out:
            out[key] = tuple(out[key])
    return out


def _project(table: dict[str, Any]) -> ProjectData:
    fields = _notes(table)
    fields["metrics"] = tuple(MetricData(**m) for m in fields.get("metrics", ()))
    return ProjectData(**fields)


def _goal(table: dict[str, Any]) -> GoalData:
    checkins = tuple(CheckinData(**c) for c in table["checkins"])
    return GoalData(**{**table, "checkins": checkins})


def parse_core(document: dict[str, Any]) -> DemoCore:
    """Build the story from a parsed TOML document; unknown keys fail loudly (a typo)."""
    return DemoCore(
        profile=ProfileData(**_notes(document["profile"])),
        internship=InternshipData(**document["internship"]),
        people=tuple(PersonData(**p) for p in document["people"]),
        projects=tuple(_project(p) for p in document["projects"]),
        entries=tuple(EntryData(**_notes(e)) for e in document["entries"]),
        feedback=tuple(FeedbackData(**_notes(f)) for f in document["feedback"]),
        goals=tuple(_goal(g) for g in document["goals"]),
    )


def read_resource(name: str) -> dict[str, Any]:
    """A TOML file of ``resources/demo``, found the same way installed or bundled."""
    text = resources.files("pmjournal.resources").joinpath("demo", name).read_text("utf-8")
    return tomllib.loads(text)


@cache
def load_core() -> DemoCore:
    return parse_core(read_resource("internship.toml"))


@dataclass(frozen=True)
class Organisation:
    name: str
    team: str
    location: str
    description: str


@dataclass(frozen=True)
class MetricTemplate:
    """A metric a generated project moves; the numbers are drawn from ``low``–``high``."""

    name: str
    unit: str
    better: str
    low: float
    high: float
    lift: tuple[float, float]


@dataclass(frozen=True)
class Theme:
    """A kind of project a product manager does again and again, in different companies."""

    name: str
    feature: str
    segment: str
    tags: tuple[str, ...]
    skills: tuple[str, ...]
    summary: str
    context: str
    problem: str
    role: str
    approach: str
    outcome: str
    expected_result: str
    learnings: str
    metrics: tuple[MetricTemplate, ...]


@dataclass(frozen=True)
class Activity:
    skill: str
    title: str
    body: str
    note: str


@dataclass(frozen=True)
class FeedbackTemplate:
    kind: str
    skill: str
    text: str
    follow_up: str = ""


@dataclass(frozen=True)
class Career:
    """Templates for the generated years after the internship (``resources/demo/career.toml``)."""

    titles: tuple[str, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    people_roles: tuple[tuple[str, str], ...]
    organisations: tuple[Organisation, ...]
    themes: tuple[Theme, ...]
    stopped: tuple[str, ...]
    stopped_learnings: tuple[str, ...]
    activities: tuple[Activity, ...]
    weekly: dict[str, tuple[str, ...]]
    feedback: tuple[FeedbackTemplate, ...]
    goals: tuple[tuple[str, str], ...]
    checkin_notes: tuple[str, ...]

    @property
    def skill_names(self) -> tuple[str, ...]:
        names = [s for t in self.themes for s in t.skills] + [a.skill for a in self.activities]
        return tuple(dict.fromkeys(names + [f.skill for f in self.feedback]))

    @property
    def tag_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(["weekly", *(tag for t in self.themes for tag in t.tags)]))


def _theme(table: dict[str, Any]) -> Theme:
    metrics = tuple(MetricTemplate(**{**m, "lift": tuple(m["lift"])}) for m in table["metrics"])
    lists = {key: tuple(table[key]) for key in ("tags", "skills")}
    return Theme(**{**table, **lists, "metrics": metrics})


def parse_career(document: dict[str, Any]) -> Career:
    return Career(
        titles=tuple(document["titles"]),
        first_names=tuple(document["first_names"]),
        last_names=tuple(document["last_names"]),
        people_roles=tuple((r["relationship"], r["title"]) for r in document["people_roles"]),
        organisations=tuple(Organisation(**o) for o in document["organisations"]),
        themes=tuple(_theme(t) for t in document["themes"]),
        stopped=tuple(document["stopped"]),
        stopped_learnings=tuple(document["stopped_learnings"]),
        activities=tuple(Activity(**a) for a in document["activities"]),
        weekly={
            section: tuple(document[f"weekly_{section}"])
            for section in ("done", "learned", "blockers", "next")
        },
        feedback=tuple(FeedbackTemplate(**f) for f in document["feedback"]),
        goals=tuple((g["title"], g["description"]) for g in document["goals"]),
        checkin_notes=tuple(document["checkin_notes"]),
    )


@cache
def load_career() -> Career:
    return parse_career(read_resource("career.toml"))
