"""Backup now, restore and check: the user's safety net must itself be safe."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from pmjournal.domain.errors import JournalRefusedError, ValidationError
from pmjournal.services.maintenance import backup_now, check_database, restore
from pmjournal.services.records.entries import EntryDraft, add_entry, recent_entries
from pmjournal.services.search import search_journal
from pmjournal.storage import migrate
from pmjournal.storage.database import DB_FILENAME, Journal, open_journal


def bodies(journal: Journal) -> list[str]:
    return sorted(entry.body for entry in recent_entries(journal))


def run_sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def damaged_copy(source: Path, target: Path) -> Path:
    """A copy of a journal with garbage written over pages in the middle of the file."""
    data = bytearray(source.read_bytes())
    page = 4096
    for offset in range(page * 5, min(len(data), page * 9)):
        data[offset] = 0x55
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def backed_up(journal: Journal, tmp_path: Path) -> tuple[Journal, Path]:
    """A journal with one entry in a backup file and one written after it."""
    add_entry(journal, EntryDraft(text="alpha, before the backup"))
    copy = backup_now(journal, tmp_path / "saved.sqlite3")
    add_entry(journal, EntryDraft(text="beta, after the backup"))
    return journal, copy


def test_backup_now_goes_to_the_backups_folder_by_default(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text="keep me"))
    written = backup_now(journal)
    assert written.parent == journal.backup_dir
    assert written.name.startswith("manual-") and written.suffix == ".sqlite3"
    assert check_database(written).ok


def test_backup_into_a_folder_names_the_file(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    written = backup_now(journal, folder)
    assert written.parent == folder and written.name.startswith("journal-")


def test_a_backup_file_is_a_complete_journal_on_its_own(
    backed_up: tuple[Journal, Path], tmp_path: Path
) -> None:
    _journal, copy = backed_up
    alone = tmp_path / "moved"
    alone.mkdir()
    shutil.copyfile(copy, alone / DB_FILENAME)
    assert not list(copy.parent.glob("saved.sqlite3-*")), "no WAL or journal beside the copy"
    opened = open_journal(alone, auto_backup=False)
    try:
        assert bodies(opened) == ["alpha, before the backup"]
        assert [hit.kind for hit in search_journal(opened, "alpha")] == ["entry"]
    finally:
        opened.close()


def test_check_passes_a_healthy_journal_and_counts_it(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text="one", skills=["Presenting"]))
    report = check_database(journal.path)
    assert report.ok and report.problems == ()
    assert report.revision == migrate.HEAD
    assert report.counts["entries"] == 1 and report.counts["evidence"] == 1


def test_check_finds_a_search_index_out_of_step(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text="indexed"))
    run_sql(journal.path, "DELETE FROM search_index")
    report = check_database(journal.path)
    assert not report.ok
    assert report.problems == ("search index holds 0 rows for 1 records",)


def test_check_finds_a_lost_search_trigger(journal: Journal) -> None:
    run_sql(journal.path, "DROP TRIGGER projects_search_au")
    report = check_database(journal.path)
    assert report.problems == ("search index: trigger projects_search_au is missing",)


def test_check_finds_links_to_missing_rows(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="linked")).value
    run_sql(
        journal.path,
        "PRAGMA foreign_keys=OFF",
        f"INSERT INTO entry_projects (entry_id, project_id) VALUES ({entry.id}, 404)",
    )
    report = check_database(journal.path)
    assert report.problems == ("foreign key: entry_projects row 1 points at a missing projects",)


def test_check_reports_damage_instead_of_failing(journal: Journal, tmp_path: Path) -> None:
    for number in range(50):
        add_entry(journal, EntryDraft(text=f"entry {number} " * 30))
    copy = backup_now(journal, tmp_path / "copy.sqlite3")
    damaged = damaged_copy(copy, tmp_path / "damaged.sqlite3")
    report = check_database(damaged)
    assert not report.ok
    assert any("integrity" in problem or "malformed" in problem for problem in report.problems)


def test_restore_replaces_the_journal_and_keeps_the_current_one_first(
    backed_up: tuple[Journal, Path], tmp_path: Path
) -> None:
    journal, copy = backed_up
    kept = restore(journal.data_dir, copy)
    assert kept is not None and kept.parent == journal.backup_dir
    assert kept.name.startswith("before-restore-")
    assert bodies(journal) == ["alpha, before the backup"]
    assert search_journal(journal, "beta") == []
    assert [hit.kind for hit in search_journal(journal, "alpha")] == ["entry"]
    assert check_database(journal.path).ok
    previous_dir = tmp_path / "previous"
    previous_dir.mkdir()
    shutil.copyfile(kept, previous_dir / DB_FILENAME)
    previous = open_journal(previous_dir, auto_backup=False)
    try:
        assert bodies(previous) == ["alpha, before the backup", "beta, after the backup"]
    finally:
        previous.close()


def test_restore_into_an_empty_folder_needs_no_copy(
    backed_up: tuple[Journal, Path], tmp_path: Path
) -> None:
    _journal, copy = backed_up
    assert restore(tmp_path / "fresh", copy) is None
    fresh = open_journal(tmp_path / "fresh", auto_backup=False)
    try:
        assert bodies(fresh) == ["alpha, before the backup"]
    finally:
        fresh.close()


def test_two_restores_in_a_row_keep_both_replaced_journals(
    backed_up: tuple[Journal, Path], tmp_path: Path
) -> None:
    """Restoring the wrong backup, then the right one, must not lose the original journal."""
    journal, copy = backed_up
    other = open_journal(tmp_path / "other", auto_backup=False)
    add_entry(other, EntryDraft(text="gamma, another journal"))
    other_copy = backup_now(other, tmp_path / "other.sqlite3")
    other.close()
    # Start just after a second ticks over, so both restores fall within the same second.
    time.sleep(1 - time.time() % 1)
    first = restore(journal.data_dir, other_copy)
    second = restore(journal.data_dir, copy)
    assert first is not None and second is not None
    assert first != second, "the second restore overwrote the copy of the original journal"


def refused_without_change(journal: Journal, source: Path) -> JournalRefusedError:
    add_entry(journal, EntryDraft(text="live data"))
    before = file_state(journal.path)
    with pytest.raises(JournalRefusedError) as raised:
        restore(journal.data_dir, source)
    assert file_state(journal.path) == before
    assert bodies(journal) == ["live data"]
    assert not list(journal.backup_dir.glob("before-restore-*"))
    assert str(source) in str(raised.value)
    return raised.value


def test_restore_refuses_a_file_that_is_not_a_database(journal: Journal, tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("meeting notes, not a backup\n" * 200, encoding="utf-8")
    assert isinstance(refused_without_change(journal, source), migrate.NotAJournalError)


def test_restore_refuses_an_empty_file(journal: Journal, tmp_path: Path) -> None:
    source = tmp_path / "empty.sqlite3"
    source.touch()
    refused_without_change(journal, source)


def test_restore_refuses_another_applications_database(journal: Journal, tmp_path: Path) -> None:
    source = tmp_path / "other.sqlite3"
    run_sql(source, "CREATE TABLE notes (body TEXT)")
    assert isinstance(refused_without_change(journal, source), migrate.NotAJournalError)


def test_restore_refuses_a_newer_schema(backed_up: tuple[Journal, Path], tmp_path: Path) -> None:
    journal, copy = backed_up
    run_sql(copy, "UPDATE alembic_version SET version_num = '9001'")
    before = file_state(journal.path)
    with pytest.raises(migrate.SchemaTooNewError, match="9001"):
        restore(journal.data_dir, copy)
    assert file_state(journal.path) == before
    assert bodies(journal) == ["alpha, before the backup", "beta, after the backup"]


def test_restore_refuses_a_damaged_backup(journal: Journal, tmp_path: Path) -> None:
    for number in range(50):
        add_entry(journal, EntryDraft(text=f"entry {number} " * 30))
    copy = backup_now(journal, tmp_path / "copy.sqlite3")
    damaged = damaged_copy(copy, tmp_path / "damaged.sqlite3")
    before = file_state(journal.path)
    with pytest.raises(JournalRefusedError, match="damaged"):
        restore(journal.data_dir, damaged)
    assert file_state(journal.path) == before


def test_restore_of_a_missing_file_is_a_validation_error(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as raised:
        restore(journal.data_dir, tmp_path / "nowhere.sqlite3")
    assert raised.value.field == "path"


def test_restore_mends_a_journal_too_damaged_to_open(
    backed_up: tuple[Journal, Path], tmp_path: Path
) -> None:
    journal, good = backed_up
    journal.close()
    journal.path.write_bytes(os.urandom(4096))
    damaged_bytes = journal.path.read_bytes()

    kept = restore(journal.data_dir, good)

    assert kept is not None and kept.read_bytes() == damaged_bytes
    assert check_database(journal.path).ok
    assert not list(journal.backup_dir.rglob("*.partial"))
