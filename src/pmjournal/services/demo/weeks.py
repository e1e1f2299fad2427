"""One generated week of a long demo journal: five daily notes, a weekly update, some feedback.

Split from ``bulk`` (which plans roles and projects) so each stays readable; both write
through one ``GeneratedRows`` of ``storage/repos/demo_rows.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from pmjournal.domain.generated_rows import GeneratedEntry, GeneratedFeedback, GeneratedMetric
from pmjournal.domain.vocab import EntryKind, ProjectStatus
from pmjournal.services.demo.content import Career, MetricTemplate, Organisation, Theme
from pmjournal.storage.repos.demo_rows import GeneratedRows

DAILY_PER_WEEK = 5
FEEDBACK_CHANCE = 0.35
FOCUSED_ACTIVITY_CHANCE = 0.6
WEEKLY_SECTIONS = (("Done", 2), ("Learned", 1), ("Blockers", 1), ("Next", 2))


def format_value(value: float, unit: str, digits: int) -> str:
    number = f"{value:,.{digits}f}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


@dataclass(frozen=True)
class Measure:
    """A generated metric: the numbers drawn for one project from a theme's template."""

    template: MetricTemplate
    baseline: float
    result: float
    digits: int

    def at(self, share: float) -> str:
        """The value a share of the way from baseline to result, as entries report it."""
        value = self.baseline + (self.result - self.baseline) * min(1.0, share)
        return format_value(value, self.template.unit, self.digits)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    relationship: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@dataclass(frozen=True)
class Role:
    """A job in the generated career: an ``Internship`` row and the people met there."""

    internship_id: int
    org: Organisation
    start: int
    end: int
    people: tuple[Person, ...]

    @property
    def short(self) -> str:
        return self.org.name.split()[0]

    def colleagues(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.relationship != "user")


@dataclass
class Project:
    """A generated project while its weeks are written; ``first_entry`` is its first note."""

    id: int
    theme: Theme
    start: int
    end: int
    status: str
    fields: dict[str, str]
    measures: list[Measure]
    first_entry: tuple[int, date] | None = None

    def values(self, week: int) -> dict[str, str]:
        share = (week - self.start + 1) / (self.end - self.start + 1)
        return {**self.fields, "current": self.measures[0].at(share)}


class WeekWriter:
    def __init__(
        self,
        rows: GeneratedRows,
        rng: random.Random,
        career: Career,
        day: Callable[[int, int], date],
    ) -> None:
        self.rows = rows
        self.rng = rng
        self.career = career
        self.day = day

    def write(self, role: Role, week: int, lanes: list[Project]) -> None:
        """The week's notes, alternating between the running projects, then its update."""
        names = [p.first_name for p in role.colleagues()]
        for weekday in range(DAILY_PER_WEEK):
            self.write_daily(lanes[weekday % len(lanes)], week, weekday, names)
        friday = self.day(week, 4)
        weekly_id = self.rows.add_entry(
            GeneratedEntry(
                friday,
                EntryKind.WEEKLY.value,
                f"Week {week - role.start + 1} at {role.short}: "
                + " and ".join(p.theme.feature for p in lanes),
                self.weekly_body(lanes, week, names),
            )
        )
        self.rows.link(weekly_id, [p.id for p in lanes], ["weekly"])
        for project in lanes:
            if project.end == week:
                self.write_metrics(project, weekly_id, friday)
        if self.rng.random() < FEEDBACK_CHANCE:
            self.write_feedback(role, week, self.rng.choice(lanes))

    def write_daily(self, project: Project, week: int, weekday: int, names: list[str]) -> None:
        rng = self.rng
        focused = [a for a in self.career.activities if a.skill in project.theme.skills]
        pool = focused if rng.random() < FOCUSED_ACTIVITY_CHANCE else self.career.activities
        activity = rng.choice(pool)
        values = {
            **project.values(week),
            "person": rng.choice(names),
            "n": str(rng.randint(3, 9)),
            "pct": str(rng.randint(12, 68)),
        }
        day = self.day(week, weekday)
        entry_id = self.rows.add_entry(
            GeneratedEntry(
                day,
                EntryKind.DAILY.value,
                activity.title.format_map(values),
                activity.body.format_map(values),
            )
        )
        if project.first_entry is None:
            project.first_entry = (entry_id, day)
        tags = rng.sample(project.theme.tags, rng.randint(0, len(project.theme.tags)))
        self.rows.link(entry_id, [project.id], tags)
        self.rows.add_evidence(activity.skill, activity.note.format_map(values), entry_id=entry_id)

    def weekly_body(self, lanes: list[Project], week: int, names: list[str]) -> str:
        """Markdown with the sections the weekly-update feature reads ("## Next" among them)."""
        sections = []
        for heading, count in WEEKLY_SECTIONS:
            lines = []
            for item in self.rng.sample(self.career.weekly[heading.lower()], count):
                values = {**self.rng.choice(lanes).values(week), "person": self.rng.choice(names)}
                values["n"] = str(self.rng.randint(2, 6))
                lines.append("- " + item.format_map(values))
            sections.append(f"## {heading}\n" + "\n".join(lines))
        return "\n\n".join(sections)

    def write_metrics(self, project: Project, entry_id: int, day: date) -> None:
        """Results for a shipped project; only the baseline for one that did not ship."""
        shipped = project.status == ProjectStatus.SHIPPED
        for position, measure in enumerate(project.measures):
            self.rows.add_metric(
                GeneratedMetric(
                    project_id=project.id,
                    name=measure.template.name,
                    baseline=measure.baseline,
                    result=measure.result if shipped else None,
                    unit=measure.template.unit,
                    better=measure.template.better,
                    measured_on=day,
                    entry_id=entry_id,
                    note="" if shipped else "No result: the project has not shipped.",
                    position=position,
                )
            )

    def write_feedback(self, role: Role, week: int, project: Project) -> None:
        template = self.rng.choice(self.career.feedback)
        person = self.rng.choice(role.colleagues())
        feedback_id = self.rows.add_feedback(
            GeneratedFeedback(
                date=self.day(week, self.rng.randrange(DAILY_PER_WEEK)),
                person_id=person.id,
                relationship=person.relationship,
                kind=template.kind,
                text=template.text.format_map(project.values(week)),
                follow_up=template.follow_up,
            ),
            project.id,
        )
        note = f"From {person.first_name} ({person.relationship}) about {project.theme.feature}."
        self.rows.add_evidence(template.skill, note, feedback_id=feedback_id)
