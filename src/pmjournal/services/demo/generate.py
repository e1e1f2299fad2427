"""The ``demo`` use case: fill an empty journal with a believable sample internship.

New users see what a kept journal turns into (portfolio, bullets, stories) before writing a
word, and the tests and benchmarks share one realistic data set. The first twelve weeks are
hand-written (``resources/demo/internship.toml``); longer journals continue that career with
generated roles and projects (``bulk``). The output depends only on the arguments.

The use case lives here (what content, in what order, its dates, progress and cancel, the
refusal); ``storage/repos/demo_story.py`` and ``demo_rows.py`` write the rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from pmjournal.domain.changes import Changes, Outcome
from pmjournal.domain.demo_story import (
    ContentCounts,
    Story,
    StoryCheckin,
    StoryEntry,
    StoryFeedback,
    StoryGoal,
    StoryInternship,
    StoryMetric,
    StoryProject,
)
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.progress import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from pmjournal.domain.records import ProfileRecord
from pmjournal.services.demo import bulk as demo_bulk
from pmjournal.services.demo.content import CORE_WEEKS, DemoCore, day_of, load_career, load_core
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import demo_rows, demo_story
from pmjournal.storage.repos import profile as profile_repo
from pmjournal.storage.repos.demo_names import NameResolver

DEMO_START = date(2026, 6, 1)
SEED = 20260601

# The user's own work, in the order the refusal names it, with its words for one and many.
_USER_CONTENT: tuple[tuple[str, str, str], ...] = (
    ("entries", "entry", "entries"),
    ("projects", "project", "projects"),
    ("internships", "internship", "internships"),
    ("feedback", "piece of feedback", "pieces of feedback"),
    ("people", "person", "people"),
    ("goals", "goal", "goals"),
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
        _refuse_unless_empty(demo_story.content_counts(session))
        names = NameResolver(session)
        if not profile_repo.name_given(session):  # the user's own profile wins
            profile_repo.save(session, _demo_profile(profile_repo.load(session), core))
        demo_story.write_story(session, names, _dated(core, start))
        report(len(core.entries), total)
        if extra_weeks:
            career = load_career()
            rows = demo_rows.GeneratedRows(session, names, career.skill_names, career.tag_names)
            demo_bulk.extend_career(
                career,
                rows,
                demo_rows.project_names(session),
                random.Random(SEED),
                start + timedelta(weeks=CORE_WEEKS),
                extra_weeks,
                lambda done: report(len(core.entries) + done, total),
            )
        summary = _summary(demo_story.content_counts(session))
    progress("done", 1.0)
    return published(journal, summary, Changes.everything())


def _refuse_unless_empty(counts: ContentCounts) -> None:
    for field, one, many in _USER_CONTENT:
        count = getattr(counts, field)
        if count:
            raise ValidationError(
                f"already holds {count} {one if count == 1 else many}; the demo only fills "
                "an empty journal "
                "(choose an empty --data-dir)",
                "journal",
            )


def _summary(counts: ContentCounts) -> DemoSummary:
    return DemoSummary(**{f.name: getattr(counts, f.name) for f in fields(DemoSummary)})


def _dated(core: DemoCore, start: date) -> Story:
    """The story placed at the Monday ``start``: weeks and weekdays become dates."""
    entry_dates = {e.key: day_of(start, e.week, e.day) for e in core.entries if e.key}
    source = core.internship
    return Story(
        internship=StoryInternship(
            organisation=source.organisation,
            title=source.title,
            team=source.team,
            location=source.location,
            description=source.description,
            start_date=start,
            end_date=day_of(start, CORE_WEEKS, "fri"),
        ),
        people=core.people,
        projects=tuple(
            StoryProject(
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
                skills=p.skills,
                metrics=tuple(
                    StoryMetric(
                        name=m.name,
                        baseline=m.baseline,
                        result=m.result,
                        unit=m.unit,
                        better=m.better,
                        measured_on=entry_dates[m.entry],
                        entry_key=m.entry,
                        note=m.note,
                        confidential=m.confidential,
                    )
                    for m in p.metrics
                ),
            )
            for p in core.projects
        ),
        entries=tuple(
            StoryEntry(
                date=day_of(start, e.week, e.day),
                kind=e.kind,
                title=e.title,
                body=e.body.strip(),
                key=e.key,
                projects=e.projects,
                tags=e.tags,
                skills=e.skills,
            )
            for e in core.entries
        ),
        feedback=tuple(
            StoryFeedback(
                date=day_of(start, f.week, f.day),
                person_key=f.person,
                kind=f.kind,
                text=f.text.strip(),
                follow_up=f.follow_up.strip(),
                confidential=f.confidential,
                projects=f.projects,
                skills=f.skills,
            )
            for f in core.feedback
        ),
        goals=tuple(
            StoryGoal(
                title=g.title,
                description=g.description,
                target_date=day_of(start, g.target_week, "fri"),
                status=g.status,
                checkins=tuple(
                    StoryCheckin(day_of(start, c.week, c.day), c.progress, c.note)
                    for c in g.checkins
                ),
            )
            for g in core.goals
        ),
    )


def _demo_profile(current: ProfileRecord, core: DemoCore) -> ProfileRecord:
    """The story's profile, keeping the fields it does not name."""
    profile = core.profile
    return replace(
        current,
        name=profile.name,
        headline=profile.headline,
        email=profile.email,
        location=profile.location,
        summary=profile.summary,
        links=tuple(profile.links),
    )
