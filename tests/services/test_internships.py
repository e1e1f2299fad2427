"""Internship services on a real journal: naming rules, updates, linked deletes, changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from journal_builder import goal

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.journal import Journal
from pmjournal.services.records.goals import get_goal
from pmjournal.services.records.internships import (
    add_internship,
    delete_internship,
    find_internship,
    get_internship,
    internship_delete_impact,
    list_internships,
    update_internship,
)
from pmjournal.services.records.projects import add_project, find_project

ACME = InternshipDraft("Acme", "Product intern", date(2026, 6, 1), date(2026, 8, 28))


@pytest.fixture
def heard(journal: Journal) -> list[Changes]:
    """Every change the journal publishes, in order."""
    changes: list[Changes] = []
    journal.changes.subscribe(changes.append)
    return changes


def test_an_internship_is_saved_and_read_back(journal: Journal, heard: list[Changes]) -> None:
    outcome = add_internship(journal, replace(ACME, team=" Growth "))
    record = outcome.value
    assert (record.label, record.team, record.project_count) == (
        "Product intern at Acme",
        "Growth",
        0,
    )
    assert get_internship(journal, record.id) == record
    assert outcome.changes == Changes.of(created={(Kind.INTERNSHIP, record.id)})
    assert heard == [outcome.changes]


def test_the_same_title_at_the_same_organisation_is_refused_without_case(
    journal: Journal, heard: list[Changes]
) -> None:
    add_internship(journal, ACME)
    with pytest.raises(ValidationError) as caught:
        add_internship(journal, replace(ACME, title="PRODUCT INTERN", organisation="acme"))
    assert caught.value.field == "title"
    assert "Product intern at Acme" in caught.value.message
    assert list_internships(journal).total == 1
    assert len(heard) == 1
    add_internship(journal, replace(ACME, title="Product intern (2027)"))
    assert list_internships(journal).total == 2


def test_an_internship_is_named_by_title_and_organisation_or_organisation_alone(
    journal: Journal,
) -> None:
    first = add_internship(journal, ACME).value
    assert find_internship(journal, "acme") == first
    add_internship(journal, replace(ACME, title="APM"))
    assert find_internship(journal, "apm at ACME").title == "APM"
    with pytest.raises(ValidationError, match="2 internships are at 'acme'"):
        find_internship(journal, "acme")
    with pytest.raises(ValidationError, match="did you mean 'Acme'"):
        find_internship(journal, "Acne")


def test_an_update_replaces_every_field_and_reports_the_projects_showing_it(
    journal: Journal, heard: list[Changes]
) -> None:
    record = add_internship(journal, ACME).value
    project = add_project(journal, ProjectDraft("Onboarding", internship="Acme")).value
    goal_id = goal(journal, "Ship one thing", internship=record.id)
    draft = replace(InternshipDraft.of(record), title="APM intern", end_date=None)
    outcome = update_internship(journal, record.id, draft)
    assert (outcome.value.title, outcome.value.end_date, outcome.value.project_count) == (
        "APM intern",
        None,
        1,
    )
    assert find_project(journal, "Onboarding").internship == "APM intern at Acme"
    assert outcome.changes.updated == {
        (Kind.INTERNSHIP, record.id),
        (Kind.PROJECT, project.id),
        (Kind.GOAL, goal_id),
    }
    assert heard[-1] == outcome.changes


def test_an_update_with_dates_out_of_order_or_an_unknown_id_changes_nothing(
    journal: Journal,
) -> None:
    record = add_internship(journal, ACME).value
    with pytest.raises(ValidationError, match="before it starts"):
        update_internship(journal, record.id, replace(ACME, end_date=date(2026, 5, 1)))
    with pytest.raises(ValidationError, match="no internship with id 99"):
        update_internship(journal, 99, ACME)
    assert get_internship(journal, record.id) == record


def test_deleting_an_internship_with_projects_and_goals_needs_the_choice(
    journal: Journal, heard: list[Changes]
) -> None:
    record = add_internship(journal, ACME).value
    project = add_project(journal, ProjectDraft("Onboarding", internship="Acme")).value
    goal_id = goal(journal, "Ship one thing", internship=record.id)
    record = find_internship(journal, "Acme")
    impact = internship_delete_impact(journal, record.id)
    assert impact.summary() == "deleting it would unlink 1 project and 1 goal (kept)"
    published_before = len(heard)
    with pytest.raises(ValidationError) as caught:
        delete_internship(journal, record.id, choice=DeleteChoice.REFUSE)
    assert caught.value.field == "choice"
    assert "1 project and 1 goal" in caught.value.message
    assert get_internship(journal, record.id) == record
    assert len(heard) == published_before

    outcome = delete_internship(journal, record.id, choice=DeleteChoice.DETACH)
    assert get_internship(journal, record.id) is None
    assert find_project(journal, "Onboarding").internship is None
    kept = get_goal(journal, goal_id)
    assert kept is not None and kept.internship_id is None
    assert outcome.changes.deleted == {(Kind.INTERNSHIP, record.id)}
    assert (Kind.PROJECT, project.id) in outcome.changes.updated
    assert heard[-1] == outcome.changes


def test_an_internship_nothing_points_at_is_deleted_without_a_choice(journal: Journal) -> None:
    record = add_internship(journal, ACME).value
    delete_internship(journal, record.id, choice=DeleteChoice.REFUSE)
    assert list_internships(journal).total == 0
    with pytest.raises(ValidationError, match="no internship with id"):
        delete_internship(journal, record.id, choice=DeleteChoice.DETACH)


def test_internships_are_listed_newest_first_in_pages_with_a_text_filter(
    journal: Journal,
) -> None:
    for year in (2024, 2025, 2026):
        add_internship(
            journal,
            replace(
                ACME,
                title=f"Intern {year}",
                start_date=date(year, 6, 1),
                end_date=None,
                description=f"summer {year}",
            ),
        )
    page = list_internships(journal, limit=2)
    assert [r.title for r in page.items] == ["Intern 2026", "Intern 2025"]
    assert (page.total, page.has_more) == (3, True)
    assert [r.title for r in list_internships(journal, offset=2).items] == ["Intern 2024"]
    assert list_internships(journal, text="SUMMER 2025").total == 1
    with pytest.raises(ValidationError):
        list_internships(journal, limit=0)
