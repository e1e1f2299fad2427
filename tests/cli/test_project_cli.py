"""``pmjournal project`` as a user runs it: output, JSON paging, refusals, linked removal."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal

from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.services.records.internships import add_internship
from pmjournal.services.records.metrics import add_metric
from pmjournal.services.records.projects import add_project, find_project
from pmjournal.storage.database import open_journal


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A journal with one internship at Acme and nothing else."""
    folder = tmp_path / "journal"
    journal = open_journal(folder)
    add_internship(journal, InternshipDraft("Acme", "Product intern", date(2026, 6, 1)))
    journal.close()
    return folder


def test_add_edit_show_and_list_a_project(data_dir: Path, tmp_path: Path) -> None:
    def project(*args: str) -> subprocess.CompletedProcess[str]:
        return pmjournal("--data-dir", data_dir, "project", *args, cwd=tmp_path)

    done = project(
        "add",
        "Onboarding checklist",
        "--internship",
        "acme",
        "--start",
        "2026-06-03",
        "--problem",
        "Admins stuck on SSO",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Added project #1: Onboarding checklist in Product intern at Acme\n"
    done = project(
        "edit",
        "onboarding CHECKLIST",
        "--status",
        "shipped",
        "--end",
        "2026-07-10",
        "--role",
        "I ran the interviews",
    )
    assert done.returncode == 0, done.stderr
    shown = project("show", "Onboarding checklist").stdout
    assert "Status:         shipped" in shown
    assert "Problem:        Admins stuck on SSO" in shown  # kept by the edit
    assert "Role:           I ran the interviews" in shown
    assert project("list").stdout.splitlines()[0].split() == [
        "Onboarding",
        "checklist",
        "shipped",
        "Product",
        "intern",
        "at",
        "Acme",
        "2026-06-03",
        "–",
        "2026-07-10",
        "0",
        "entries,",
        "0",
        "metrics",
    ]
    done = project(
        "edit", "Onboarding checklist", "--internship", "", "--end", "", "--confidential"
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(project("show", "onboarding checklist", "--json").stdout)
    assert (record["internship"], record["end_date"], record["confidential"]) == (None, None, True)
    assert (record["start_date"], record["status"]) == ("2026-06-03", "shipped")


def test_list_json_pages_with_the_total(data_dir: Path, tmp_path: Path) -> None:
    journal = open_journal(data_dir)
    for name in ("Alpha", "Beta", "Gamma"):
        add_project(journal, ProjectDraft(name))
    journal.close()
    done = pmjournal(
        "--data-dir",
        data_dir,
        "project",
        "list",
        "--json",
        "--limit",
        "2",
        "--offset",
        "1",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    page = json.loads(done.stdout)
    assert (page["total"], page["offset"]) == (3, 1)
    assert [p["name"] for p in page["items"]] == ["Beta", "Gamma"]
    assert page["items"][0]["status"] == "active" and page["items"][0]["start_date"] is None
    text = pmjournal("--data-dir", data_dir, "project", "list", "--limit", "2", cwd=tmp_path)
    assert text.stdout.splitlines()[-1] == "(1-2 of 3 projects; --offset 2 for more)"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("add", "ONBOARDING"), ("already a project named 'Onboarding'",)),
        (("add", "New", "--internship", "Acne"), ("did you mean 'Acme'",)),
        (("add", "New", "--start", "2026-07-02", "--end", "2026-07-01"), ("before it starts",)),
        (("add", "New", "--start", "2026-02-30"), ("not a valid date",)),
        (("show", "Onbaording"), ("did you mean 'Onboarding'",)),
        (("list", "--skill", "Nope"), ("no skill named 'Nope'",)),
        (("add", "New", "--status", "done"), ("--status",)),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    data_dir: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    journal = open_journal(data_dir)
    add_project(journal, ProjectDraft("Onboarding"))
    journal.close()
    assert_refused(pmjournal("--data-dir", data_dir, "project", *args, cwd=tmp_path), *words)
    journal = open_journal(data_dir)
    try:
        assert find_project(journal, "Onboarding").name == "Onboarding"
        with pytest.raises(Exception, match="no project named 'New'"):
            find_project(journal, "New")
    finally:
        journal.close()


def test_remove_with_links_needs_detach(data_dir: Path, tmp_path: Path) -> None:
    journal = open_journal(data_dir)
    add_project(journal, ProjectDraft("Onboarding"))
    entry = add_entry(journal, EntryDraft(text="Interviews", projects=["Onboarding"])).value
    add_metric(journal, MetricDraft("Onboarding", "Activation", result=31))
    journal.close()
    refused = assert_refused(
        pmjournal("--data-dir", data_dir, "project", "remove", "Onboarding", cwd=tmp_path),
        "1 entry",
        "1 metric",
        "--detach",
    )
    assert "nothing was deleted" in refused
    done = pmjournal(
        "--data-dir", data_dir, "project", "remove", "onboarding", "--detach", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Removed project #1: Onboarding; kept 1 entry without it; deleted 1 metric with it\n"
    )
    search = pmjournal("--data-dir", data_dir, "search", "Interviews", "--json", cwd=tmp_path)
    assert [hit["id"] for hit in json.loads(search.stdout)] == [entry.id]


def test_help_explains_with_an_example(tmp_path: Path) -> None:
    for args in (("project", "--help"), ("project", "remove", "--help")):
        done = pmjournal(*args, cwd=tmp_path)
        assert done.returncode == 0
        assert "Example:" in done.stdout
    assert "--detach" in pmjournal("project", "remove", "--help", cwd=tmp_path).stdout


def test_the_tradeoff_is_set_shown_listed_searched_and_cleared(
    data_dir: Path, tmp_path: Path
) -> None:
    def project(*args: str) -> subprocess.CompletedProcess[str]:
        return pmjournal("--data-dir", data_dir, "project", *args, cwd=tmp_path)

    tradeoff = "I chose a checklist over a product tour: admins come back to it"
    done = project("add", "Onboarding", "--approach", "Five interviews", "--tradeoff", tradeoff)
    assert done.returncode == 0, done.stderr
    shown = project("show", "Onboarding").stdout.splitlines()
    assert shown[-2:] == ["Approach:       Five interviews", f"Trade-off:      {tradeoff}"]
    [item] = json.loads(project("list", "--json").stdout)["items"]
    assert item["tradeoff"] == tradeoff
    assert list(item).index("tradeoff") == list(item).index("approach") + 1
    search = pmjournal("--data-dir", data_dir, "search", "product tour", "--json", cwd=tmp_path)
    assert [(hit["kind"], hit["title"]) for hit in json.loads(search.stdout)] == [
        ("project", "Onboarding")
    ]

    done = project("edit", "Onboarding", "--outcome", "Shipped in July")
    assert done.returncode == 0, done.stderr
    assert json.loads(project("show", "Onboarding", "--json").stdout)["tradeoff"] == tradeoff
    done = project("edit", "Onboarding", "--tradeoff", "")
    assert done.returncode == 0, done.stderr
    assert json.loads(project("show", "Onboarding", "--json").stdout)["tradeoff"] == ""
    assert "Trade-off:" not in project("show", "Onboarding").stdout


def test_a_tradeoff_over_its_cap_is_refused_naming_the_field(
    data_dir: Path, tmp_path: Path
) -> None:
    long = "x" * 100_001
    refused = assert_refused(
        pmjournal(
            "--data-dir", data_dir, "project", "add", "New", "--tradeoff", long, cwd=tmp_path
        ),
        "tradeoff",
        "100,000",
    )
    assert long not in refused


def test_add_help_shows_the_tradeoff_with_an_example(tmp_path: Path) -> None:
    done = pmjournal("project", "add", "--help", cwd=tmp_path)
    assert done.returncode == 0
    assert "--tradeoff TEXT" in done.stdout
    assert "Example:" in done.stdout and '--tradeoff "I tested annual plans' in done.stdout
