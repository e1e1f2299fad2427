"""The demo journal: a believable internship, refused on a used journal, deterministic, fast."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import journal_builder as build
import pytest

from pmjournal.domain.changes import Changes
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.feedback import FeedbackRecord
from pmjournal.domain.goals import GoalRecord
from pmjournal.domain.internships import InternshipRecord
from pmjournal.domain.metric_records import MetricRecord
from pmjournal.domain.paging import MAX_LIMIT, Page
from pmjournal.domain.people import PersonRecord
from pmjournal.domain.projects import ProjectRecord
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.skills import EvidenceRecord
from pmjournal.domain.vocab import ProjectStatus, Relationship
from pmjournal.services.career.weekly import render_text, weekly_update
from pmjournal.services.demo.generate import DEMO_START, DemoSummary, generate_demo
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records.entries import (
    EntryDraft,
    add_entry,
    entries_between,
    recent_entries,
)
from pmjournal.services.records.evidence import list_evidence
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.goals import list_goals
from pmjournal.services.records.internships import list_internships
from pmjournal.services.records.metrics import list_metrics
from pmjournal.services.records.people import list_people
from pmjournal.services.records.profile import get_profile, update_profile
from pmjournal.services.records.projects import list_projects
from pmjournal.services.records.skills import list_skills
from pmjournal.services.records.tags import add_tag

WEEKLY_SECTIONS = ("## Done", "## Learned", "## Blockers", "## Next")
CASE_STUDY_FIELDS = ("summary", "context", "problem", "role", "approach", "learnings")
UNSHIPPED = (ProjectStatus.PLANNED.value, ProjectStatus.ACTIVE.value)
# What only the confidential pilot's own notes may say: its figures (46 trials, 11% → 15%
# conversion) and where they were shown. Its name and the confidential people's names are
# read from the journal.
PILOT_FIGURES = ("46 trials", "of 46", "11%", "15%", "pricing council")
T = TypeVar("T")


def every(fetch: Callable[[int], Page[T]]) -> list[T]:
    """All pages of a list service, from the offset each page says comes next."""
    items: list[T] = []
    offset = 0
    while True:
        page = fetch(offset)
        items += page.items
        if not page.has_more:
            return items
        offset = page.next_offset


@dataclass(frozen=True)
class Records:
    """The whole journal as the record services list it, for checks across records."""

    internships: list[InternshipRecord]
    projects: dict[str, ProjectRecord]
    entries: list[EntryRecord]
    metrics: list[MetricRecord]
    feedback: list[FeedbackRecord]
    people: list[PersonRecord]
    goals: list[GoalRecord]
    evidence: list[EvidenceRecord]

    @classmethod
    def of(cls, journal: Journal) -> Records:
        return cls(
            internships=every(lambda at: list_internships(journal, limit=MAX_LIMIT, offset=at)),
            projects={
                p.name: p
                for p in every(lambda at: list_projects(journal, limit=MAX_LIMIT, offset=at))
            },
            entries=entries_between(journal, date.min, date.max),
            metrics=every(lambda at: list_metrics(journal, limit=MAX_LIMIT, offset=at)),
            feedback=every(lambda at: list_feedback(journal, limit=MAX_LIMIT, offset=at)),
            people=every(lambda at: list_people(journal, limit=MAX_LIMIT, offset=at)),
            goals=every(lambda at: list_goals(journal, limit=MAX_LIMIT, offset=at)),
            evidence=every(lambda at: list_evidence(journal, limit=MAX_LIMIT, offset=at)),
        )

    def notes(self, source: str, source_id: int) -> list[str]:
        """The evidence notes of one entry, project or feedback."""
        return [e.note for e in self.evidence if (e.source, e.source_id) == (source, source_id)]

    def secret(self, project_names: Iterable[str]) -> set[bool]:
        """Which confidentiality the named projects have: {True}, {False}, both or none."""
        return {self.projects[name].confidential for name in project_names}

    def entry(self, entry_id: int | None) -> EntryRecord:
        [found] = [e for e in self.entries if e.id == entry_id]
        return found


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
    demo = Records.of(demo_journal)
    assert len(demo.internships) == 1
    assert len(demo.projects) == 4
    assert 55 <= len(demo.entries) <= 70
    assert len(demo.metrics) >= 6
    assert len(demo.feedback) >= 8
    assert 3 <= len(demo.goals) <= 4
    relationships = {p.relationship.value for p in demo.people}
    [internship] = demo.internships
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
    demo = Records.of(demo_journal)
    secret = [p for p in demo.projects.values() if p.confidential]
    assert len(secret) == 1
    own = [m for m in demo.metrics if m.project == secret[0].name]
    assert own and all(m.confidential for m in own)
    hidden_feedback = [f for f in demo.feedback if f.confidential]
    hidden_people = [p for p in demo.people if p.confidential]
    assert len(hidden_feedback) + len(hidden_people) >= 1


def secret_markers(demo: Records) -> tuple[str, ...]:
    """Text that gives the confidential project away: its name, figures and hidden people."""
    projects = [p.name for p in demo.projects.values() if p.confidential]
    people = [p for p in demo.people if p.confidential]
    names = [p.name for p in people] + [p.name.split()[0] for p in people]
    return (*projects, *names, *PILOT_FIGURES)


def mentions(text: str, markers: tuple[str, ...]) -> list[str]:
    return [m for m in markers if m.casefold() in text.casefold()]


def test_only_notes_about_the_confidential_project_alone_mention_it(
    demo_journal: Journal,
) -> None:
    """Outputs leave out every entry linked to a confidential project, so the secret must not
    sit in an entry about public work too, and nothing public may name or quote it."""
    demo = Records.of(demo_journal)
    markers = secret_markers(demo)
    telling = [e for e in demo.entries if mentions(f"{e.title}\n{e.body}", markers)]
    assert len(telling) >= 3
    for entry in telling:
        assert demo.secret(entry.projects) == {True}, entry.title
    for entry in demo.entries:
        kinds = demo.secret(entry.projects)
        assert kinds != {True, False}, entry.title
        notes = " ".join(demo.notes("entry", entry.id))
        if True not in kinds:
            assert not mentions(notes, markers), entry.title
    for item in demo.feedback:
        if not item.confidential and True not in demo.secret(item.projects):
            assert not mentions(f"{item.text} {item.follow_up.text}", markers), item.text
    for project in demo.projects.values():
        if not project.confidential:
            fields = [getattr(project, f) for f in (*CASE_STUDY_FIELDS, "tradeoff", "outcome")]
            fields += [project.expected_result, *demo.notes("project", project.id)]
            assert not mentions(" ".join(fields), markers), project.name


def test_metrics_are_evidenced_by_entries_of_their_own_confidentiality(
    demo_journal: Journal,
) -> None:
    demo = Records.of(demo_journal)
    for metric in demo.metrics:
        project = demo.projects[metric.project]
        assert demo.secret(demo.entry(metric.entry_id).projects) == {project.confidential}
        assert metric.confidential == project.confidential, metric.name


def test_every_weekly_review_is_public_and_its_update_tells_no_secret(
    demo_journal: Journal,
) -> None:
    demo = Records.of(demo_journal)
    markers = secret_markers(demo)
    weekly = [e for e in demo.entries if e.kind == "weekly"]
    assert all(demo.secret(e.projects) <= {False} for e in weekly)
    days = [e.date for e in weekly]
    for day in days:
        update = weekly_update(demo_journal, today=day)
        assert update.summary and update.learned and update.next_week, update.week
        assert not mentions(render_text(update), markers), update.week


def test_every_project_is_a_full_case_study(demo_journal: Journal) -> None:
    demo = Records.of(demo_journal)
    statuses = sorted(p.status.value for p in demo.projects.values())
    for project in demo.projects.values():
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
        notes = demo.notes("project", project.id)
        assert notes and all(notes)
    assert statuses.count("shipped") == 2
    assert "active" in statuses
    assert {"paused", "cancelled"} & set(statuses)


def test_a_shipped_public_project_names_the_alternative_it_weighed(demo_journal: Journal) -> None:
    """The demo shows every case-study field, the trade-off too, in the user's own words: it
    states what was compared and what was chosen, and repeats nothing the approach says."""
    demo = Records.of(demo_journal)
    weighed = [p for p in demo.projects.values() if p.tradeoff]
    assert [(p.name, p.status, p.confidential) for p in weighed] == [
        ("Guided onboarding checklist", "shipped", False)
    ]
    [project] = weighed
    assert project.tradeoff.startswith("I compared two fixes")
    assert "I chose the checklist" in project.tradeoff
    assert "product tour" not in project.approach, "the approach no longer repeats it"


def test_metrics_are_evidenced_and_shipped_ones_complete(demo_journal: Journal) -> None:
    demo = Records.of(demo_journal)
    directions = {m.better.value for m in demo.metrics}
    for metric in demo.metrics:
        assert metric.unit and metric.baseline is not None
        assert metric.entry_id is not None, metric.name
        entry = demo.entry(metric.entry_id)
        assert metric.project in entry.projects, metric.name
        assert metric.measured_on == entry.date
        quoted = metric.result if metric.result is not None else metric.baseline
        assert number(quoted) in entry.body, metric.name
        if demo.projects[metric.project].status == ProjectStatus.SHIPPED:
            assert metric.result is not None, metric.name
    unmeasured = [m for m in demo.metrics if m.result is None]
    assert directions == {"higher", "lower"}
    assert unmeasured and all(demo.projects[m.project].status in UNSHIPPED for m in unmeasured)


def test_one_weekly_entry_a_week_with_a_next_section(demo_journal: Journal) -> None:
    entries = Records.of(demo_journal).entries
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
    demo = Records.of(demo_journal)
    entries = demo.entries
    linked = [e for e in entries if e.projects]
    evidenced = [e for e in entries if demo.notes("entry", e.id)]
    notes = [note for e in entries for note in demo.notes("entry", e.id)]
    tagged = [e for e in entries if e.tags]
    assert len(linked) >= 0.8 * len(entries)
    assert len(evidenced) >= 0.6 * len(entries) and all(notes)
    assert len(tagged) == len(entries)
    assert sum(bool(re.search(r"^(- |\d+\. )", e.body, re.M)) for e in entries) >= 20
    assert sum("**" in e.body for e in entries) >= 20


def test_feedback_names_projects_skills_and_follow_ups(demo_journal: Journal) -> None:
    feedback = Records.of(demo_journal).feedback
    kinds = {f.kind for f in feedback}
    sources = {f.relationship for f in feedback}
    assert all(f.person is not None for f in feedback)
    assert sum(bool(f.projects) for f in feedback) >= len(feedback) - 1
    assert all(f.skills for f in feedback)
    assert all(f.follow_up.text for f in feedback if f.kind != "praise")
    assert kinds == {"praise", "constructive", "suggestion"}
    assert {"mentor", "manager", "peer"} <= sources


def test_goals_have_dated_check_ins(demo_journal: Journal) -> None:
    goals = Records.of(demo_journal).goals
    for goal in goals:
        assert len(goal.checkins) >= 2 and goal.target_date is not None
        progress = [c.progress for c in goal.checkins]
        assert progress == sorted(progress), goal.title
    statuses = {g.status for g in goals}
    assert "achieved" in statuses and statuses - {"achieved"}


# --- refusing, atomicity and arguments ---------------------------------------------------------


def _add_entry(journal: Journal) -> None:
    build.entry(journal, DEMO_START, "mine")


def _add_project(journal: Journal) -> None:
    build.project(journal, "Mine")


def _add_person(journal: Journal) -> None:
    build.person(journal, "Someone")


def _add_goal(journal: Journal) -> None:
    build.goal(journal, "Mine")


def _add_internship(journal: Journal) -> None:
    build.internship(journal, "Acme", "Intern", DEMO_START)


def _add_feedback(journal: Journal) -> None:
    build.feedback_from(journal, "Nice work", DEMO_START)


@pytest.mark.parametrize(
    "add",
    [_add_entry, _add_project, _add_person, _add_goal, _add_internship, _add_feedback],
)
def test_refuses_a_journal_with_user_content(journal: Journal, add) -> None:
    add(journal)
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
    assert list_skills(journal).total > 10
    add_tag(journal, "weekly")
    assert generate_demo(journal).value.entries > 0


def test_the_demo_tells_every_view_to_reload(journal: Journal) -> None:
    heard: list[Changes] = []
    journal.changes.subscribe(heard.append)
    outcome = generate_demo(journal)
    assert heard == [outcome.changes] == [Changes.everything()]


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
    assert recent_entries(journal) == []


def test_start_moves_the_whole_story(journal: Journal) -> None:
    start = date(2027, 1, 4)
    generate_demo(journal, start=start)
    days = [e.date for e in entries_between(journal, date.min, date.max)]
    first, last = min(days), max(days)
    measured = {m.measured_on for m in list_metrics(journal, limit=MAX_LIMIT).items}
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
    summary = generate_demo(journal, weeks=13).value
    assert summary.internships == 2
    assert summary.entries == 60 + 6
    internships = sorted(list_internships(journal).items, key=lambda i: i.id)
    titles = [i.title for i in internships]
    assert titles == ["Product Management Intern", "Associate Product Manager"]


def test_two_thousand_weeks_is_a_large_consistent_journal(journal: Journal) -> None:
    reports: list[tuple[str, float]] = []
    started = time.perf_counter()
    summary = generate_demo(journal, weeks=2000, progress=lambda *r: reports.append(r)).value
    elapsed = time.perf_counter() - started
    assert elapsed < 15
    assert summary.entries >= 10_000
    assert isinstance(summary, DemoSummary)
    assert summary.projects > 100 and summary.feedback > 300 and summary.metrics > 300
    assert reports[-1] == ("done", 1.0) and len(reports) > 10
    assert [fraction for _, fraction in reports] == sorted(f for _, f in reports)
    projects = every(lambda at: list_projects(journal, limit=MAX_LIMIT, offset=at))
    assert len(projects) == summary.projects
    assert sum(p.confidential for p in projects) == 1
    shipped = {p.name for p in projects if p.status == ProjectStatus.SHIPPED}
    metrics = every(lambda at: list_metrics(journal, limit=MAX_LIMIT, offset=at))
    assert [m.name for m in metrics if m.project in shipped and m.result is None] == []
    assert [m.name for m in metrics if m.entry_id is None] == []
    entries = entries_between(journal, date.min, date.max)
    assert sum(e.kind == "weekly" for e in entries) == 2000
    connection = sqlite3.connect(journal.path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
