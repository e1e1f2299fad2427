"""The demo journal: a believable internship, refused on a used journal, deterministic, fast."""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import ProjectStatus, Relationship
from pmjournal.services.career.weekly import render_text, weekly_update
from pmjournal.services.demo.generate import DEMO_START, DemoSummary, generate_demo
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.services.records.profile import get_profile, update_profile
from pmjournal.storage import models
from pmjournal.storage.database import Journal, open_journal

WEEKLY_SECTIONS = ("## Done", "## Learned", "## Blockers", "## Next")
CASE_STUDY_FIELDS = ("summary", "context", "problem", "role", "approach", "learnings")
UNSHIPPED = (ProjectStatus.PLANNED.value, ProjectStatus.ACTIVE.value)
# What only the confidential pilot's own notes may say: its figures (46 trials, 11% → 15%
# conversion) and where they were shown. Its name and the confidential people's names are
# read from the journal.
PILOT_FIGURES = ("46 trials", "of 46", "11%", "15%", "pricing council")


def count(session: Session, table: type[models.Base]) -> int:
    return session.scalar(select(func.count()).select_from(table)) or 0


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, without wall-clock timestamps: for comparing journals.

    Sorted because the ORM writes link-table rows in an order that varies between runs.
    """
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'"
            )
        ]
        dump = {}
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f"PRAGMA table_info({table})")
                if row[1] not in ("created_at", "updated_at")
            ]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        connection.close()


def number(value: float) -> str:
    """A metric value the way the entries write it: 58, 1.1, 1,840."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:g}"


# --- the 12-week internship -------------------------------------------------------------------


def test_counts_are_those_of_one_believable_internship(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        assert count(session, models.Internship) == 1
        assert count(session, models.Project) == 4
        assert 55 <= count(session, models.Entry) <= 70
        assert count(session, models.Metric) >= 6
        assert count(session, models.Feedback) >= 8
        assert 3 <= count(session, models.Goal) <= 4
        relationships = set(session.scalars(select(models.Person.relationship_kind)))
        internship = session.scalars(select(models.Internship)).one()
    assert {r.value for r in Relationship} - {"other"} <= relationships
    assert internship.title == "Product Management Intern"
    assert (internship.start_date, (internship.end_date - internship.start_date).days) == (
        DEMO_START,
        7 * 11 + 4,
    )


def test_profile_describes_the_fictional_intern(demo_journal: Journal) -> None:
    profile = get_profile(demo_journal)
    assert profile.name and profile.headline and profile.links
    assert profile.email.endswith("@example.com")


def test_exactly_one_confidential_project_with_its_own_metrics(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        secret = session.scalars(select(models.Project).where(models.Project.confidential)).all()
        assert len(secret) == 1
        assert secret[0].metrics and all(m.confidential for m in secret[0].metrics)
        hidden_feedback = count(session, models.Feedback) - len(
            session.scalars(select(models.Feedback).where(~models.Feedback.confidential)).all()
        )
        hidden_people = session.scalars(select(models.Person).where(models.Person.confidential))
        assert hidden_feedback + len(hidden_people.all()) >= 1


def secret_markers(session: Session) -> tuple[str, ...]:
    """Text that gives the confidential project away: its name, figures and hidden people."""
    projects = session.scalars(select(models.Project).where(models.Project.confidential))
    people = session.scalars(select(models.Person).where(models.Person.confidential)).all()
    names = [p.name for p in people] + [p.name.split()[0] for p in people]
    return (*[p.name for p in projects], *names, *PILOT_FIGURES)


def mentions(text: str, markers: tuple[str, ...]) -> list[str]:
    return [m for m in markers if m.casefold() in text.casefold()]


def test_only_notes_about_the_confidential_project_alone_mention_it(
    demo_journal: Journal,
) -> None:
    """Outputs leave out every entry linked to a confidential project, so the secret must not
    sit in an entry about public work too, and nothing public may name or quote it."""
    with demo_journal.reading() as session:
        markers = secret_markers(session)
        entries = session.scalars(select(models.Entry)).all()
        telling = [e for e in entries if mentions(f"{e.title}\n{e.body}", markers)]
        assert len(telling) >= 3
        for entry in telling:
            assert entry.projects and all(p.confidential for p in entry.projects), entry.title
        for entry in entries:
            kinds = {p.confidential for p in entry.projects}
            assert kinds != {True, False}, entry.title
            notes = " ".join(ev.note for ev in entry.evidence)
            if True not in kinds:
                assert not mentions(notes, markers), entry.title
        for item in session.scalars(select(models.Feedback)).all():
            if not item.confidential and not any(p.confidential for p in item.projects):
                assert not mentions(f"{item.text} {item.follow_up}", markers), item.text
        for project in session.scalars(select(models.Project)).all():
            if not project.confidential:
                fields = [getattr(project, f) for f in (*CASE_STUDY_FIELDS, "tradeoff", "outcome")]
                fields += [project.expected_result, *(ev.note for ev in project.evidence)]
                assert not mentions(" ".join(fields), markers), project.name


def test_metrics_are_evidenced_by_entries_of_their_own_confidentiality(
    demo_journal: Journal,
) -> None:
    with demo_journal.reading() as session:
        for metric in session.scalars(select(models.Metric)).all():
            linked = {p.confidential for p in metric.entry.projects}
            assert linked == {metric.project.confidential}, metric.name
            assert metric.confidential == metric.project.confidential, metric.name


def test_every_weekly_review_is_public_and_its_update_tells_no_secret(
    demo_journal: Journal,
) -> None:
    with demo_journal.reading() as session:
        markers = secret_markers(session)
        weekly = session.scalars(select(models.Entry).where(models.Entry.kind == "weekly")).all()
        assert all(not any(p.confidential for p in e.projects) for e in weekly)
        days = [e.date for e in weekly]
    for day in days:
        update = weekly_update(demo_journal, today=day)
        assert update.summary and update.learned and update.next_week, update.week
        assert not mentions(render_text(update), markers), update.week


def test_every_project_is_a_full_case_study(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        projects = session.scalars(select(models.Project)).all()
        statuses = sorted(p.status for p in projects)
        for project in projects:
            for field in CASE_STUDY_FIELDS:
                assert len(getattr(project, field)) > 40, (project.name, field)
            assert project.role.startswith("I ")
            assert project.summary.count("\n") == 0
            assert project.start_date is not None
            if project.status in UNSHIPPED:
                assert project.expected_result and not project.outcome, project.name
                assert project.end_date is None
            else:
                assert project.outcome and not project.expected_result, project.name
            assert project.evidence and all(e.note for e in project.evidence)
    assert statuses.count("shipped") == 2
    assert "active" in statuses
    assert {"paused", "cancelled"} & set(statuses)


def test_a_shipped_public_project_names_the_alternative_it_weighed(demo_journal: Journal) -> None:
    """The demo shows every case-study field, the trade-off too, in the user's own words: it
    states what was compared and what was chosen, and repeats nothing the approach says."""
    with demo_journal.reading() as session:
        weighed = session.scalars(select(models.Project).where(models.Project.tradeoff != "")).all()
        assert [(p.name, p.status, p.confidential) for p in weighed] == [
            ("Guided onboarding checklist", "shipped", False)
        ]
        [project] = weighed
        assert project.tradeoff.startswith("I compared two fixes")
        assert "I chose the checklist" in project.tradeoff
        assert "product tour" not in project.approach, "the approach no longer repeats it"


def test_metrics_are_evidenced_and_shipped_ones_complete(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        metrics = session.scalars(select(models.Metric)).all()
        directions = {m.better for m in metrics}
        for metric in metrics:
            assert metric.unit and metric.baseline is not None
            assert metric.entry is not None, metric.name
            assert metric.project in metric.entry.projects, metric.name
            assert metric.measured_on == metric.entry.date
            quoted = metric.result if metric.result is not None else metric.baseline
            assert number(quoted) in metric.entry.body, metric.name
            if metric.project.status == ProjectStatus.SHIPPED:
                assert metric.result is not None, metric.name
        unmeasured = [m for m in metrics if m.result is None]
    assert directions == {"higher", "lower"}
    assert unmeasured and all(m.project.status in UNSHIPPED for m in unmeasured)


def test_one_weekly_entry_a_week_with_a_next_section(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        entries = session.scalars(select(models.Entry)).all()
    weekly = [e for e in entries if e.kind == "weekly"]
    assert sorted(e.date.isocalendar().week for e in weekly) == sorted(
        {e.date.isocalendar().week for e in entries}
    )
    for entry in weekly:
        positions = [entry.body.index(heading) for heading in WEEKLY_SECTIONS]
        assert positions == sorted(positions), entry.title
        next_items = entry.body.split("## Next", 1)[1].strip()
        assert next_items.startswith("- "), entry.title
    assert all(e.date.weekday() < 5 for e in entries)


def test_entries_are_linked_markdown_notes(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        entries = session.scalars(select(models.Entry)).all()
        linked = [e for e in entries if e.projects]
        evidenced = [e for e in entries if e.evidence]
        notes = [ev.note for e in entries for ev in e.evidence]
        tagged = [e for e in entries if e.tags]
    assert len(linked) >= 0.8 * len(entries)
    assert len(evidenced) >= 0.6 * len(entries) and all(notes)
    assert len(tagged) == len(entries)
    assert sum(bool(re.search(r"^(- |\d+\. )", e.body, re.M)) for e in entries) >= 20
    assert sum("**" in e.body for e in entries) >= 20


def test_feedback_names_projects_skills_and_follow_ups(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        feedback = session.scalars(select(models.Feedback)).all()
        kinds = {f.kind for f in feedback}
        sources = {f.relationship_kind for f in feedback}
        assert all(f.person is not None for f in feedback)
        assert sum(bool(f.projects) for f in feedback) >= len(feedback) - 1
        assert all(f.evidence for f in feedback)
        assert all(f.follow_up for f in feedback if f.kind != "praise")
    assert kinds == {"praise", "constructive", "suggestion"}
    assert {"mentor", "manager", "peer"} <= sources


def test_goals_have_dated_check_ins(demo_journal: Journal) -> None:
    with demo_journal.reading() as session:
        goals = session.scalars(select(models.Goal)).all()
        for goal in goals:
            assert len(goal.checkins) >= 2 and goal.target_date is not None
            progress = [c.progress for c in goal.checkins]
            assert progress == sorted(progress), goal.title
        statuses = {g.status for g in goals}
    assert "achieved" in statuses and statuses - {"achieved"}


# --- refusing, atomicity and arguments ---------------------------------------------------------


def _add_entry(session: Session) -> None:
    session.add(models.Entry(date=DEMO_START, body="mine"))


def _add_project(session: Session) -> None:
    session.add(models.Project(name="Mine"))


def _add_person(session: Session) -> None:
    session.add(models.Person(name="Someone"))


def _add_goal(session: Session) -> None:
    session.add(models.Goal(title="Mine"))


def _add_internship(session: Session) -> None:
    session.add(models.Internship(organisation="Acme", title="Intern", start_date=DEMO_START))


def _add_feedback(session: Session) -> None:
    session.add(models.Feedback(date=DEMO_START, text="Nice work"))


@pytest.mark.parametrize(
    "add",
    [_add_entry, _add_project, _add_person, _add_goal, _add_internship, _add_feedback],
)
def test_refuses_a_journal_with_user_content(journal: Journal, add) -> None:
    with journal.transaction() as session:
        add(session)
    before = table_rows(journal.path)
    with pytest.raises(ValidationError) as refused:
        generate_demo(journal)
    assert refused.value.field == "journal"
    assert table_rows(journal.path) == before


def test_refusal_names_what_is_there(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text="My own note", day=date(2026, 5, 4)))
    with pytest.raises(ValidationError, match="1 entry;"):
        generate_demo(journal)


def test_starter_skills_and_tags_do_not_count_as_content(journal: Journal) -> None:
    with journal.transaction() as session:
        assert count(session, models.Skill) > 10
        session.add(models.Tag(name="weekly"))
    assert generate_demo(journal).entries > 0


def test_a_failure_midway_leaves_the_journal_empty(journal: Journal) -> None:
    def fail(done: int, total: int) -> None:
        raise RuntimeError("interrupted")

    before = table_rows(journal.path)
    with pytest.raises(RuntimeError):
        generate_demo(journal, weeks=30, progress=fail)
    assert table_rows(journal.path) == before


def test_the_users_own_profile_is_kept(journal: Journal) -> None:
    update_profile(journal, name="Robin Real", headline="Me")
    generate_demo(journal)
    assert (get_profile(journal).name, get_profile(journal).headline) == ("Robin Real", "Me")


@pytest.mark.parametrize(("weeks", "start"), [(0, DEMO_START), (12, date(2026, 6, 2))])
def test_rejects_impossible_arguments(journal: Journal, weeks: int, start: date) -> None:
    with pytest.raises(ValidationError):
        generate_demo(journal, weeks=weeks, start=start)
    with journal.reading() as session:
        assert count(session, models.Entry) == 0


def test_start_moves_the_whole_story(journal: Journal) -> None:
    start = date(2027, 1, 4)
    generate_demo(journal, start=start)
    with journal.reading() as session:
        first, last = session.execute(
            select(func.min(models.Entry.date), func.max(models.Entry.date))
        ).one()
        measured = set(session.scalars(select(models.Metric.measured_on)))
    assert (first, (last - first).days) == (start, 7 * 11 + 4)
    assert all(start <= day <= last for day in measured)


# --- determinism and the long journals benchmarks use ---------------------------------------


def test_same_arguments_give_the_same_journal(tmp_path: Path) -> None:
    dumps = []
    for name in ("one", "two"):
        built = open_journal(tmp_path / name, auto_backup=False)
        generate_demo(built, weeks=40)
        built.close()
        dumps.append(table_rows(built.path))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["entries"]) == 60 + 28 * 6


def test_more_weeks_continue_the_career(journal: Journal) -> None:
    summary = generate_demo(journal, weeks=13)
    assert summary.internships == 2
    assert summary.entries == 60 + 6
    with journal.reading() as session:
        titles = list(session.scalars(select(models.Internship.title).order_by("id")))
    assert titles == ["Product Management Intern", "Associate Product Manager"]


def test_two_thousand_weeks_is_a_large_consistent_journal(journal: Journal) -> None:
    reports: list[tuple[str, float]] = []
    started = time.perf_counter()
    summary = generate_demo(journal, weeks=2000, progress=lambda *r: reports.append(r))
    elapsed = time.perf_counter() - started
    assert elapsed < 15
    assert summary.entries >= 10_000
    assert isinstance(summary, DemoSummary)
    assert summary.projects > 100 and summary.feedback > 300 and summary.metrics > 300
    assert reports[-1] == ("done", 1.0) and len(reports) > 10
    assert [fraction for _, fraction in reports] == sorted(f for _, f in reports)
    with journal.reading() as session:
        assert count(session, models.Project) == summary.projects
        confidential = select(func.count()).where(models.Project.confidential)
        assert session.scalar(confidential) == 1
        shipped_without_result = (
            select(func.count())
            .select_from(models.Metric)
            .join(models.Project)
            .where(models.Project.status == "shipped", models.Metric.result.is_(None))
        )
        assert session.scalar(shipped_without_result) == 0
        unlinked = select(func.count()).where(models.Metric.entry_id.is_(None))
        assert session.scalar(unlinked) == 0
        weekly = select(func.count()).where(models.Entry.kind == "weekly")
        assert session.scalar(weekly) == 2000
    connection = sqlite3.connect(journal.path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
