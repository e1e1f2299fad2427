"""``bullets``, ``weekly`` and ``stories`` as a user runs them: real processes, exit codes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from cli_process import run_pmjournal

from pmjournal.storage.database import Journal

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "json-resume.schema.json"


def pmjournal(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_pmjournal("--data-dir", data_dir, *args, cwd=data_dir.parent)


def test_bullets_as_json_resume_to_a_file_validate_and_warnings_go_to_stderr(
    demo_journal: Journal, tmp_path: Path
):
    out = tmp_path / "resume.json"

    run = pmjournal(demo_journal.data_dir, "bullets", "--format", "json-resume", "--out", out)

    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    document = json.loads(out.read_text("utf-8"))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(document)
    assert "pmjournal: warning: Scheduled report digest, bullet 1:" in run.stderr
    assert all(h.isascii() for work in document["work"] for h in work["highlights"])


def test_a_pin_from_the_command_line_shows_in_every_format(demo_journal: Journal):
    mine = "Shipped a five-step checklist that raised completion from 42% to 58%"
    data = demo_journal.data_dir

    pinned = pmjournal(data, "bullets", "--pin", "Guided onboarding checklist:2", "--text", mine)
    text = pmjournal(data, "bullets", "--project", "Guided onboarding checklist")
    markdown = pmjournal(data, "bullets", "--format", "markdown")
    unpinned = pmjournal(data, "bullets", "--unpin", "Guided onboarding checklist:2")
    after = pmjournal(data, "bullets")

    assert pinned.returncode == 0 and "Pinned bullet 2" in pinned.stdout
    assert f"  2. {mine}\n" in text.stdout
    assert "pinned edit" in text.stdout
    assert f"2. {mine}\n" in markdown.stdout
    assert unpinned.returncode == 0
    assert mine not in after.stdout


def test_a_pinned_edit_survives_cli_export_and_import(demo_journal: Journal, tmp_path: Path):
    mine = "Cut setup tickets from 37 to 22 a week by rewriting the import hints"
    data, export, fresh = demo_journal.data_dir, tmp_path / "journal.json", tmp_path / "fresh"

    assert (
        pmjournal(
            data, "bullets", "--pin", "Guided onboarding checklist:1", "--text", mine
        ).returncode
        == 0
    )
    exported = pmjournal(data, "export", "--format", "json", "--out", export)
    imported = pmjournal(fresh, "import", export)
    shown = pmjournal(fresh, "bullets")

    assert exported.returncode == 0, exported.stderr
    assert imported.returncode == 0, imported.stderr
    assert f"  1. {mine}\n" in shown.stdout


def test_text_bullets_leave_out_confidential_work(demo_journal: Journal):
    run = pmjournal(demo_journal.data_dir, "bullets", "--redact")

    assert run.returncode == 0
    assert "Competitor migration offer" not in run.stdout
    assert "Quillmark Analytics" not in run.stdout
    assert "Company A - Product Management Intern" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bullets", "--pin", "Guided onboarding checklist:1"], "--pin needs --text"),
        (["bullets", "--pin", "Guided onboarding checklist", "--text", "x"], "PROJECT:NUMBER"),
        (["bullets", "--pin", "Nope:1", "--text", "Led it"], "no project named 'Nope'"),
        (["bullets", "--unpin", "Faster first report:1"], "is not pinned"),
        (["bullets", "--project", "Competitor migration offer"], "confidential"),
        (["bullets", "--format", "pdf"], "'pdf' is not one of"),
        (["weekly", "--week", "2026-24"], "not an ISO week"),
        (["stories", "--format", "html"], "'html' is not one of"),
    ],
)
def test_bad_input_exits_2_with_one_line(demo_journal: Journal, args: list[str], message: str):
    run = pmjournal(demo_journal.data_dir, *args)

    assert run.returncode == 2
    assert run.stdout == ""
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_out_into_a_missing_folder_writes_nothing(demo_journal: Journal, tmp_path: Path):
    run = pmjournal(demo_journal.data_dir, "bullets", "--out", tmp_path / "no" / "such.txt")

    assert run.returncode == 2
    assert "does not exist" in run.stderr
    assert not (tmp_path / "no").exists()


def test_weekly_for_a_demo_week_and_an_empty_one(demo_journal: Journal):
    week = pmjournal(demo_journal.data_dir, "weekly", "--week", "2026-W25", "--format", "text")
    empty = pmjournal(demo_journal.data_dir, "weekly", "--week", "2026-W40")

    assert week.returncode == 0
    assert week.stdout.startswith("Weekly update, 2026-W25")
    assert "Guided onboarding checklist:" in week.stdout
    assert "Sam Kowalczyk (peer, constructive)" in week.stdout
    assert empty.returncode == 0
    assert "Nothing recorded this week" in empty.stdout


def test_stories_in_text_list_the_gaps(demo_journal: Journal):
    run = pmjournal(demo_journal.data_dir, "stories", "--format", "text")

    assert run.returncode == 0
    assert run.stdout.startswith("INTERVIEW STORIES")
    assert "DATA-DRIVEN DECISION" in run.stdout
    assert "GAPS\n- Handling conflict: no story yet." in run.stdout


def test_bullets_out_follows_a_symlink_and_refuses_devices_and_the_journal(
    demo_journal: Journal, tmp_path: Path
):
    data = demo_journal.data_dir
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "bullets.txt"
    link.symlink_to(real)
    journal_bytes = demo_journal.path.read_bytes()

    written = pmjournal(data, "bullets", "--out", link)
    device = pmjournal(data, "bullets", "--out", "/dev/null")
    journal = pmjournal(data, "bullets", "--out", demo_journal.path)

    assert written.returncode == 0, written.stderr
    assert link.is_symlink() and "Guided onboarding checklist" in real.read_text("utf-8")
    for refused, words in ((device, "not a regular file"), (journal, "journal itself")):
        assert refused.returncode == 2 and refused.stdout == ""
        (line,) = refused.stderr.splitlines()
        assert words in line, line
    assert demo_journal.path.read_bytes() == journal_bytes


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_bullets_out_where_no_file_can_be_made_is_a_user_error(demo_journal: Journal):
    run = pmjournal(demo_journal.data_dir, "bullets", "--out", "/proc/bullets.txt")

    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert "cannot write /proc/bullets.txt" in line, line
