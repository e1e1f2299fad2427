"""``pmjournal metric`` as a user runs it: the computed change everywhere, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal

from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.records.metrics import list_metrics
from pmjournal.services.records.projects import add_project
from pmjournal.storage.database import open_journal


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    journal = open_journal(folder)
    add_project(journal, ProjectDraft("Onboarding checklist"))
    add_project(journal, ProjectDraft("Pricing"))
    journal.close()
    return folder


def metric_count(data_dir: Path) -> int:
    journal = open_journal(data_dir)
    try:
        return list_metrics(journal).total
    finally:
        journal.close()


def test_add_list_edit_and_show_print_the_same_change(data_dir: Path, tmp_path: Path) -> None:
    done = pmjournal(
        "--data-dir",
        data_dir,
        "metric",
        "add",
        "--project",
        "onboarding checklist",
        "--name",
        "Activation rate",
        "--baseline",
        "42",
        "--result",
        "31",
        "--unit",
        "%",
        "--better",
        "lower",
        "--measured-on",
        "2026-07-01",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Added metric #1 to Onboarding checklist: Activation rate 42% → 31% (\u221211 pts)\n"
    )
    listed = pmjournal(
        "--data-dir", data_dir, "metric", "list", "--project", "Onboarding checklist", cwd=tmp_path
    )
    assert listed.stdout.split() == [
        "#1",
        "Onboarding",
        "checklist",
        "·",
        "Activation",
        "rate",
        "42%",
        "→",
        "31%",
        "(\u221211",
        "pts)",
        "2026-07-01",
    ]
    edited = pmjournal(
        "--data-dir",
        data_dir,
        "metric",
        "edit",
        "1",
        "--result",
        "29",
        "--measured-on",
        "",
        cwd=tmp_path,
    )
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.endswith("Activation rate 42% → 29% (\u221213 pts)\n")
    shown = pmjournal("--data-dir", data_dir, "metric", "show", "1", "--json", cwd=tmp_path)
    record = json.loads(shown.stdout)
    assert record["change_text"] == "42% → 29% (\u221213 pts)"
    assert record["change"]["improved"] is True
    assert (record["measured_on"], record["better"], record["baseline"]) == (None, "lower", 42.0)
    assert record["project"] == "Onboarding checklist"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--result", "abc"), ("result", "'abc' is not a number")),
        (("--result", "nan"), ("result", "not a finite number")),
        (("--result", "31%"), ("put the unit in its own field",)),
        (("--result", "3", "--better", "up"), ("--better",)),
        (
            ("--result", "3", "--baseline", "2", "--unit", "%", "--baseline-unit", "ms"),
            ("cannot be compared",),
        ),
        (("--result", "3", "--entry", "12"), ("no entry with id 12",)),
        (("--result", "3", "--measured-on", "July"), ("not a valid date",)),
    ],
)
def test_bad_numbers_directions_and_links_are_refused(
    data_dir: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    done = pmjournal(
        "--data-dir",
        data_dir,
        "metric",
        "add",
        "--project",
        "Pricing",
        "--name",
        "Upgrades",
        *args,
        cwd=tmp_path,
    )
    assert_refused(done, *words)
    assert metric_count(data_dir) == 0


def test_an_unknown_project_and_id_are_refused_and_remove_needs_no_choice(
    data_dir: Path, tmp_path: Path
) -> None:
    assert_refused(
        pmjournal(
            "--data-dir",
            data_dir,
            "metric",
            "add",
            "--project",
            "Pricng",
            "--name",
            "U",
            "--result",
            "1",
            cwd=tmp_path,
        ),
        "did you mean 'Pricing'",
    )
    assert_refused(
        pmjournal("--data-dir", data_dir, "metric", "show", "9", cwd=tmp_path),
        "no metric with id 9",
    )
    pmjournal(
        "--data-dir",
        data_dir,
        "metric",
        "add",
        "--project",
        "Pricing",
        "--name",
        "U",
        "--result",
        "1",
        cwd=tmp_path,
    )
    done = pmjournal("--data-dir", data_dir, "metric", "remove", "1", cwd=tmp_path)
    assert done.stdout == "Removed metric #1 of Pricing: U\n"
    assert metric_count(data_dir) == 0
    assert "Example:" in pmjournal("metric", "add", "--help", cwd=tmp_path).stdout
