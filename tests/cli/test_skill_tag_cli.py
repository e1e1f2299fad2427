"""``pmjournal skill`` and ``pmjournal tag`` as a user runs them: renames and merges keep links,
deletes need the explicit choice."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return pmjournal("--data-dir", data_dir, *args, cwd=data_dir.parent)


def test_skill_add_merge_show_and_remove(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    run(data_dir, "add", "--text", "Compared rivals", "--skill", "Competitive analysis")
    added = run(
        data_dir,
        "skill",
        "add",
        "Pricing",
        "--category",
        "Strategy & discovery",
        "--competency",
        "Commercial sense",
    )
    assert added.stdout == "Saved skill 'Pricing' in Strategy & discovery\n", added.stderr
    assert_refused(run(data_dir, "skill", "add", "pricing"), "name", "exists already")
    assert_refused(run(data_dir, "skill", "show", "Pricng"), "did you mean 'Pricing'")

    merged = run(data_dir, "skill", "merge", "Competitive analysis", "Pricing")
    assert merged.stdout == "Merged 'Competitive analysis' into 'Pricing' (1 evidence)\n"
    shown = json.loads(run(data_dir, "skill", "show", "pricing", "--json").stdout)
    assert shown["skill"]["competency"] == "Commercial sense"
    assert [e["source"] for e in shown["evidence"]] == ["entry"]

    assert_refused(
        run(data_dir, "skill", "remove", "Pricing"),
        "skill 'Pricing' is in use",
        "delete 1 skill evidence",
        "--detach",
        "--move-to SKILL",
    )
    assert_refused(
        run(data_dir, "skill", "remove", "Pricing", "--detach", "--move-to", "Market research"),
        "not both",
    )
    removed = run(data_dir, "skill", "remove", "Pricing", "--move-to", "Market research")
    assert removed.returncode == 0, removed.stderr
    page = json.loads(run(data_dir, "skill", "list", "--text", "market", "--json").stdout)
    assert [(s["name"], s["evidence_count"]) for s in page["items"]] == [("Market research", 1)]


def test_tag_rename_list_and_remove(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    run(data_dir, "add", "--text", "Interviews", "--tag", "ux")
    run(data_dir, "add", "--text", "Survey", "--tag", "ux", "--tag", "draft")
    renamed = run(data_dir, "tag", "rename", "UX", "research")
    assert renamed.stdout == "Renamed tag to 'research' on 2 entries\n", renamed.stderr
    assert_refused(run(data_dir, "tag", "rename", "draft", "Research"), "merge the two tags")
    listed = json.loads(run(data_dir, "tag", "list", "--json").stdout)
    assert [(t["name"], t["entry_count"]) for t in listed["items"]] == [
        ("draft", 1),
        ("research", 2),
    ]
    assert_refused(run(data_dir, "tag", "remove", "draft"), "unlink 1 entry", "--detach")
    assert run(data_dir, "tag", "remove", "draft", "--detach").stdout == (
        "Deleted tag 'draft' from 1 entries\n"
    )
    hits = json.loads(run(data_dir, "search", "survey", "--json").stdout)
    assert len(hits) == 1, "the entry stays when its tag goes"


def test_help_of_each_command_has_an_example(tmp_path: Path) -> None:
    for group, command in (
        ("skill", "merge"),
        ("skill", "remove"),
        ("tag", "rename"),
        ("tag", "remove"),
        ("goal", "checkin"),
        ("attach", None),
    ):
        args = [group, command, "--help"] if command else [group, "--help"]
        done = pmjournal(*args, cwd=tmp_path)
        assert done.returncode == 0 and "Example:" in done.stdout, args


def test_every_remove_takes_detach_and_its_help_says_what_it_does(tmp_path: Path) -> None:
    """One delete-choice style: ``--detach`` on every ``remove``, documented in its help."""
    for group in ("internship", "project", "person", "feedback", "goal", "skill", "tag"):
        done = pmjournal(group, "remove", "--help", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "--detach" in done.stdout and "If records are linked:" in done.stdout, group
    assert (
        "--move-to, --move-evidence-to SKILL"
        in pmjournal("skill", "remove", "--help", cwd=tmp_path).stdout
    )
