"""``pmjournal feedback`` as a user runs it: real processes, exit codes, one-line refusals."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal
from seed_rows import add_person, add_project

from pmjournal.services.records.feedback import get_feedback, list_feedback
from pmjournal.storage.database import open_journal


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    journal = open_journal(folder)
    add_person(journal, "Grace Lin", "mentor")
    add_project(journal, "Onboarding revamp")
    journal.close()
    return folder


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return pmjournal("--data-dir", data_dir, "feedback", *args, cwd=data_dir.parent)


def test_add_follow_up_list_and_show(data_dir: Path) -> None:
    added = run(
        data_dir,
        "add",
        "--text",
        "Your synthesis changed the roadmap",
        "--person",
        "grace lin",
        "--project",
        "Onboarding revamp",
        "--skill",
        "Communication",
        "--date",
        "2026-07-02",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout == "Saved feedback #1 of 2026-07-02\n"
    followed = run(
        data_dir, "followup", "1", "--text", "Shared the template", "--done", "--date", "2026-07-06"
    )
    assert followed.stdout == "Follow-up of feedback #1: done on 2026-07-06\n"

    listed = run(data_dir, "list", "--done", "--json")
    page = json.loads(listed.stdout)
    assert page["total"] == 1
    [item] = page["items"]
    assert item["person"] == "Grace Lin" and item["relationship"] == "mentor"
    assert item["follow_up"] == {"text": "Shared the template", "done": True, "on": "2026-07-06"}
    assert item["projects"] == ["Onboarding revamp"] and item["skills"] == ["Communication"]
    shown = run(data_dir, "show", "1")
    assert "Grace Lin (mentor)" in shown.stdout
    assert "done on 2026-07-06" in shown.stdout
    assert json.loads(run(data_dir, "list", "--open", "--json").stdout)["total"] == 0


def test_an_unknown_person_is_refused_with_a_suggestion_and_nothing_saved(data_dir: Path) -> None:
    done = run(data_dir, "add", "--text", "x", "--person", "Grace Lyn")
    assert_refused(done, "person", "did you mean 'Grace Lin'")
    journal = open_journal(data_dir, auto_backup=False)
    try:
        assert list_feedback(journal).total == 0
    finally:
        journal.close()


def test_edit_keeps_what_is_left_out_and_remove_needs_the_choice(data_dir: Path) -> None:
    run(data_dir, "add", "--text", "Clear plan", "--skill", "Roadmapping", "--person", "Grace Lin")
    edited = run(data_dir, "edit", "1", "--kind", "suggestion")
    assert edited.returncode == 0, edited.stderr
    refused = run(data_dir, "remove", "1")
    assert_refused(refused, "feedback #1 is in use", "delete 1 skill evidence", "--detach")
    journal = open_journal(data_dir, auto_backup=False)
    try:
        record = get_feedback(journal, 1)
        assert record is not None
        assert (record.kind, record.text, record.person) == (
            "suggestion",
            "Clear plan",
            "Grace Lin",
        )
    finally:
        journal.close()
    removed = run(data_dir, "remove", "1", "--detach")
    assert removed.stdout == "Deleted feedback #1\n"
    assert_refused(run(data_dir, "show", "1"), "no feedback with id 1")


def test_a_bad_date_is_refused_before_the_journal_opens(tmp_path: Path) -> None:
    folder = tmp_path / "never"
    done = pmjournal(
        "--data-dir", folder, "feedback", "add", "--text", "x", "--date", "2026-02-30", cwd=tmp_path
    )
    assert_refused(done, "date", "not a valid date")
    assert not folder.exists()


def test_help_explains_with_an_example(tmp_path: Path) -> None:
    for command in ("add", "list", "followup", "remove"):
        done = pmjournal("feedback", command, "--help", cwd=tmp_path)
        assert done.returncode == 0 and "Example:" in done.stdout, command
