"""Migration 0004: a project's trade-off, searchable, and the link tables' missing indexes.

Every committed fixture (0001 to 0004) is upgraded; the downgrade is checked against what 0003
itself wrote, so moving the trigger builder out of 0003 cannot have changed it.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config

from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.maintenance import check_database
from pmjournal.services.records.projects import find_project, update_project
from pmjournal.services.search import search_journal
from pmjournal.storage import migrate
from pmjournal.storage.database import DB_FILENAME, open_journal
from pmjournal.storage.engine import make_engine

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_FIXTURES = sorted(FIXTURES.glob("schema_*.sqlite3"))
LINK_INDEXES = {
    "entry_projects": "ix_entry_projects_project_id",
    "entry_tags": "ix_entry_tags_tag_id",
    "feedback_projects": "ix_feedback_projects_project_id",
}
FIXTURE_TRADEOFF = "I kept email sign-in and left single sign-on for later."


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def copy_of(fixture: Path, folder: Path) -> Path:
    folder.mkdir()
    shutil.copyfile(fixture, folder / DB_FILENAME)
    return folder / DB_FILENAME


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=[p.stem for p in SCHEMA_FIXTURES])
def test_every_fixture_gains_the_tradeoff_and_the_link_indexes(
    tmp_path: Path, fixture: Path
) -> None:
    path = copy_of(fixture, tmp_path / "journal")
    written_by = migrate.read_revision(path)
    journal = open_journal(path.parent, auto_backup=False)
    try:
        onboarding = find_project(journal, "Onboarding revamp")
        assert onboarding.tradeoff == (FIXTURE_TRADEOFF if written_by == "0004" else "")
        assert onboarding.approach.startswith("Five interviews")
        assert onboarding.outcome == "Completion rose to 61% in four weeks."
        update_project(
            journal,
            onboarding.id,
            replace(ProjectDraft.of(onboarding), tradeoff="I weighed a guided tour"),
        )
        hits = search_journal(journal, "guided tour")
        assert [(hit.kind, hit.title) for hit in hits] == [("project", "Onboarding revamp")]
        assert [hit.title for hit in search_journal(journal, "annual plans")] == [
            "Pricing page experiment"
        ]
    finally:
        journal.close()
    for table, index in LINK_INDEXES.items():
        assert index in {row[1] for row in query(path, f"PRAGMA index_list({table})")}
    assert check_database(path).problems == ()


def test_a_0003_project_is_found_by_its_tradeoff_once_upgraded(tmp_path: Path) -> None:
    """The upgrade indexes the projects again, so text written before it stays findable and
    the folded column covers the new field too."""
    path = copy_of(FIXTURES / "schema_0003.sqlite3", tmp_path / "journal")
    open_journal(path.parent, auto_backup=False).close()
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE projects SET tradeoff = 'Søren preferred SSO' WHERE id = 1")
        connection.commit()
    finally:
        connection.close()
    journal = open_journal(path.parent, auto_backup=False)
    try:
        assert [hit.title for hit in search_journal(journal, "Soren SSO")] == ["Onboarding revamp"]
        assert ("project", "Onboarding revamp") in {
            (hit.kind, hit.title) for hit in search_journal(journal, "funnel analysis")
        }
    finally:
        journal.close()


def test_looking_up_the_entries_of_a_project_uses_the_new_index(tmp_path: Path) -> None:
    path = copy_of(FIXTURES / "schema_0001.sqlite3", tmp_path / "journal")
    open_journal(path.parent, auto_backup=False).close()
    plan = query(
        path, "EXPLAIN QUERY PLAN SELECT entry_id FROM entry_projects WHERE project_id = 1"
    )
    assert "ix_entry_projects_project_id" in " ".join(str(row[-1]) for row in plan)


def downgrade_to(path: Path, revision: str) -> None:
    from alembic import command

    engine = make_engine(path, foreign_keys=False)
    try:
        with as_file(files("pmjournal.migrations")) as location:
            config = Config()
            config.set_main_option("script_location", str(location))
            with engine.execution_options(write=True).begin() as connection:
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def schema(path: Path) -> dict[str, Any]:
    """Triggers and indexes as SQLite holds their SQL, and each table's columns. (A table's
    SQL also orders its constraints, which the batch rebuilds of 0002 leave to chance.)"""
    objects = query(
        path, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    )
    found: dict[str, Any] = {}
    for kind, name, sql in objects:
        if kind == "table":
            found[name] = query(path, f"PRAGMA table_info({name})")
        else:
            found[name] = sql
    return found


def test_0004_downgrades_to_exactly_what_0003_wrote_and_upgrades_again(tmp_path: Path) -> None:
    path = copy_of(FIXTURES / "schema_0004.sqlite3", tmp_path / "journal")
    downgrade_to(path, "0003")

    assert migrate.read_revision(path) == "0003"
    assert schema(path) == schema(FIXTURES / "schema_0003.sqlite3")
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert query(path, "SELECT count(*) FROM search_index") == query(
        FIXTURES / "schema_0003.sqlite3", "SELECT count(*) FROM search_index"
    )

    journal = open_journal(path.parent, auto_backup=False)
    try:
        assert find_project(journal, "Onboarding revamp").tradeoff == ""
        assert ("project", "Onboarding revamp") in {
            (hit.kind, hit.title) for hit in search_journal(journal, "funnel analysis")
        }
    finally:
        journal.close()
    assert migrate.read_revision(path) == migrate.HEAD
    assert check_database(path).problems == ()
