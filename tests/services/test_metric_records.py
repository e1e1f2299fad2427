"""Metric services on a real journal: the computed change, refusals, order and changes."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.metrics import format_change
from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.services.records.metrics import (
    add_metric,
    delete_metric,
    get_metric,
    list_metrics,
    update_metric,
)
from pmjournal.services.records.projects import add_project, find_project
from pmjournal.storage.database import Journal

ACTIVATION = MetricDraft(
    "Onboarding", "Activation", result=31, baseline=42, unit="%", better="lower"
)


@pytest.fixture
def heard(journal: Journal) -> list[Changes]:
    changes: list[Changes] = []
    journal.changes.subscribe(changes.append)
    return changes


@pytest.fixture
def projects(journal: Journal) -> Journal:
    add_project(journal, ProjectDraft("Onboarding"))
    add_project(journal, ProjectDraft("Pricing"))
    return journal


def test_a_metric_comes_back_with_the_change_every_output_prints(
    projects: Journal, heard: list[Changes]
) -> None:
    entry = add_entry(projects, EntryDraft(text="Measured", projects=["Onboarding"])).value
    heard.clear()
    outcome = add_metric(
        projects,
        replace(ACTIVATION, project="onboarding", entry_id=entry.id, measured_on=date(2026, 7, 1)),
    )
    record = outcome.value
    assert record.project == "Onboarding"
    assert record.change.percent is None and record.change.absolute == -11
    assert record.change.improved is True
    assert record.change_text == "42% → 31% (\u221211 pts)" == format_change(record.change)
    assert record.delta_text == "\u221211 pts"
    assert get_metric(projects, record.id) == record
    project = find_project(projects, "Onboarding")
    assert project.metric_count == 1
    assert outcome.changes == Changes.of(
        created={(Kind.METRIC, record.id)}, updated={(Kind.PROJECT, project.id)}
    )
    assert heard == [outcome.changes]


def test_a_baseline_in_another_unit_is_converted_before_comparing(projects: Journal) -> None:
    record = add_metric(
        projects,
        MetricDraft(
            "Onboarding",
            "Setup time",
            result=45,
            unit="s",
            baseline=2,
            baseline_unit="min",
            better="lower",
        ),
    ).value
    assert record.change_text == "2 min → 45 s (\u221262%)"


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (replace(ACTIVATION, result=math.nan), "result"),
        (replace(ACTIVATION, baseline=math.inf), "baseline"),
        (replace(ACTIVATION, better="down"), "better"),
        (replace(ACTIVATION, result=None, baseline=None), "result"),
        (replace(ACTIVATION, baseline_unit="ms"), "baseline_unit"),
        (replace(ACTIVATION, project="Onbaording"), "project"),
        (replace(ACTIVATION, entry_id=77), "entry"),
        (replace(ACTIVATION, name=" "), "name"),
    ],
)
def test_what_cannot_be_a_metric_is_refused_and_saves_nothing(
    projects: Journal, heard: list[Changes], draft: MetricDraft, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        add_metric(projects, draft)
    assert caught.value.field == field
    assert list_metrics(projects).total == 0
    assert heard == []


def test_an_unknown_project_suggests_the_close_one(projects: Journal) -> None:
    with pytest.raises(ValidationError, match="did you mean 'Onboarding'"):
        add_metric(projects, replace(ACTIVATION, project="Onbaording"))


def test_metrics_keep_their_order_and_a_moved_one_goes_last(
    projects: Journal, heard: list[Changes]
) -> None:
    first = add_metric(projects, ACTIVATION).value
    second = add_metric(projects, replace(ACTIVATION, name="Tickets", result=3, baseline=9)).value
    on_pricing = add_metric(projects, replace(ACTIVATION, project="Pricing", name="Upgrades")).value
    assert (first.position, second.position, on_pricing.position) == (0, 1, 0)
    listed = list_metrics(projects, project="Onboarding")
    assert [m.name for m in listed.items] == ["Activation", "Tickets"]
    assert [m.change_text for m in listed.items] == [first.change_text, second.change_text]

    outcome = update_metric(projects, first.id, replace(MetricDraft.of(first), project="Pricing"))
    assert (outcome.value.project, outcome.value.position) == ("Pricing", 1)
    assert outcome.changes.updated == {
        (Kind.METRIC, first.id),
        (Kind.PROJECT, first.project_id),
        (Kind.PROJECT, on_pricing.project_id),
    }
    assert heard[-1] == outcome.changes
    assert [m.name for m in list_metrics(projects, project="pricing").items] == [
        "Upgrades",
        "Activation",
    ]


def test_an_edit_can_clear_the_baseline_and_the_change_follows(projects: Journal) -> None:
    record = add_metric(projects, ACTIVATION).value
    updated = update_metric(projects, record.id, replace(MetricDraft.of(record), baseline=None))
    assert updated.value.change_text == "31%"
    assert updated.value.change.absolute is None


def test_deleting_a_metric_reports_it_and_its_project(
    projects: Journal, heard: list[Changes]
) -> None:
    record = add_metric(projects, ACTIVATION).value
    outcome = delete_metric(projects, record.id)
    assert get_metric(projects, record.id) is None
    assert outcome.changes == Changes.of(
        deleted={(Kind.METRIC, record.id)}, updated={(Kind.PROJECT, record.project_id)}
    )
    assert heard[-1] == outcome.changes
    with pytest.raises(ValidationError, match="no metric with id"):
        delete_metric(projects, record.id)


def test_metrics_are_listed_by_date_and_text_in_pages(projects: Journal) -> None:
    for day in (1, 2, 3):
        add_metric(
            projects, replace(ACTIVATION, name=f"Week {day}", measured_on=date(2026, 7, day))
        )
    page = list_metrics(projects, limit=2)
    assert (len(page), page.total, page.has_more) == (2, 3, True)
    assert list_metrics(projects, since=date(2026, 7, 2)).total == 2
    assert list_metrics(projects, until=date(2026, 7, 1)).total == 1
    assert [m.name for m in list_metrics(projects, text="week 3").items] == ["Week 3"]
    with pytest.raises(ValidationError, match="until 2026-07-01 is before since 2026-07-02"):
        list_metrics(projects, since=date(2026, 7, 2), until=date(2026, 7, 1))
