"""A full disk: say so, keep reading, and refuse writes with nothing half-written.

The journal lives on a size-limited tmpfs, which needs root to mount; elsewhere these tests
are skipped with that reason. Commands run as real processes, as a user runs them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_process import assert_refused, run_pmjournal

from pmjournal.services.demo.generate import generate_demo
from pmjournal.storage.database import DB_FILENAME, open_journal

FULL = "no space left on the disk holding"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Take all the space of ``disk`` but about ``leave`` bytes."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        while os.write(descriptor, b"\0" * 65536):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def entries(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{data_dir / DB_FILENAME}?mode=ro&immutable=1", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in connection.execute("SELECT body FROM entries ORDER BY id")]
    finally:
        connection.close()


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith((".part", ".partial"))]


def test_a_full_disk_still_reads_and_refuses_every_write(small_disk: Path, tmp_path: Path) -> None:
    journal_dir, empty_dir = small_disk / "journal", small_disk / "empty"
    journal = open_journal(journal_dir, auto_backup=False)
    generate_demo(journal)
    journal.close()
    open_journal(empty_dir, auto_backup=False).close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    document = elsewhere / "journal.json"
    exported = run_pmjournal(
        "--data-dir", journal_dir, "export", "--format", "json", "--out", document, cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    before = entries(journal_dir)
    fill(small_disk)

    def pmj(*args: str | Path, data_dir: Path = journal_dir) -> subprocess.CompletedProcess[str]:
        return run_pmjournal("--data-dir", data_dir, *args, cwd=tmp_path)

    found = pmj("search", "onboarding", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)
    again = elsewhere / "again.json"
    done = pmj("export", "--format", "json", "--out", again)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(again.read_bytes())["entries"]) == len(before)
    done = pmj("portfolio", "--out", elsewhere / "portfolio.pdf")
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "portfolio.pdf").read_bytes().startswith(b"%PDF")
    done = pmj("backup", "--out", elsewhere / "copy.sqlite3")
    assert done.returncode == 0, done.stderr
    assert pmj("check").returncode == 0

    assert_refused(pmj("add", "--text", "one more note"), FULL, str(journal_dir))
    assert_refused(pmj("backup"), FULL)
    assert_refused(pmj("export", "--format", "json", "--out", small_disk / "j.json"), FULL)
    assert_refused(pmj("import", document, data_dir=empty_dir), FULL)

    assert entries(journal_dir) == before
    assert entries(empty_dir) == []
    assert not leftovers(small_disk)
    assert not (small_disk / "j.json").exists()
    assert not list((journal_dir / "backups").rglob("manual-*"))


def test_a_write_that_runs_out_of_space_half_way_saves_nothing(
    small_disk: Path, tmp_path: Path
) -> None:
    """Room to open the journal, not for what is written: the write rolls back whole."""
    journal_dir = small_disk / "journal"
    open_journal(journal_dir).close()
    assert (
        run_pmjournal("--data-dir", journal_dir, "add", "--text", "kept", cwd=tmp_path).returncode
        == 0
    )
    document = tmp_path / "big.json"
    source = open_journal(tmp_path / "source", auto_backup=False)
    generate_demo(source, weeks=60)
    source.close()
    exported = run_pmjournal(
        "--data-dir",
        tmp_path / "source",
        "export",
        "--format",
        "json",
        "--out",
        document,
        cwd=tmp_path,
    )
    assert exported.returncode == 0, exported.stderr
    open_journal(small_disk / "empty", auto_backup=False).close()
    filler = fill(small_disk, leave=64 * 1024)

    big = "measured the funnel again; " * 3_500  # 94 KB: under the cap and one argument
    done = run_pmjournal("--data-dir", journal_dir, "add", "--text", big, cwd=tmp_path)
    assert_refused(done, FULL)
    done = run_pmjournal("--data-dir", small_disk / "empty", "import", document, cwd=tmp_path)
    assert_refused(done, FULL)
    assert entries(journal_dir) == ["kept"]
    assert entries(small_disk / "empty") == []
    assert not leftovers(small_disk)

    filler.unlink()
    done = run_pmjournal("--data-dir", journal_dir, "add", "--text", "after", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert entries(journal_dir) == ["kept", "after"]
