"""``pmjournal person`` as a user runs it: the network, and removing someone with feedback."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal
from journal_builder import feedback_from, person

from pmjournal.services.journal import open_journal


def test_people_are_added_listed_and_removed_keeping_their_feedback(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    journal = open_journal(data_dir)
    person(journal, "Maya Chen", relationship="mentor")
    feedback_from(journal, "Clear", date(2026, 6, 9), person="Maya Chen")
    journal.close()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return pmjournal("--data-dir", data_dir, "person", *args, cwd=tmp_path)

    done = run("add", "Sam Lee", "--relationship", "Peer", "--email", "sam@example.com")
    assert done.stdout == "Added person #2: Sam Lee (peer)\n", done.stderr
    assert_refused(run("add", "sam lee"), "already a person named 'Sam Lee'")
    assert_refused(run("add", "Kim", "--email", "kim at home"), "not an email address")
    assert run("edit", "sam lee", "--title", "Designer").returncode == 0
    listed = json.loads(run("list", "--json").stdout)
    assert [(p["name"], p["feedback_count"], p["title"]) for p in listed["items"]] == [
        ("Maya Chen", 1, ""),
        ("Sam Lee", 0, "Designer"),
    ]
    assert run("list", "--relationship", "mentor").stdout.split()[:2] == ["Maya", "Chen"]
    assert_refused(run("show", "Maya Chan"), "did you mean 'Maya Chen'")
    assert_refused(run("remove", "Maya Chen"), "1 feedback", "--detach")
    done = run("remove", "Maya Chen", "--detach")
    assert done.stdout == "Removed person #1: Maya Chen; kept 1 feedback without it\n"
    assert run("remove", "Sam Lee").stdout == "Removed person #2: Sam Lee\n"
    assert "No people yet" in run("list").stdout
