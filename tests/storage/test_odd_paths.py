"""A journal lives where the user put it, whatever characters the folder's name holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmjournal.services.maintenance import backup_now, check_database
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage.database import DB_FILENAME, open_journal
from pmjournal.storage.migrate import read_revision


@pytest.mark.parametrize("name", ["q?1", "h#1", "space and ü", "percent%20"])
def test_odd_folder_names_hold_their_own_journal(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / name
    journal = open_journal(folder)
    add_entry(journal, EntryDraft(text="Interviewed three admins"))
    copy = backup_now(journal, tmp_path / "copy.sqlite3")
    journal.close()

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "copy.sqlite3"])
    assert read_revision(folder / DB_FILENAME) is not None
    report = check_database(folder / DB_FILENAME)
    assert report.ok, report.problems
    assert report.counts["entries"] == 1
    assert check_database(copy).counts["entries"] == 1
