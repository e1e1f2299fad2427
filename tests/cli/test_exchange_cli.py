"""``pmjournal export`` and ``import`` as a user runs them: exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_process import assert_refused, run_pmjournal

from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage.database import open_journal


def pmjournal(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_pmjournal("--data-dir", data_dir, *args, cwd=data_dir.parent)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "source"
    journal = open_journal(folder)
    add_entry(journal, EntryDraft(text="Ran 5 interviews 😀", skills=["User research"]))
    add_entry(journal, EntryDraft(text="Weekly notes", tags=["weekly"]))
    journal.close()
    return folder


@pytest.fixture
def exported(source: Path, tmp_path: Path) -> Path:
    out = tmp_path / "journal.json"
    result = pmjournal(source, "export", "--format", "json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        f"Exported 5 skill categories, 21 skills, 1 tag, 2 entries, 1 evidence to {out}"
    ]
    return out


def test_export_import_export_round_trips(exported: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    result = pmjournal(target, "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Imported 5 skill categories, 21 skills, 1 tag, 2 entries, 1 evidence "
        f"from {exported} into {target}\n"
    )
    again = tmp_path / "again.json"
    assert pmjournal(target, "export", "--format", "json", "--out", str(again)).returncode == 0
    assert again.read_bytes() == exported.read_bytes()


def test_import_into_a_non_empty_journal_is_refused(exported: Path, source: Path) -> None:
    before = (source / "journal.sqlite3").read_bytes()
    line = assert_refused(pmjournal(source, "import", str(exported)))
    assert line == (
        "pmjournal: journal: the journal is not empty; "
        "import into a new --data-dir or restore a backup"
    )
    assert (source / "journal.sqlite3").read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "pmjournal", "version": 1,', "not valid JSON: Expecting property name"),
        ('{"format": "pmjournal", "version": 4}', "version: this export is format version 4"),
        ('{"format": "other", "version": 1}', "format: not a pmjournal export"),
    ],
    ids=["malformed", "newer version", "other format"],
)
def test_bad_files_exit_2_and_create_nothing(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    target = tmp_path / "target"
    line = assert_refused(pmjournal(target, "import", str(path)))
    assert expected in line
    assert not target.exists()


def test_a_bad_field_is_named_by_its_path(exported: Path, tmp_path: Path) -> None:
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["entries"][1]["date"] = "2026-02-30"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target"
    line = assert_refused(pmjournal(target, "import", str(bad)))
    assert line == (
        "pmjournal: entries[1].date: '2026-02-30' is not a valid date (expected YYYY-MM-DD)"
    )
    assert not target.exists()


def test_an_id_too_large_for_the_search_index_exits_2_with_one_line(
    exported: Path, tmp_path: Path
) -> None:
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["entries"][0]["id"] = 2**61
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target"
    line = assert_refused(pmjournal(target, "import", str(bad)))
    assert line == (
        "pmjournal: entries[0].id: id 2305843009213693952 is too large "
        "(the largest is 2305843009213693951)"
    )
    assert not target.exists()


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert assert_refused(pmjournal(tmp_path / "d", "import", str(missing))) == (
        f"pmjournal: {missing}: no such file"
    )


def test_markdown_export_writes_a_folder_and_refuses_a_full_one(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    result = pmjournal(source, "export", "--format", "markdown", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote 3 Markdown files to {out}\n"
    assert (out / "index.md").is_file()
    assert len(list((out / "entries").glob("*.md"))) == 2
    line = assert_refused(pmjournal(source, "export", "--format", "markdown", "--out", str(out)))
    assert line == f"pmjournal: out: {out} is not empty; give a new or empty folder"


def test_json_export_refuses_a_folder_a_missing_folder_a_device_and_the_journal(
    source: Path, tmp_path: Path
) -> None:
    database = source / "journal.sqlite3"
    before = database.read_bytes()
    missing = tmp_path / "missing" / "journal.json"
    refusals = {
        tmp_path: f"pmjournal: out: {tmp_path} is a folder; give a file name",
        missing: f"pmjournal: out: folder {missing.parent} does not exist",
        Path("/dev/null"): "pmjournal: out: /dev/null is not a regular file",
        database: f"pmjournal: out: {database} is the journal itself; choose another file",
        source / "journal.sqlite3-wal": "is the journal itself",
    }
    for out, words in refusals.items():
        line = assert_refused(pmjournal(source, "export", "--format", "json", "--out", str(out)))
        assert words in line
    assert database.read_bytes() == before


def test_json_export_onto_a_symlink_keeps_the_link(exported: Path, source: Path) -> None:
    link = exported.with_name("latest.json")
    link.symlink_to(exported.name)
    exported.write_text("an older export", encoding="utf-8")
    result = pmjournal(source, "export", "--format", "json", "--out", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == exported
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "pmjournal"


def test_an_unknown_format_is_a_usage_error(source: Path, tmp_path: Path) -> None:
    result = pmjournal(source, "export", "--format", "xml", "--out", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "'xml' is not one of 'json', 'markdown'" in result.stderr
