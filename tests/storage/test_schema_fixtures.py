"""Every journal a released pmjournal wrote still opens, upgraded, with all its data.

``tests/fixtures/schema_<revision>.sqlite3`` were written by ``make_schema_fixture.py`` at each
schema release and are never regenerated; each test here runs on all of them.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from pmjournal.domain.metrics import Quantity, compute_change, format_change
from pmjournal.domain.vocab import Direction
from pmjournal.services.maintenance import check_database
from pmjournal.services.records.entries import EntryDraft, add_entry, recent_entries
from pmjournal.services.records.profile import get_profile
from pmjournal.services.search import search_journal
from pmjournal.storage import migrate, models
from pmjournal.storage.database import DB_FILENAME, Journal, open_journal

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_FIXTURES = sorted(FIXTURES.glob("schema_*.sqlite3"))


def test_the_first_schema_has_a_fixture_and_so_does_the_newest() -> None:
    names = {path.name for path in SCHEMA_FIXTURES}
    assert "schema_0001.sqlite3" in names
    assert f"schema_{migrate.HEAD}.sqlite3" in names, (
        "each schema release adds its fixture: run tests/fixtures/make_schema_fixture.py"
    )


@pytest.fixture(params=SCHEMA_FIXTURES, ids=[path.stem for path in SCHEMA_FIXTURES])
def fixture_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A private copy of one committed fixture, as the journal of a data folder."""
    folder = tmp_path / "journal"
    folder.mkdir()
    shutil.copyfile(request.param, folder / DB_FILENAME)
    return folder / DB_FILENAME


@pytest.fixture
def upgraded(fixture_copy: Path) -> Iterator[Journal]:
    journal = open_journal(fixture_copy.parent, auto_backup=False)
    yield journal
    journal.close()


def test_opening_upgrades_to_the_newest_schema(fixture_copy: Path) -> None:
    old_revision = migrate.read_revision(fixture_copy)
    assert old_revision in migrate.KNOWN_REVISIONS
    journal = open_journal(fixture_copy.parent, auto_backup=False)
    journal.close()
    assert journal.migrated_from == old_revision
    assert migrate.read_revision(fixture_copy) == migrate.HEAD
    report = check_database(fixture_copy)
    assert report.ok, report.problems


def test_an_older_schema_is_copied_aside_before_it_is_upgraded(fixture_copy: Path) -> None:
    """Only an older schema is backed up; the fixture of the newest schema opens as it is."""
    old_revision = migrate.read_revision(fixture_copy)
    open_journal(fixture_copy.parent, auto_backup=False).close()
    copies = sorted((fixture_copy.parent / "backups").glob("before-migration-*.sqlite3"))
    if old_revision == migrate.HEAD:
        assert copies == []
        return
    [copy] = copies
    assert copy.name.startswith(f"before-migration-{old_revision}-")
    assert migrate.read_revision(copy) == old_revision
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT count(*) FROM entries").fetchone()[0] == 4
    finally:
        connection.close()


def test_the_profile_survives(upgraded: Journal) -> None:
    profile = get_profile(upgraded)
    assert profile.name == "Ada Okafor"
    assert profile.headline == "Product management intern, patient experience"
    assert profile.email == "ada@example.com"
    assert profile.links == ("https://ada.example.com", "https://www.linkedin.com/in/ada-okafor")


def test_entries_keep_their_text_dates_and_links(upgraded: Journal) -> None:
    entries = {entry.date: entry for entry in recent_entries(upgraded)}
    assert sorted(entries) == [
        date(2026, 6, 3),
        date(2026, 6, 12),
        date(2026, 7, 1),
        date(2026, 7, 15),
    ]
    interviews = entries[date(2026, 6, 3)]
    assert interviews.title == "Sign-up interviews"
    assert interviews.body == "Interviewed five new patients about why they abandon sign-up."
    assert interviews.projects == ("Onboarding revamp",)
    assert interviews.skills == ("User research",)
    assert interviews.tags == ("research",)
    assert interviews.created_at == datetime(2026, 6, 1, 9, 0, 0)
    weekly = entries[date(2026, 6, 12)]
    assert weekly.kind == "weekly"
    assert weekly.body.startswith("## Done\n- Funnel analysis")
    assert weekly.projects == ("Onboarding revamp", "Pricing page experiment")
    assert set(weekly.skills) == {"Prioritisation", "Stakeholder management"}
    assert entries[date(2026, 7, 15)].body == (
        "Coffee with the pricing team — naïve assumptions about churn."
    )


def test_projects_metrics_and_evidence_survive(upgraded: Journal) -> None:
    with upgraded.reading() as session:
        projects = {p.name: p for p in session.scalars(select(models.Project))}
        onboarding = projects["Onboarding revamp"]
        pricing = projects["Pricing page experiment"]
        assert onboarding.internship is not None
        assert onboarding.internship.organisation == "Northwind Health"
        assert onboarding.status == "shipped" and not onboarding.confidential
        assert onboarding.problem == "Only 42% of patients who started sign-up finished it."
        assert pricing.confidential and pricing.end_date is None
        assert pricing.expected_result == "More trials convert to paid plans."
        shown = [
            (
                metric.name,
                format_change(
                    compute_change(
                        None
                        if metric.baseline is None
                        else Quantity(metric.baseline, metric.baseline_unit or metric.unit),
                        None if metric.result is None else Quantity(metric.result, metric.unit),
                        Direction(metric.better),
                    )
                ),
            )
            for metric in onboarding.metrics + pricing.metrics
        ]
        assert shown == [
            ("Sign-up completion", "42% → 61% (+19 pts)"),
            ("Time to first booking", "190 s → 1.5 min (−53%)"),
            ("Trial conversion", "4%"),
        ]
        assert onboarding.metrics[0].entry is not None
        assert onboarding.metrics[0].entry.date == date(2026, 7, 1)
        assert pricing.metrics[0].confidential
        assert [(e.skill.name, e.note) for e in onboarding.evidence] == [
            ("Roadmapping", "Sequenced the rollout")
        ]
        notes = {
            e.skill.name: e.note
            for e in session.scalars(
                select(models.Evidence).where(models.Evidence.entry_id.is_not(None))
            )
        }
        assert notes["User research"] == "Ran five interviews"
        assert notes["Stakeholder management"] == ""
        [bullet] = onboarding.bullets
        assert bullet.pinned and bullet.text.startswith("Raised sign-up completion from 42%")


def test_feedback_people_and_goals_survive(upgraded: Journal) -> None:
    with upgraded.reading() as session:
        [feedback] = session.scalars(select(models.Feedback))
        assert feedback.person is not None and feedback.person.name == "Grace Lin"
        assert feedback.person.relationship_kind == "mentor"
        assert feedback.kind == "praise"
        assert [p.name for p in feedback.projects] == ["Onboarding revamp"]
        assert [(e.skill.name, e.note) for e in feedback.evidence] == [
            ("Communication", "Synthesis")
        ]
        [goal] = session.scalars(select(models.Goal))
        assert goal.status == "achieved" and goal.target_date == date(2026, 8, 15)
        assert [(c.date, c.progress, c.note) for c in goal.checkins] == [
            (date(2026, 6, 15), 40, "Spec agreed"),
            (date(2026, 7, 1), 100, "Flow shipped"),
        ]


@pytest.mark.parametrize(
    ("query", "kind", "title"),
    [
        ("abandon", "entry", "Sign-up interviews"),
        ("synthesis roadmap", "feedback", ""),
        ("annual plans", "project", "Pricing page experiment"),
        ("naive churn", "entry", "Café chat"),
        ("cafe", "entry", "Café chat"),
    ],
)
def test_the_search_index_survives(upgraded: Journal, query: str, kind: str, title: str) -> None:
    hits = search_journal(upgraded, query)
    assert [(hit.kind, hit.title) for hit in hits][:1] == [(kind, title)]


def test_new_writes_after_the_upgrade_are_searchable(upgraded: Journal) -> None:
    added = add_entry(
        upgraded,
        EntryDraft(
            text="Kicked off annual pricing interviews", projects=["pricing page experiment"]
        ),
    ).value
    assert added.projects == ("Pricing page experiment",)
    assert [hit.id for hit in search_journal(upgraded, "kicked off")] == [added.id]


def test_what_0002_added_survives_or_starts_empty(fixture_copy: Path) -> None:
    """A 0001 journal gains the new columns at their defaults; a 0002 one keeps its values."""
    written_by_0001 = migrate.read_revision(fixture_copy) == "0001"
    journal = open_journal(fixture_copy.parent, auto_backup=False)
    try:
        with journal.reading() as session:
            [internship] = session.scalars(select(models.Internship))
            project = session.scalars(
                select(models.Project).where(models.Project.name == "Onboarding revamp")
            ).one()
            [person] = session.scalars(select(models.Person))
            [feedback] = session.scalars(select(models.Feedback))
            metric = session.scalars(
                select(models.Metric).where(models.Metric.name == "Time to first booking")
            ).one()
            skill = session.scalars(
                select(models.Skill).where(models.Skill.name == "User research")
            ).one()
            attachments = list(session.scalars(select(models.Attachment)))
            entry = session.scalars(
                select(models.Entry).where(models.Entry.title == "Sign-up interviews")
            ).one()
            if written_by_0001:
                assert (internship.aliases, project.aliases, person.aliases) == ([], [], [])
                assert not feedback.follow_up_done and feedback.follow_up_on is None
                assert metric.change_display is None and skill.competency is None
                assert attachments == []
                return
            assert internship.aliases == ["Northwind", "NWH"]
            assert project.aliases == ["Project Welcome"]
            assert person.aliases == ["Grace"]
            assert feedback.follow_up_done and feedback.follow_up_on == date(2026, 7, 6)
            assert metric.change_display == "difference"
            assert skill.competency == "Customer focus"
            [spec] = attachments
            assert (spec.filename, spec.media_type, spec.size) == (
                "onboarding spec.pdf",
                "application/pdf",
                26,
            )
            assert [a.id for a in entry.attachments] == [spec.id]
            assert [a.id for a in project.attachments] == [spec.id]
    finally:
        journal.close()


# What a value outside its vocabulary becomes when 0002 adds the CHECK (docs/format.md).
MENDED = [
    ("entries", "kind", "Weekly ", "weekly"),
    ("entries", "kind", "monthly", "daily"),
    ("projects", "status", "SHIPPED", "shipped"),
    ("projects", "status", "done", "active"),
    ("goals", "status", "abandoned", "open"),
    ("people", "relationship", " Mentor", "mentor"),
    ("people", "relationship", "friend", "other"),
    ("feedback", "relationship", "boss", "other"),
    ("feedback", "kind", "rant", "suggestion"),
    ("metrics", "better", "up", "higher"),
]


@pytest.mark.parametrize(("table", "column", "stored", "becomes"), MENDED)
def test_a_0001_value_outside_its_vocabulary_is_mended_not_lost(
    tmp_path: Path, table: str, column: str, stored: str, becomes: str
) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    path = folder / DB_FILENAME
    shutil.copyfile(FIXTURES / "schema_0001.sqlite3", path)
    connection = sqlite3.connect(path)
    try:
        rowid = connection.execute(f"SELECT min(id) FROM {table}").fetchone()[0]
        before = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (stored, rowid))
        connection.commit()
    finally:
        connection.close()

    open_journal(folder, auto_backup=False).close()

    connection = sqlite3.connect(path)
    try:
        value = connection.execute(f"SELECT {column} FROM {table} WHERE id = ?", (rowid,))
        assert value.fetchone()[0] == becomes
        assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == before
    finally:
        connection.close()
    assert check_database(path).ok
