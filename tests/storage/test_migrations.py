"""The migration runner: what it creates, what it upgrades, and what it refuses to touch."""

from __future__ import annotations

import ast
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from pmjournal.domain.skill_framework import STARTER_FRAMEWORK
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage import migrate
from pmjournal.storage.database import DB_FILENAME, open_journal
from pmjournal.storage.models import Base

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Run one statement on the file with plain sqlite3 and commit."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(sql).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def env_include_object() -> Callable[..., bool]:
    """The very ``include_object`` filter of the shipped ``env.py`` (which cannot be imported:
    it runs a migration at import time)."""
    source = (files("pmjournal.migrations") / "env.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    [function] = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "include_object"
    ]
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(body=[function], type_ignores=[]), "env.py", "exec"), namespace)
    return namespace["include_object"]


@pytest.fixture
def script_directory() -> Iterator[ScriptDirectory]:
    with as_file(files("pmjournal.migrations")) as location:
        config = Config()
        config.set_main_option("script_location", str(location))
        yield ScriptDirectory.from_config(config)


def schema_differences(path: Path) -> list[Any]:
    journal = open_journal(path.parent, auto_backup=False)
    try:
        with journal.engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "include_object": env_include_object(),
                    "compare_type": True,
                    "compare_server_default": True,
                },
            )
            return list(compare_metadata(context, Base.metadata))
    finally:
        journal.close()


def test_migrations_produce_exactly_the_models_schema(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    open_journal(tmp_path, auto_backup=False).close()
    assert schema_differences(path) == []


def test_the_schema_comparison_notices_a_missing_index(tmp_path: Path) -> None:
    """Guards the test above: a drifted schema must show up as a difference."""
    path = tmp_path / DB_FILENAME
    open_journal(tmp_path, auto_backup=False).close()
    query(path, "DROP INDEX ix_entries_date")
    differences = schema_differences(path)
    assert any(diff[0] == "add_index" and diff[1].name == "ix_entries_date" for diff in differences)


def test_known_revisions_are_the_alembic_history_oldest_first(
    script_directory: ScriptDirectory,
) -> None:
    history = [script.revision for script in script_directory.walk_revisions()]
    assert tuple(reversed(history)) == migrate.KNOWN_REVISIONS
    assert script_directory.get_heads() == [migrate.HEAD]


def test_a_new_journal_is_created_at_the_newest_schema_with_the_starter_skills(
    tmp_path: Path,
) -> None:
    journal = open_journal(tmp_path / "new")
    try:
        assert journal.migrated_from is None
        assert migrate.read_revision(journal.path) == migrate.HEAD
    finally:
        journal.close()
    skills = query(journal.path, "SELECT count(*) FROM skills")[0][0]
    categories = query(journal.path, "SELECT count(*) FROM skill_categories")[0][0]
    assert skills == sum(len(members) for members in STARTER_FRAMEWORK.values())
    assert categories == len(STARTER_FRAMEWORK)
    assert not (tmp_path / "new" / "backups").exists(), "a brand-new journal needs no backup"


def test_reopening_a_current_journal_keeps_its_data_and_makes_no_migration_copy(
    tmp_path: Path,
) -> None:
    journal = open_journal(tmp_path, auto_backup=False)
    add_entry(journal, EntryDraft(text="kept across opens"))
    journal.close()
    again = open_journal(tmp_path, auto_backup=False)
    try:
        assert again.migrated_from == migrate.HEAD
        with again.reading() as session:
            assert session.execute(text("SELECT body FROM entries")).scalar_one() == (
                "kept across opens"
            )
    finally:
        again.close()
    assert not list((tmp_path / "backups").glob("before-migration-*"))


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def newer_journal(tmp_path: Path) -> Path:
    """A journal as a newer pmjournal would leave it: WAL mode, a revision we do not know."""
    folder = tmp_path / "newer"
    journal = open_journal(folder, auto_backup=False)
    add_entry(journal, EntryDraft(text="written by a future version"))
    journal.close()
    query(folder / DB_FILENAME, "UPDATE alembic_version SET version_num = '9001'")
    return folder / DB_FILENAME


def test_a_newer_schema_is_refused_and_the_file_left_untouched(newer_journal: Path) -> None:
    before = file_state(newer_journal)
    with pytest.raises(migrate.SchemaTooNewError) as raised:
        open_journal(newer_journal.parent)
    message = str(raised.value)
    assert str(newer_journal) in message
    assert "9001" in message and "upgrade pmjournal" in message
    assert file_state(newer_journal) == before
    assert not (newer_journal.parent / "backups").exists()


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    path.write_text("Dear diary,\nthis is not a database.\n", encoding="utf-8")
    before = file_state(path)
    with pytest.raises(migrate.NotAJournalError, match="not a pmjournal database"):
        open_journal(tmp_path)
    assert file_state(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_FILENAME]


def test_another_applications_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    query(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = file_state(path)
    with pytest.raises(migrate.NotAJournalError, match="not a pmjournal one"):
        open_journal(tmp_path)
    assert file_state(path) == before


def test_an_empty_file_becomes_a_new_journal(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).touch()
    journal = open_journal(tmp_path, auto_backup=False)
    journal.close()
    assert migrate.read_revision(tmp_path / DB_FILENAME) == migrate.HEAD


def test_the_copy_made_before_a_migration_is_a_complete_journal(tmp_path: Path) -> None:
    """``ensure_current`` makes this copy before upgrading an older schema; here it is made of a
    live journal directly (``test_schema_fixtures`` checks the copy a real upgrade makes)."""
    journal = open_journal(tmp_path / "live", auto_backup=False)
    for number in range(3):
        add_entry(journal, EntryDraft(text=f"entry {number} before the upgrade"))
    copy = migrate._copy_before_migration(journal.path, tmp_path / "backups", migrate.HEAD)
    journal.close()
    assert copy.name.startswith(f"before-migration-{migrate.HEAD}-")
    assert migrate.read_revision(copy) == migrate.HEAD
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    bodies = [row[0] for row in query(copy, "SELECT body FROM entries ORDER BY id")]
    assert bodies == [f"entry {n} before the upgrade" for n in range(3)]


def test_opening_a_current_journal_does_not_import_alembic(tmp_path: Path) -> None:
    open_journal(tmp_path, auto_backup=False).close()
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pmjournal.storage.database import open_journal\n"
        "open_journal(Path(sys.argv[1])).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "[]"


def test_creating_a_journal_does_import_alembic(tmp_path: Path) -> None:
    """The probe above can tell: the first open migrates, so Alembic is loaded."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pmjournal.storage.database import open_journal\n"
        "open_journal(Path(sys.argv[1])).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "new")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "True"


def test_every_check_constraint_and_collation_of_the_models_is_in_the_file(
    tmp_path: Path,
) -> None:
    """Alembic's comparison sees neither CHECK constraints nor collations; a table rebuild in a
    migration can lose both, so they are compared here from the file's own SQL."""
    open_journal(tmp_path, auto_backup=False).close()
    tables = dict(query(tmp_path / DB_FILENAME, "SELECT name, sql FROM sqlite_master"))
    for table in Base.metadata.sorted_tables:
        sql = tables[table.name]
        for constraint in table.constraints:
            if constraint.__class__.__name__ == "CheckConstraint":
                assert f"CONSTRAINT {constraint.name} CHECK" in sql, (table.name, constraint.name)
        for column in table.columns:
            collation = getattr(column.type, "collation", None)
            if collation:
                assert f'{column.name} VARCHAR({column.type.length}) COLLATE "{collation}"' in (
                    sql
                ), (table.name, column.name)


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("entries", "kind", "monthly"),
        ("projects", "status", "done"),
        ("goals", "status", "abandoned"),
        ("people", "relationship", "friend"),
        ("feedback", "relationship", "boss"),
        ("feedback", "kind", "rant"),
        ("metrics", "better", "up"),
    ],
)
def test_the_new_checks_refuse_a_value_outside_the_vocabulary(
    tmp_path: Path, table: str, column: str, value: str
) -> None:
    path = tmp_path / "old" / DB_FILENAME
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_0002.sqlite3", path)
    with pytest.raises(sqlite3.IntegrityError, match=f"ck_{table}_{column}"):
        query(path, f"UPDATE {table} SET {column} = '{value}'")


def test_0002_downgrades_to_the_0001_schema_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command

    from pmjournal.storage.engine import make_engine

    path = tmp_path / DB_FILENAME
    shutil.copyfile(FIXTURES / "schema_0002.sqlite3", path)
    engine = make_engine(path, foreign_keys=False)
    try:
        with as_file(files("pmjournal.migrations")) as location:
            config = Config()
            config.set_main_option("script_location", str(location))
            with engine.execution_options(write=True).begin() as connection:
                config.attributes["connection"] = connection
                command.downgrade(config, "0001")
    finally:
        engine.dispose()
    tables = dict(query(path, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    assert "attachments" not in tables and "CONSTRAINT ck_" not in tables["projects"]
    assert 'name VARCHAR(200) COLLATE "NOCASE"' in tables["projects"]
    assert "aliases" not in tables["people"] and "follow_up_done" not in tables["feedback"]
    assert query(path, "PRAGMA integrity_check") == [("ok",)]

    open_journal(tmp_path, auto_backup=False).close()

    assert migrate.read_revision(path) == migrate.HEAD
    assert query(path, "SELECT count(*) FROM entries") == [(4,)]
    assert schema_differences(path) == []
