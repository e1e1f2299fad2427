"""Project services on a real journal: unique names, internships by name, linked deletes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from journal_builder import evidence_of, feedback_from

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.domain.vocab import ProjectStatus
from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import EntryDraft, add_entry, get_entry, recent_entries
from pmjournal.services.records.evidence import list_evidence
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.internships import add_internship
from pmjournal.services.records.metrics import add_metric, list_metrics
from pmjournal.services.records.projects import (
    add_project,
    delete_project,
    find_project,
    get_project,
    list_projects,
    project_delete_impact,
    update_project,
)


@pytest.fixture
def heard(journal: Journal) -> list[Changes]:
    changes: list[Changes] = []
    journal.changes.subscribe(changes.append)
    return changes


@pytest.fixture
def acme(journal: Journal) -> int:
    return add_internship(
        journal, InternshipDraft("Acme", "Product intern", date(2026, 6, 1))
    ).value.id


def test_a_project_is_saved_with_its_case_study_and_internship(
    journal: Journal, acme: int, heard: list[Changes]
) -> None:
    outcome = add_project(
        journal,
        ProjectDraft(
            " Onboarding checklist ",
            internship="acme",
            status="Shipped",
            start_date=date(2026, 6, 3),
            problem="Admins got stuck on SSO",
            role=" I ran the interviews ",
            confidential=True,
        ),
    )
    record = outcome.value
    assert record.name == "Onboarding checklist"
    assert (record.internship_id, record.internship) == (acme, "Product intern at Acme")
    assert record.status is ProjectStatus.SHIPPED
    assert (record.role, record.confidential) == ("I ran the interviews", True)
    assert get_project(journal, record.id) == record
    assert outcome.changes == Changes.of(
        created={(Kind.PROJECT, record.id)}, updated={(Kind.INTERNSHIP, acme)}
    )
    assert heard == [outcome.changes]


def test_a_taken_name_is_refused_whatever_its_case_and_nothing_is_published(
    journal: Journal, heard: list[Changes]
) -> None:
    add_project(journal, ProjectDraft("Onboarding"))
    with pytest.raises(ValidationError) as caught:
        add_project(journal, ProjectDraft("ONBOARDING"))
    assert caught.value.field == "name"
    assert "already a project named 'Onboarding'" in caught.value.message
    assert list_projects(journal).total == 1
    assert len(heard) == 1


def test_an_unknown_internship_suggests_the_close_one_and_saves_nothing(
    journal: Journal, acme: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        add_project(journal, ProjectDraft("Onboarding", internship="Acne"))
    assert caught.value.field == "internship"
    assert "did you mean 'Acme'" in caught.value.message
    assert list_projects(journal).total == 0


def test_renaming_reports_the_entries_and_metrics_that_show_the_name(
    journal: Journal, acme: int, heard: list[Changes]
) -> None:
    project = add_project(journal, ProjectDraft("Onboarding", internship="Acme")).value
    entry = add_entry(journal, EntryDraft(text="Interviews", projects=["Onboarding"])).value
    metric = add_metric(journal, MetricDraft("Onboarding", "Activation", result=31)).value
    draft = replace(ProjectDraft.of(find_project(journal, "onboarding")), name="Onboarding v2")
    outcome = update_project(journal, project.id, draft)
    assert outcome.value.name == "Onboarding v2"
    assert (outcome.value.entry_count, outcome.value.metric_count) == (1, 1)
    assert outcome.value.internship == "Product intern at Acme"
    assert outcome.changes.updated == {
        (Kind.PROJECT, project.id),
        (Kind.ENTRY, entry.id),
        (Kind.METRIC, metric.id),
    }
    assert get_entry(journal, entry.id).projects == ("Onboarding v2",)  # type: ignore[union-attr]
    assert heard[-1] == outcome.changes


def test_moving_a_project_reports_both_internships(journal: Journal, acme: int) -> None:
    globex = add_internship(journal, InternshipDraft("Globex", "APM", date(2027, 1, 4))).value
    project = add_project(journal, ProjectDraft("Onboarding", internship="Acme")).value
    outcome = update_project(journal, project.id, ProjectDraft("Onboarding", internship="Globex"))
    assert outcome.value.internship == "APM at Globex"
    assert outcome.changes.updated == {
        (Kind.PROJECT, project.id),
        (Kind.INTERNSHIP, acme),
        (Kind.INTERNSHIP, globex.id),
    }


def test_an_update_can_keep_the_own_name_but_not_take_another(journal: Journal) -> None:
    first = add_project(journal, ProjectDraft("Onboarding")).value
    add_project(journal, ProjectDraft("Pricing"))
    assert update_project(journal, first.id, ProjectDraft("onboarding")).value.name == "onboarding"
    with pytest.raises(ValidationError, match="already a project named 'Pricing'"):
        update_project(journal, first.id, ProjectDraft("pricing"))


@pytest.fixture
def busy(journal: Journal) -> int:
    """A project with two entries, a feedback, a metric and skill evidence."""
    project = add_project(journal, ProjectDraft("Onboarding")).value
    add_entry(journal, EntryDraft(text="Interviews", projects=["Onboarding"]))
    add_entry(journal, EntryDraft(text="Synthesis", projects=["Onboarding"]))
    add_metric(journal, MetricDraft("Onboarding", "Activation", result=31, baseline=42))
    evidence_of(journal, "User research", project="Onboarding")
    feedback_from(journal, "Clear", date(2026, 6, 9), projects=["Onboarding"])
    return project.id


def test_deleting_a_linked_project_without_the_choice_names_what_it_affects(
    journal: Journal, busy: int, heard: list[Changes]
) -> None:
    with pytest.raises(ValidationError) as caught:
        delete_project(journal, busy, choice=DeleteChoice.REFUSE)
    assert caught.value.message == (
        "project 'Onboarding' is in use: deleting it would unlink 2 entries and 1 feedback "
        "(kept) and delete 1 metric and 1 skill evidence with it; nothing was deleted"
    )
    assert get_project(journal, busy) is not None
    assert list_metrics(journal).total == 1
    assert heard == []


def test_deleting_with_detach_keeps_entries_and_feedback_and_drops_its_own_records(
    journal: Journal, busy: int, heard: list[Changes]
) -> None:
    impact = project_delete_impact(journal, busy)
    outcome = delete_project(journal, busy, choice=DeleteChoice.DETACH)
    assert get_project(journal, busy) is None
    assert [e.projects for e in recent_entries(journal)] == [(), ()]
    assert [f.projects for f in list_feedback(journal).items] == [()]
    assert list_metrics(journal).total == 0
    assert list_evidence(journal).total == 0
    assert outcome.changes == impact.changes()
    assert Kind.ENTRY in {kind for kind, _ in outcome.changes.updated}
    assert (Kind.PROJECT, busy) in outcome.changes.deleted
    assert heard == [outcome.changes]
    assert list_metrics(journal).total == 0


def test_projects_are_listed_by_internship_status_text_and_span(
    journal: Journal, acme: int
) -> None:
    add_project(
        journal,
        ProjectDraft(
            "Onboarding",
            internship="Acme",
            status="shipped",
            start_date=date(2026, 6, 3),
            end_date=date(2026, 7, 1),
        ),
    )
    add_project(journal, ProjectDraft("Pricing", summary="Plans and tiers"))
    assert [p.name for p in list_projects(journal, internship="Acme").items] == ["Onboarding"]
    assert [p.name for p in list_projects(journal, status="SHIPPED").items] == ["Onboarding"]
    assert [p.name for p in list_projects(journal, text="tiers").items] == ["Pricing"]
    assert list_projects(journal, since=date(2026, 7, 2)).total == 1
    with pytest.raises(ValidationError) as caught:
        list_projects(journal, status="finished")
    assert caught.value.field == "status"
    with pytest.raises(ValidationError) as caught:
        list_projects(journal, since=date(2026, 7, 2), until=date(2026, 7, 1))
    assert caught.value.field == "until"
