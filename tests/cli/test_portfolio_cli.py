"""``pmjournal portfolio`` as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from journal_builder import project
from pypdf import PdfReader

from pmjournal.storage.database import DB_FILENAME, open_journal


def pmjournal(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMJOURNAL_")}
    env["XDG_DATA_HOME"] = str(cwd / "xdg-data")
    return subprocess.run(
        [sys.executable, "-m", "pmjournal", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    folder.mkdir()
    shutil.copy2(demo_template, folder / DB_FILENAME)
    return folder


def test_writes_the_pdf_and_says_where(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.pdf"
    done = pmjournal(
        "portfolio", "--data-dir", demo_dir, "--out", out, "--theme", "Modern", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    pages = len(PdfReader(out).pages)
    assert done.stdout.strip() == f"Wrote {out} ({pages} pages)"
    assert done.stderr == ""


def test_thin_projects_warn_on_stderr_but_the_pdf_is_written(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "thin", auto_backup=False)
    project(journal, "Half done", summary="Notes", start_date=date(2026, 6, 1))
    journal.close()
    out = tmp_path / "thin.pdf"
    done = pmjournal("--data-dir", tmp_path / "thin", "portfolio", "--out", out, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "pmjournal: warning: project 'Half done' is not portfolio-ready: no role, no result"
    ]
    assert out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--theme", "baroque"), ("theme", "baroque", "classic or modern")),
        (("--paper", "a5"), ("paper", "a5", "a4 or letter")),
        (("--project", "Nothing like it"), ("project", "Nothing like it")),
    ],
)
def test_bad_choices_exit_2_with_one_line_and_write_nothing(
    demo_dir: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    out = tmp_path / "portfolio.pdf"
    done = pmjournal("--data-dir", demo_dir, "portfolio", "--out", out, *args, cwd=tmp_path)
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line.startswith("pmjournal: ") and all(word in line for word in words), line
    assert done.stdout == ""
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_missing_output_folder_is_a_user_error(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "portfolio.pdf"
    done = pmjournal("--data-dir", demo_dir, "portfolio", "--out", out, cwd=tmp_path)
    assert done.returncode == 2
    assert "does not exist" in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_symlink_is_kept_and_the_file_it_points_at_is_written(
    demo_dir: Path, tmp_path: Path
) -> None:
    real = tmp_path / "shared" / "portfolio.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old version")
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)

    done = pmjournal("--data-dir", demo_dir, "portfolio", "--out", link, cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (Path("/dev/null"), "not a regular file"),
        (Path("/proc/portfolio.pdf"), "cannot write"),
    ],
)
def test_a_device_or_a_folder_that_takes_no_files_is_refused(
    demo_dir: Path, tmp_path: Path, target: Path, words: str
) -> None:
    if not target.parent.is_dir():
        pytest.skip(f"needs {target.parent}")
    done = pmjournal("--data-dir", demo_dir, "portfolio", "--out", target, cwd=tmp_path)

    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line.startswith("pmjournal: ") and words in line and str(target) in line, line
    assert done.stdout == ""


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_journal_itself_is_refused_and_left_untouched(
    demo_dir: Path, tmp_path: Path, suffix: str
) -> None:
    database = demo_dir / DB_FILENAME
    before = database.read_bytes()

    done = pmjournal(
        "--data-dir", demo_dir, "portfolio", "--out", f"{database}{suffix}", cwd=tmp_path
    )

    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert "journal itself" in line, line
    # SQLite owns the -wal and -shm files (it removes them on close); the data must not change.
    assert database.read_bytes() == before
    assert not list(demo_dir.glob("*.part"))


def test_progress_lines_for_the_desktop_app(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "progress.pdf"
    done = pmjournal("--data-dir", demo_dir, "portfolio", "--out", out, "--progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [line.split() for line in done.stdout.splitlines() if line.startswith("progress ")]
    assert [stage for _, stage, _ in lines] == ["read", "compose", "layout", "write", "done"]
    fractions = [float(fraction) for _, _, fraction in lines]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert out.exists()
