"""The generated career after the hand-written internship, for long demo journals.

Benchmarks need journals of many thousands of entries that still read like a product career:
a return offer, promotions, new companies, two projects at a time that ship, stop or are still
running when the journal ends. Records are drawn here as plain values and written in bulk by
``storage/repos/demo_rows.py``, because ORM objects one at a time would take minutes for 12,000
entries.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from pmjournal.domain.generated_rows import (
    GeneratedCheckin,
    GeneratedGoal,
    GeneratedInternship,
    GeneratedPerson,
    GeneratedProject,
)
from pmjournal.domain.vocab import Direction, GoalStatus, ProjectStatus
from pmjournal.services.demo.content import Career, MetricTemplate, Organisation, Theme
from pmjournal.services.demo.weeks import (
    DAILY_PER_WEEK,
    Measure,
    Person,
    Project,
    Role,
    WeekWriter,
)
from pmjournal.storage.repos.demo_rows import GeneratedRows

ROLE_WEEKS = (78, 156)
PROJECT_WEEKS = (6, 14)
FIRST_PROJECT_WEEKS = (3, 7)  # the second lane starts short, so the two lanes overlap
STAY_CHANCE = 0.4
SHIPPED_CHANCE = 0.8
FLUSH_WEEKS = 52
CHECKINS = ((0.25, 25), (0.5, 60), (1.0, 100))


def entries_for(weeks: int) -> int:
    """How many entries ``weeks`` generated weeks hold: five dailies and one weekly each."""
    return weeks * (DAILY_PER_WEEK + 1)


def extend_career(
    career: Career,
    rows: GeneratedRows,
    used_names: set[str],
    rng: random.Random,
    start: date,
    weeks: int,
    progress: Callable[[int], None],
) -> None:
    """Write ``weeks`` generated weeks from the Monday ``start``, reporting entries written.

    ``used_names`` holds the casefolded project names already taken; new ones are added to it.
    """
    _CareerBuilder(career, rows, used_names, rng, start, weeks).run(progress)


class _CareerBuilder:
    def __init__(
        self,
        career: Career,
        rows: GeneratedRows,
        used_names: set[str],
        rng: random.Random,
        start: date,
        weeks: int,
    ) -> None:
        self.career = career
        self.rng = rng
        self.start = start
        self.weeks = weeks
        self.rows = rows
        self.week_writer = WeekWriter(self.rows, rng, self.career, self.day)
        self.used_names = used_names
        self.running: list[Project] = []

    def day(self, week: int, weekday: int) -> date:
        return self.start + timedelta(weeks=week, days=weekday)

    def run(self, progress: Callable[[int], None]) -> None:
        role_start, index, org_index = 0, 0, 0
        while role_start < self.weeks:
            at_top = index >= len(self.career.titles) - 1
            if index and (at_top or self.rng.random() >= STAY_CHANCE):
                org_index = 1 + org_index % (len(self.career.organisations) - 1)
            end = role_start + self.rng.randint(*ROLE_WEEKS)
            role = self.open_role(index, self.career.organisations[org_index], role_start, end)
            lanes: list[Project | None] = [None, None]
            for week in range(role_start, min(end, self.weeks)):
                for lane in (0, 1):
                    current = lanes[lane]
                    if current is None or current.end < week:
                        short = week == role_start and lane == 1
                        lanes[lane] = self.open_project(role, week, short, lanes[1 - lane])
                self.week_writer.write(role, week, [p for p in lanes if p is not None])
                if (week + 1) % FLUSH_WEEKS == 0:
                    self.rows.flush()
                    progress(self.rows.entries)
            role_start, index = end, index + 1
        for project in self.running:
            if project.first_entry is not None:
                self.week_writer.write_metrics(project, *project.first_entry)
        self.rows.flush()
        progress(self.rows.entries)

    def open_role(self, index: int, org: Organisation, start: int, end: int) -> Role:
        """An internship row (the job), its people and two goals for it."""
        career, rng = self.career, self.rng
        finished = end <= self.weeks
        internship_id = self.rows.add_internship(
            GeneratedInternship(
                organisation=org.name,
                title=career.titles[min(index, len(career.titles) - 1)],
                team=org.team,
                location=org.location,
                start_date=self.day(start, 0),
                end_date=self.day(end - 1, 4) if finished else None,
                description=org.description,
            )
        )
        people = []
        for relationship, title in career.people_roles:
            name = f"{rng.choice(career.first_names)} {rng.choice(career.last_names)}"
            person_id = self.rows.add_person(GeneratedPerson(name, title, org.name, relationship))
            people.append(Person(person_id, name, relationship))
        role = Role(internship_id, org, start, end, tuple(people))
        for title, description in rng.sample(career.goals, 2):
            self.write_goal(role, title, description, finished)
        return role

    def write_goal(self, role: Role, title: str, description: str, finished: bool) -> None:
        last = role.end - 1
        goal_id = self.rows.add_goal(
            GeneratedGoal(
                internship_id=role.internship_id,
                title=title,
                description=description,
                target_date=self.day(last, 4),
                status=(GoalStatus.ACHIEVED if finished else GoalStatus.IN_PROGRESS).value,
            )
        )
        notes = self.career.checkin_notes
        chosen = (notes[0], self.rng.choice(notes[1:-1]), notes[-1])
        manager = next(p for p in role.people if p.relationship == "manager").first_name
        for (share, progress), note in zip(CHECKINS, chosen, strict=True):
            week = role.start + int(share * (last - role.start))
            if week < self.weeks:
                self.rows.add_checkin(
                    GeneratedCheckin(
                        goal_id=goal_id,
                        date=self.day(week, self.rng.randrange(DAILY_PER_WEEK)),
                        note=note.format(manager=manager),
                        progress=progress,
                    )
                )

    def open_project(self, role: Role, week: int, short: bool, other: Project | None) -> Project:
        """A project from ``week``; whether it ships is decided now, from where it ends."""
        rng = self.rng
        end = week + rng.randint(*(FIRST_PROJECT_WEEKS if short else PROJECT_WEEKS)) - 1
        if role.end - 1 - end < PROJECT_WEEKS[0]:
            end = role.end - 1
        theme = rng.choice([t for t in self.career.themes if other is None or t is not other.theme])
        if end >= self.weeks:
            status = ProjectStatus.ACTIVE
        elif rng.random() < SHIPPED_CHANCE:
            status = ProjectStatus.SHIPPED
        else:
            status = rng.choice((ProjectStatus.PAUSED, ProjectStatus.CANCELLED))
        measures = [self.draw(m) for m in theme.metrics]
        main = measures[0]
        fields = {
            "project": self.project_name(theme, role, week),
            "org": role.org.name,
            "team": role.org.team,
            "segment": theme.segment,
            "feature": theme.feature,
            "Metric": main.template.name,
            "metric": main.template.name[0].lower() + main.template.name[1:],
            "baseline": main.at(0.0),
            "result": main.at(1.0),
            "target": main.at(1.0),
            "weeks": str(end - week + 1),
            "peer": rng.choice([p for p in role.people if p.relationship == "peer"]).name,
        }
        project = Project(
            id=self.write_project(theme, week, end, status, fields, role),
            theme=theme,
            start=week,
            end=end,
            status=status.value,
            fields=fields,
            measures=measures,
        )
        if status == ProjectStatus.ACTIVE:
            self.running.append(project)
        return project

    def draw(self, template: MetricTemplate) -> Measure:
        digits = 1 if template.high < 10 else 0
        baseline = self.rng.uniform(template.low, template.high)
        change = self.rng.uniform(*template.lift)
        higher = template.better == Direction.HIGHER
        result = baseline * (1 + change if higher else 1 - change)
        if template.unit == "%":
            result = min(result, 99.0)
        return Measure(template, round(baseline, digits), round(result, digits), digits)

    def project_name(self, theme: Theme, role: Role, week: int) -> str:
        """The theme's name, made unique (as names must be) by company, year, then a count."""
        year = self.day(week, 0).year
        dated = f"{theme.name} at {role.short} ({year}"
        candidates = [theme.name, f"{theme.name} at {role.short}", dated + ")"]
        count = 1
        while all(c.casefold() in self.used_names for c in candidates):
            count += 1
            candidates = [f"{dated}, {count})"]
        name = next(c for c in candidates if c.casefold() not in self.used_names)
        self.used_names.add(name.casefold())
        return name

    def write_project(
        self,
        theme: Theme,
        start: int,
        end: int,
        status: ProjectStatus,
        values: dict[str, str],
        role: Role,
    ) -> int:
        """The case study: outcome if shipped, expected result if running, why it stopped."""
        summary = theme.summary.format_map(values)
        outcome = expected = ""
        learnings = theme.learnings.format_map(values)
        if status == ProjectStatus.SHIPPED:
            outcome = theme.outcome.format_map(values)
            summary += " {Metric}: {baseline} to {result}.".format_map(values)
        elif status == ProjectStatus.ACTIVE:
            expected = theme.expected_result.format_map(values)
            summary += " In progress; aiming for {target}.".format_map(values)
        else:
            outcome = self.rng.choice(self.career.stopped).format_map(values)
            learnings = self.rng.choice(self.career.stopped_learnings)
            summary += f" Stopped after {values['weeks']} weeks."
        running = status == ProjectStatus.ACTIVE
        project_id = self.rows.add_project(
            GeneratedProject(
                internship_id=role.internship_id,
                name=values["project"],
                summary=summary,
                context=theme.context.format_map(values),
                problem=theme.problem.format_map(values),
                role=theme.role.format_map(values),
                approach=theme.approach.format_map(values),
                outcome=outcome,
                expected_result=expected,
                learnings=learnings,
                status=status.value,
                start_date=self.day(start, 0),
                end_date=None if running else self.day(end, 4),
            )
        )
        for skill in theme.skills[:2]:
            note = f"Practised on {theme.feature} at {role.short}."
            self.rows.add_evidence(skill, note, project_id=project_id)
        return project_id
