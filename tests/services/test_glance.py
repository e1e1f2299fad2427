from __future__ import annotations

from pathlib import Path

from pmjournal.services.glance import latest_entries
from pmjournal.services.journal import DB_FILENAME, Journal
from pmjournal.services.records.entries import recent_entries


def test_the_glance_reads_what_the_journal_lists(demo_journal: Journal) -> None:
    glance = latest_entries(demo_journal.data_dir, 25)
    assert glance == recent_entries(demo_journal, 25)
    assert any(e.projects and e.skills and e.tags for e in glance or [])


def test_the_glance_writes_nothing_and_gives_up_quietly(tmp_path: Path) -> None:
    assert latest_entries(tmp_path / "nothing-here", 10) is None
    assert not (tmp_path / "nothing-here").exists()
    folder = tmp_path / "not-a-journal"
    folder.mkdir()
    (folder / DB_FILENAME).write_bytes(b"plain text, not SQLite")
    assert latest_entries(folder, 10) is None
    assert (folder / DB_FILENAME).read_bytes() == b"plain text, not SQLite"
