"""``pmjournal internship`` as a user runs it: naming, listing, and linked removal."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal


def test_an_internship_is_added_named_edited_and_removed(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return pmjournal("--data-dir", data_dir, *args, cwd=tmp_path)

    done = run(
        "internship",
        "add",
        "--organisation",
        "Acme",
        "--title",
        "Product intern",
        "--start",
        "2026-06-01",
        "--team",
        "Growth",
    )
    assert done.stdout == "Added internship #1: Product intern at Acme\n", done.stderr
    assert_refused(
        run(
            "internship",
            "add",
            "--organisation",
            "acme",
            "--title",
            "product intern",
            "--start",
            "2027-06-01",
        ),
        "already an internship 'Product intern at Acme'",
    )
    assert_refused(
        run("internship", "edit", "Acme", "--end", "2026-05-01"),
        "before it starts",
    )
    assert run("internship", "edit", "acme", "--end", "2026-08-28").returncode == 0
    assert (
        run("project", "add", "Onboarding", "--internship", "Product intern at Acme").returncode
        == 0
    )
    listed = json.loads(run("internship", "list", "--json").stdout)
    assert listed["total"] == 1
    item = listed["items"][0]
    assert (item["label"], item["end_date"], item["project_count"], item["team"]) == (
        "Product intern at Acme",
        "2026-08-28",
        1,
        "Growth",
    )
    assert_refused(run("internship", "show", "Acne"), "did you mean 'Acme'")
    assert_refused(
        run("internship", "remove", "Acme"),
        "1 project",
        "--detach",
    )
    done = run("internship", "remove", "Acme", "--keep-projects")
    assert done.stdout == (
        "Removed internship #1: Product intern at Acme; kept 1 project without it\n"
    )
    shown = run("project", "show", "Onboarding", "--json")
    assert json.loads(shown.stdout)["internship"] is None
    assert "Title at Organisation" in pmjournal("internship", "--help", cwd=tmp_path).stdout
