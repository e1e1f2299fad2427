"""The ``demo`` use case: fill an empty journal with a believable sample internship.

New users see what a kept journal turns into (portfolio, bullets, stories) before writing a
word, and the tests and benchmarks share one realistic data set. The first twelve weeks are
hand-written (``resources/demo/internship.toml``); longer journals continue that career with
generated roles and projects (``demo_bulk``). The output depends only on the arguments.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pmjournal.domain.changes import Changes, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.progress import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from pmjournal.domain.skill_framework import STARTER_FRAMEWORK
from pmjournal.services.demo import bulk as demo_bulk
from pmjournal.services.demo.content import CORE_WEEKS, DemoCore, SkillNote, day_of, load_core
from pmjournal.services.records.published import published
from pmjournal.storage import models
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import profile as profile_repo

DEMO_START = date(2026, 6, 1)
SEED = 20260601

# The tables whose rows are the user's own work; starter skills and the profile are not.
_USER_CONTENT: tuple[tuple[type[models.Base], str, str], ...] = (
    (models.Entry, "entry", "entries"),
    (models.Project, "project", "projects"),
    (models.Internship, "internship", "internships"),
    (models.Feedback, "piece of feedback", "pieces of feedback"),
    (models.Person, "person", "people"),
    (models.Goal, "goal", "goals"),
)


@dataclass(frozen=True)
class DemoSummary:
    internships: int
    projects: int
    entries: int
    metrics: int
    feedback: int
    people: int
    goals: int


def generate_demo(
    journal: Journal,
    weeks: int = CORE_WEEKS,
    start: date = DEMO_START,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Outcome[DemoSummary]:
    """Write the demo into ``journal`` in one transaction and say what was written.

    Every view should reload afterwards, so the change published is ``Changes.everything()``.

    Refuses a journal that already holds user content, so a demo can never mix with (or be
    mistaken for) real notes. The hand-written internship is one story and is always written
    whole, so ``weeks`` of twelve or fewer gives the same journal; each week beyond twelve adds
    six generated entries (benchmarks use thousands of weeks).

    The long-work contract (``domain/progress.py``): ``progress("write", fraction)`` is
    heard after the story and then about once a generated year, and ``cancelled()`` is
    polled there; cancelling raises ``Cancelled`` inside the one transaction, so it rolls
    back and the journal stays empty.
    """
    if weeks < 1:
        raise ValidationError("the demo needs at least one week", "weeks")
    if start.weekday() != 0:
        raise ValidationError(f"{start} is not a Monday", "start")
    check_cancelled(cancelled, "demo")
    core = load_core()
    extra_weeks = max(0, weeks - CORE_WEEKS)
    total = len(core.entries) + demo_bulk.entries_for(extra_weeks)

    def report(done: int, _total: int) -> None:
        check_cancelled(cancelled, "demo")
        progress("write", done / total)

    with journal.transaction() as session:
        _refuse_unless_empty(session)
        names = _Resolver(session)
        _write_core(session, names, core, start)
        session.flush()
        report(len(core.entries), total)
        if extra_weeks:
            demo_bulk.extend_career(
                session,
                random.Random(SEED),
                start + timedelta(weeks=CORE_WEEKS),
                extra_weeks,
                names,
                lambda done: report(len(core.entries) + done, total),
            )
        summary = _summary(session)
    progress("done", 1.0)
    return published(journal, summary, Changes.everything())


def _refuse_unless_empty(session: Session) -> None:
    for table, one, many in _USER_CONTENT:
        count = session.scalar(select(func.count()).select_from(table))
        if count:
            raise ValidationError(
                f"already holds {count} {one if count == 1 else many}; the demo only fills "
                "an empty journal "
                "(choose an empty --data-dir)",
                "journal",
            )


def _summary(session: Session) -> DemoSummary:
    def count(table: type[models.Base]) -> int:
        return session.scalar(select(func.count()).select_from(table)) or 0

    return DemoSummary(
        internships=count(models.Internship),
        projects=count(models.Project),
        entries=count(models.Entry),
        metrics=count(models.Metric),
        feedback=count(models.Feedback),
        people=count(models.Person),
        goals=count(models.Goal),
    )


class _Resolver:
    """Skills and tags by name, created when missing: users may have renamed starter skills."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._skills = {s.name.casefold(): s for s in session.scalars(select(models.Skill))}
        self._tags = {t.name.casefold(): t for t in session.scalars(select(models.Tag))}
        self._categories = {
            c.name.casefold(): c for c in session.scalars(select(models.SkillCategory))
        }

    def skill(self, name: str) -> models.Skill:
        found = self._skills.get(name.casefold())
        if found is None:
            found = models.Skill(name=name, category=self._category_of(name))
            self._session.add(found)
            self._skills[name.casefold()] = found
        return found

    def _category_of(self, skill: str) -> models.SkillCategory | None:
        for category, members in STARTER_FRAMEWORK.items():
            if any(m.name == skill for m in members):
                return self._categories.get(category.casefold())
        return None

    def tag(self, name: str) -> models.Tag:
        found = self._tags.get(name.casefold())
        if found is None:
            found = models.Tag(name=name)
            self._session.add(found)
            self._tags[name.casefold()] = found
        return found

    def evidence(self, notes: Iterable[SkillNote]) -> list[models.Evidence]:
        return [models.Evidence(skill=self.skill(n.skill), note=n.note) for n in notes]


def _write_core(session: Session, resolve: _Resolver, core: DemoCore, start: date) -> None:
    last_friday = day_of(start, CORE_WEEKS, "fri")
    _write_profile(session, core)
    internship = models.Internship(
        organisation=core.internship.organisation,
        title=core.internship.title,
        team=core.internship.team,
        location=core.internship.location,
        description=core.internship.description,
        start_date=start,
        end_date=last_friday,
    )
    people = {
        p.key: models.Person(
            name=p.name,
            title=p.title,
            organisation=p.organisation,
            relationship_kind=p.relationship,
            email=p.email,
            notes=p.notes,
            confidential=p.confidential,
        )
        for p in core.people
    }
    projects = {
        p.name: models.Project(
            internship=internship,
            name=p.name,
            summary=p.summary,
            context=p.context,
            problem=p.problem,
            role=p.role,
            approach=p.approach,
            tradeoff=p.tradeoff,
            outcome=p.outcome,
            expected_result=p.expected_result,
            learnings=p.learnings,
            status=p.status,
            start_date=start + timedelta(weeks=p.start_week - 1),
            end_date=day_of(start, p.end_week, "fri") if p.end_week else None,
            confidential=p.confidential,
            evidence=resolve.evidence(p.skills),
        )
        for p in core.projects
    }
    entries: dict[str, models.Entry] = {}
    for e in core.entries:
        entry = models.Entry(
            date=day_of(start, e.week, e.day),
            kind=e.kind,
            title=e.title,
            body=e.body.strip(),
            projects=[projects[name] for name in e.projects],
            tags=[resolve.tag(name) for name in e.tags],
            evidence=resolve.evidence(e.skills),
        )
        session.add(entry)
        if e.key:
            entries[e.key] = entry
    for p in core.projects:
        projects[p.name].metrics = [
            models.Metric(
                name=m.name,
                baseline=m.baseline,
                result=m.result,
                unit=m.unit,
                better=m.better,
                measured_on=entries[m.entry].date,
                entry=entries[m.entry],
                note=m.note,
                position=position,
                confidential=m.confidential,
            )
            for position, m in enumerate(p.metrics)
        ]
    for f in core.feedback:
        person = people[f.person]
        session.add(
            models.Feedback(
                date=day_of(start, f.week, f.day),
                person=person,
                relationship_kind=person.relationship_kind,
                kind=f.kind,
                text=f.text.strip(),
                follow_up=f.follow_up.strip(),
                confidential=f.confidential,
                projects=[projects[name] for name in f.projects],
                evidence=resolve.evidence(f.skills),
            )
        )
    for g in core.goals:
        internship.goals.append(
            models.Goal(
                title=g.title,
                description=g.description,
                target_date=day_of(start, g.target_week, "fri"),
                status=g.status,
                checkins=[
                    models.GoalCheckin(
                        date=day_of(start, c.week, c.day), progress=c.progress, note=c.note
                    )
                    for c in g.checkins
                ],
            )
        )
    session.add_all([internship, *people.values(), *projects.values()])


def _write_profile(session: Session, core: DemoCore) -> None:
    """Fill the profile unless the user already named themselves: theirs wins."""
    if profile_repo.name_given(session):
        return
    profile = core.profile
    profile_repo.save(
        session,
        replace(
            profile_repo.load(session),
            name=profile.name,
            headline=profile.headline,
            email=profile.email,
            location=profile.location,
            summary=profile.summary,
            links=tuple(profile.links),
        ),
    )
