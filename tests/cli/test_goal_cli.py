"""``pmjournal goal`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return pmjournal("--data-dir", data_dir, "goal", *args, cwd=data_dir.parent)


def test_add_check_in_list_show_and_remove(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    added = run(data_dir, "add", "--title", "Ship a feature", "--target-date", "2026-08-15")
    assert added.stdout == "Saved goal #1: Ship a feature\n", added.stderr
    checked = run(
        data_dir,
        "checkin",
        "1",
        "--note",
        "Spec agreed",
        "--progress",
        "40",
        "--date",
        "2026-06-15",
    )
    assert checked.stdout == "Checked in on goal #1, 40% done\n"
    assert_refused(run(data_dir, "checkin", "1", "--progress", "140"), "progress", "0 to 100")
    edited = run(data_dir, "edit", "1", "--status", "in_progress")
    assert edited.stdout == "Updated goal #1: Ship a feature (in_progress)\n"

    page = json.loads(run(data_dir, "list", "--json").stdout)
    assert page["total"] == 1
    [goal] = page["items"]
    assert (goal["status"], goal["target_date"]) == ("in_progress", "2026-08-15")
    assert goal["checkins"] == [
        {"id": 1, "goal_id": 1, "date": "2026-06-15", "note": "Spec agreed", "progress": 40}
    ]
    assert "40% Spec agreed" in run(data_dir, "show", "1").stdout

    assert_refused(run(data_dir, "remove", "1"), "delete 1 check-in with it", "--detach")
    assert run(data_dir, "remove", "1", "--detach").stdout == "Deleted goal #1\n"
    assert run(data_dir, "list").stdout == "No goals found.\n"


def test_refusals_are_one_line_and_save_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    assert_refused(run(data_dir, "add", "--title", "  "), "title")
    assert not data_dir.exists(), "refused before the journal was created"
    assert_refused(run(data_dir, "add", "--title", "x", "--internship", "4"), "no internship")
    assert_refused(run(data_dir, "show", "9"), "no goal with id 9")
    assert_refused(run(data_dir, "add", "--title", "x", "--status", "done"), "--status")


def test_a_goal_names_its_internship_as_a_project_does(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    added = pmjournal(
        "--data-dir",
        data_dir,
        "internship",
        "add",
        "--organisation",
        "Northwind",
        "--title",
        "Product intern",
        "--start",
        "2026-06-01",
        cwd=tmp_path,
    )
    assert added.returncode == 0, added.stderr
    for reference in ("Northwind", "Product intern at Northwind", "#1"):
        saved = run(data_dir, "add", "--title", f"Goal via {reference}", "--internship", reference)
        assert saved.returncode == 0, saved.stderr
    listed = run(data_dir, "list", "--internship", "Northwind", "--json").stdout
    assert '"total": 3' in listed
    assert_refused(run(data_dir, "add", "--title", "x", "--internship", "Nortwind"), "Northwind")
