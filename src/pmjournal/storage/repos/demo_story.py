"""Writes the demo's hand-written internship, and counts what a journal already holds.

The story is small (sixty entries), so it goes through the ORM with its relationships; the
order objects are added in is the order of their ids, which the demo keeps the same every time.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pmjournal.domain.demo_story import ContentCounts, Story
from pmjournal.storage import models
from pmjournal.storage.repos.demo_names import NameResolver


def content_counts(session: Session) -> ContentCounts:
    """The user's own records by kind; starter skills and the profile are not counted."""

    def count(table: type[models.Base]) -> int:
        return session.scalar(select(func.count()).select_from(table)) or 0

    return ContentCounts(
        entries=count(models.Entry),
        projects=count(models.Project),
        internships=count(models.Internship),
        feedback=count(models.Feedback),
        people=count(models.Person),
        goals=count(models.Goal),
        metrics=count(models.Metric),
    )


def write_story(session: Session, resolve: NameResolver, story: Story) -> None:
    """Add every record of ``story`` with its links; the caller's transaction commits them."""
    source = story.internship
    internship = models.Internship(
        organisation=source.organisation,
        title=source.title,
        team=source.team,
        location=source.location,
        description=source.description,
        start_date=source.start_date,
        end_date=source.end_date,
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
        for p in story.people
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
            start_date=p.start_date,
            end_date=p.end_date,
            confidential=p.confidential,
            evidence=resolve.evidence(p.skills),
        )
        for p in story.projects
    }
    entries: dict[str, models.Entry] = {}
    for e in story.entries:
        entry = models.Entry(
            date=e.date,
            kind=e.kind,
            title=e.title,
            body=e.body,
            projects=[projects[name] for name in e.projects],
            tags=[resolve.tag(name) for name in e.tags],
            evidence=resolve.evidence(e.skills),
        )
        session.add(entry)
        if e.key:
            entries[e.key] = entry
    for p in story.projects:
        projects[p.name].metrics = [
            models.Metric(
                name=m.name,
                baseline=m.baseline,
                result=m.result,
                unit=m.unit,
                better=m.better,
                measured_on=m.measured_on,
                entry=entries[m.entry_key],
                note=m.note,
                position=position,
                confidential=m.confidential,
            )
            for position, m in enumerate(p.metrics)
        ]
    for f in story.feedback:
        person = people[f.person_key]
        session.add(
            models.Feedback(
                date=f.date,
                person=person,
                relationship_kind=person.relationship_kind,
                kind=f.kind,
                text=f.text,
                follow_up=f.follow_up,
                confidential=f.confidential,
                projects=[projects[name] for name in f.projects],
                evidence=resolve.evidence(f.skills),
            )
        )
    for g in story.goals:
        internship.goals.append(
            models.Goal(
                title=g.title,
                description=g.description,
                target_date=g.target_date,
                status=g.status,
                checkins=[
                    models.GoalCheckin(date=c.date, progress=c.progress, note=c.note)
                    for c in g.checkins
                ],
            )
        )
    session.add_all([internship, *people.values(), *projects.values()])
    session.flush()
