"""The command line as a user runs it: real processes, real files, exit codes and messages."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal
from journal_builder import project

from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage import migrate
from pmjournal.storage.database import DB_FILENAME, open_journal


def entry_count(data_dir: Path) -> int:
    path = data_dir / DB_FILENAME
    if not path.exists():
        return 0
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A journal with one project, created the way the app creates it."""
    folder = tmp_path / "journal"
    journal = open_journal(folder)
    project(journal, "Onboarding revamp")
    journal.close()
    return folder


def test_add_saves_an_entry_with_links_and_says_so(data_dir: Path, tmp_path: Path) -> None:
    done = pmjournal(
        "--data-dir",
        data_dir,
        "add",
        "--text",
        "Interviewed five patients about sign-up",
        "--date",
        "2026-06-03",
        "--project",
        "onboarding revamp",
        "--skill",
        "User research",
        "--skill",
        "Communication",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Saved entry #1 for 2026-06-03 (Onboarding revamp, User research, Communication)\n"
    )
    assert done.stderr == ""
    assert entry_count(data_dir) == 1


def test_search_shows_dated_hits_and_json(data_dir: Path, tmp_path: Path) -> None:
    added = pmjournal(
        "--data-dir", data_dir, "add", "--text", "Interviewed five patients", "--date",
        "2026-06-03", "--title", "Interviews", cwd=tmp_path,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    done = pmjournal("--data-dir", data_dir, "search", "interview", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["2026-06-03", "entry", "#1", "Interviews"]
    assert lines[1].strip() == "Interviewed five patients"  # bold only on a terminal
    as_json = pmjournal("--data-dir", data_dir, "search", "patients", "--json", cwd=tmp_path)
    assert json.loads(as_json.stdout) == [
        {
            "kind": "entry",
            "id": 1,
            "date": "2026-06-03",
            "title": "Interviews",
            "snippet": "Interviewed five <mark>patients</mark>",
        }
    ]
    nothing = pmjournal("--data-dir", data_dir, "search", "zebra", cwd=tmp_path)
    assert (nothing.returncode, nothing.stdout) == (0, "Nothing matches 'zebra'.\n")


def test_search_takes_operators_as_words(data_dir: Path, tmp_path: Path) -> None:
    done = pmjournal("--data-dir", data_dir, "search", '"foo" OR -bar (', cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("add", "--text", "x", "--date", "2026-02-30"), ("date", "'2026-02-30'", "YYYY-MM-DD")),
        (
            ("add", "--text", "x", "--project", "Onbording revamp"),
            ("project", "'Onbording revamp'", "did you mean 'Onboarding revamp'?"),
        ),
        (("add", "--text", "x", "--skill", "Juggling"), ("skill", "'Juggling'")),
        (("add", "--text", "   "), ("text", "needs some text")),
        (("search", "()"), ("query",)),
    ],
    ids=["impossible-date", "unknown-project", "unknown-skill", "empty-text", "no-words"],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    data_dir: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    before = (data_dir / DB_FILENAME).read_bytes()
    assert_refused(pmjournal("--data-dir", data_dir, *args, cwd=tmp_path), *words)
    assert entry_count(data_dir) == 0
    # Opening and closing checkpoints the WAL, so anything the command wrote reaches the file.
    open_journal(data_dir, auto_backup=False).close()
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_bad_date_in_a_new_folder_creates_no_journal(tmp_path: Path) -> None:
    folder = tmp_path / "never"
    done = pmjournal(
        "--data-dir", folder, "add", "--text", "x", "--date", "24/11/2026", cwd=tmp_path
    )
    assert_refused(done, "date")
    assert not (folder / DB_FILENAME).exists()


def test_a_newer_schema_is_refused_and_left_untouched(data_dir: Path, tmp_path: Path) -> None:
    path = data_dir / DB_FILENAME
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9001'")
    connection.commit()
    connection.close()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    line = assert_refused(
        pmjournal("--data-dir", data_dir, "add", "--text", "x", cwd=tmp_path),
        str(path),
        "newer",
    )
    assert "upgrade pmjournal" in line
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    path = folder / DB_FILENAME
    path.write_text("my notes, not a database\n", encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    assert_refused(pmjournal("--data-dir", folder, "search", "notes", cwd=tmp_path), str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_the_data_folder_can_come_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "from-env"
    done = pmjournal(
        "add",
        "--text",
        "via the environment",
        cwd=tmp_path,
        env={"PMJOURNAL_DATA_DIR": str(folder)},
    )
    assert done.returncode == 0, done.stderr
    assert entry_count(folder) == 1
    assert not (tmp_path / "xdg-data").exists()


def test_a_tilde_in_the_data_folder_means_home_for_every_command(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path / "home"), "PMJOURNAL_DATA_DIR": "~/journal"}
    assert pmjournal("add", "--text", "from home", cwd=tmp_path, env=home).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert pmjournal("backup", "--out", copy, cwd=tmp_path, env=home).returncode == 0
    restored = pmjournal("restore", copy, cwd=tmp_path, env=home)
    assert restored.returncode == 0, restored.stderr
    assert entry_count(tmp_path / "home" / "journal") == 1
    assert not (tmp_path / "~").exists()


def test_data_dir_after_the_command_name_wins_over_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "after"
    elsewhere = tmp_path / "env"
    done = pmjournal(
        "add", "--data-dir", folder, "--text", "after the command", cwd=tmp_path,
        env={"PMJOURNAL_DATA_DIR": str(elsewhere)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert entry_count(folder) == 1
    assert not elsewhere.exists()
    found = pmjournal("search", "--data-dir", folder, "command", "--json", cwd=tmp_path)
    assert [hit["id"] for hit in json.loads(found.stdout)] == [1]


def test_profile_is_set_and_shown(data_dir: Path, tmp_path: Path) -> None:
    empty = pmjournal("profile", "--data-dir", data_dir, cwd=tmp_path)
    assert empty.stdout.startswith("No profile yet.")
    done = pmjournal(
        "--data-dir", data_dir, "profile", "--name", "Ada Okafor", "--headline", "APM intern",
        "--email", "ada@example.com", "--link", "https://ada.example.com", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = pmjournal("--data-dir", data_dir, "profile", cwd=tmp_path)
    assert shown.stdout.splitlines() == [
        "Name:      Ada Okafor",
        "Headline:  APM intern",
        "Email:     ada@example.com",
        "Link:      https://ada.example.com",
    ]
    assert_refused(
        pmjournal(
            "--data-dir", data_dir, "profile", "--name", "X", "--email", "nope", cwd=tmp_path
        ),
        "email",
        "'nope'",
    )
    again = pmjournal("--data-dir", data_dir, "profile", cwd=tmp_path)
    assert again.stdout == shown.stdout


def test_backup_restore_and_check(data_dir: Path, tmp_path: Path) -> None:
    pmjournal("--data-dir", data_dir, "add", "--text", "before the backup", cwd=tmp_path)
    out = tmp_path / "copy.sqlite3"
    done = pmjournal("--data-dir", data_dir, "backup", "--out", out, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"Backed up to {out}\n")
    pmjournal("--data-dir", data_dir, "add", "--text", "after the backup", cwd=tmp_path)
    assert entry_count(data_dir) == 2

    restored = pmjournal("--data-dir", data_dir, "restore", out, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    first, second = restored.stdout.splitlines()
    assert first == f"Restored {out}"
    kept = Path(second.removeprefix("The journal it replaced is kept at "))
    assert kept.parent == data_dir / "backups" and kept.exists()
    assert entry_count(data_dir) == 1

    checked = pmjournal("--data-dir", data_dir, "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(f"OK: schema {migrate.HEAD}; ")
    assert "1 projects, 1 entries, 21 skills" in checked.stdout


def test_backup_to_a_missing_folder_is_refused(data_dir: Path, tmp_path: Path) -> None:
    done = pmjournal(
        "--data-dir", data_dir, "backup", "--out", tmp_path / "no" / "such" / "x.db", cwd=tmp_path
    )
    assert_refused(done, "no such folder")


def test_restore_refuses_a_text_file_and_keeps_the_journal(data_dir: Path, tmp_path: Path) -> None:
    pmjournal("--data-dir", data_dir, "add", "--text", "precious", cwd=tmp_path)
    path = data_dir / DB_FILENAME
    before = path.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup\n", encoding="utf-8")
    assert_refused(pmjournal("--data-dir", data_dir, "restore", notes, cwd=tmp_path), str(notes))
    assert path.read_bytes() == before
    assert entry_count(data_dir) == 1


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 5, min(len(data), 4096 * 9)):
        data[offset] = 0x55
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_backup(data_dir: Path, tmp_path: Path) -> Path:
    journal = open_journal(data_dir, auto_backup=False)
    for number in range(50):
        add_entry(journal, EntryDraft(text=f"entry {number} " * 30))
    journal.close()
    copy = tmp_path / "damaged.sqlite3"
    done = pmjournal("--data-dir", data_dir, "backup", "--out", copy, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    damage(copy)
    return copy


def test_restore_refuses_a_damaged_backup_with_one_line(
    data_dir: Path, tmp_path: Path, damaged_backup: Path
) -> None:
    before = (data_dir / DB_FILENAME).read_bytes()
    assert_refused(
        pmjournal("--data-dir", data_dir, "restore", damaged_backup, cwd=tmp_path),
        str(damaged_backup),
    )
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_check_names_the_problems_it_finds(data_dir: Path, tmp_path: Path) -> None:
    pmjournal("--data-dir", data_dir, "add", "--text", "indexed", cwd=tmp_path)
    connection = sqlite3.connect(data_dir / DB_FILENAME)
    connection.execute("DELETE FROM search_index")
    connection.commit()
    connection.close()
    done = pmjournal("--data-dir", data_dir, "check", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "problem: search index holds 0 rows for 2 records\n"


def test_check_reports_a_damaged_journal_without_an_unexpected_error(
    tmp_path: Path, damaged_backup: Path
) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    damaged_backup.rename(folder / DB_FILENAME)
    done = pmjournal("--data-dir", folder, "check", cwd=tmp_path)
    assert done.returncode == 1
    assert "unexpected error" not in done.stderr
    assert done.stderr.startswith("problem: ")


def test_empty_text_in_a_new_folder_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    assert_refused(pmjournal("--data-dir", folder, "add", "--text", "   ", cwd=tmp_path), "text")
    assert not folder.exists()


def test_an_unwritable_data_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = pmjournal("--data-dir", "/proc/pmjournal", "add", "--text", "x", cwd=tmp_path)
    assert_refused(done, "/proc/pmjournal")
