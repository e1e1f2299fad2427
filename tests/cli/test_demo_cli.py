"""``pmjournal demo`` as a user runs it: a real process, a real data folder, exit codes."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from cli_process import run_pmjournal as pmjournal

from pmjournal.storage.database import DB_FILENAME

SUMMARY = re.compile(
    r"^Created a demo journal: 1 internship, 4 projects, (\d+) entries, \d+ metrics, "
    r"\d+ pieces of feedback, \d+ people, \d goals\.$"
)


def content(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows of the tables the demo writes, to show a refused run changed nothing."""
    connection = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("profile", "internships", "projects", "entries", "metrics", "feedback")
        }
    finally:
        connection.close()


def test_demo_fills_an_empty_folder_and_says_what_it_made(tmp_path: Path) -> None:
    done = pmjournal("--data-dir", tmp_path / "j", "demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    match = SUMMARY.match(lines[0])
    assert match, lines[0]
    assert len(content(tmp_path / "j")["entries"]) == int(match.group(1))


def test_a_second_demo_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "j"
    assert pmjournal("demo", "--data-dir", data_dir, cwd=tmp_path).returncode == 0
    before = content(data_dir)
    done = pmjournal("--data-dir", data_dir, "demo", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("pmjournal: journal: ")
    assert "empty" in lines[0]
    assert content(data_dir) == before


def test_weeks_makes_a_longer_journal(tmp_path: Path) -> None:
    done = pmjournal("--data-dir", tmp_path / "j", "demo", "--weeks", "20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 internships" in done.stdout
    assert "108 entries" in done.stdout
    assert len(content(tmp_path / "j")["entries"]) == 108


def test_weeks_below_one_is_bad_input(tmp_path: Path) -> None:
    done = pmjournal("--data-dir", tmp_path / "j", "demo", "--weeks", "0", cwd=tmp_path)
    assert done.returncode == 2
    assert "--weeks" in done.stderr
    assert not (tmp_path / "j" / DB_FILENAME).exists()
