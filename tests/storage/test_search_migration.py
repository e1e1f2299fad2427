"""Migration 0003 rebuilds the search index: folded letters, and people, goals and metrics."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pmjournal.services.maintenance import check_database
from pmjournal.services.search import search_journal
from pmjournal.storage import migrate
from pmjournal.storage.database import DB_FILENAME, open_journal

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_a_0002_journal_is_reindexed_with_folding_and_every_record(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "schema_0002.sqlite3", folder / DB_FILENAME)
    with sqlite3.connect(folder / DB_FILENAME) as connection:
        connection.execute("UPDATE people SET notes = 'Met Søren at the offsite' WHERE id = 1")
        people, goals, metrics, notes = (
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "goals", "metrics", "entries")
        )
    connection.close()

    journal = open_journal(folder, auto_backup=False)
    try:
        assert migrate.read_revision(journal.path) == migrate.HEAD
        assert [h.kind for h in search_journal(journal, "Soren")] == ["person"]
        with sqlite3.connect(journal.path) as connection:
            indexed = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        connection.close()
        assert people and goals and metrics and notes
        assert indexed >= people + goals + metrics + notes
    finally:
        journal.close()
    assert check_database(folder / DB_FILENAME).problems == ()
