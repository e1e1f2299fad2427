"""Repositories on a real file: filters, paging totals, name lookups and delete impact."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import journal_builder as build
import pytest

from pmjournal.domain.changes import Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import Page, PageRequest
from pmjournal.domain.vocab import ProjectStatus, Relationship
from pmjournal.services.career.bullets import pin_bullet
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import internships, metrics, people, projects


@pytest.fixture
def linked(journal: Journal) -> Journal:
    """Two internships at one organisation, projects with entries, tags, evidence, feedback."""
    acme_2025 = build.internship(journal, "Acme", "Design intern", date(2025, 6, 1))
    acme_2026 = build.internship(journal, "Acme", "Product intern", date(2026, 6, 1))
    build.internship(journal, "Globex", "APM", date(2027, 1, 4))
    build.case_study(
        journal,
        "Onboarding",
        internship=f"#{acme_2026}",
        status="shipped",
        start_date=date(2026, 6, 3),
        end_date=date(2026, 7, 10),
        summary="Fewer admins stuck on SSO",
        metrics=[
            {"name": "Activation", "baseline": 42, "result": 31, "unit": "%", "better": "lower"},
            {"name": "Time to value", "result": 2, "unit": "days", "measured_on": date(2026, 7, 1)},
        ],
    )
    build.project(journal, "Pricing page", internship=f"#{acme_2026}")
    build.project(
        journal,
        "Style guide",
        internship=f"#{acme_2025}",
        start_date=date(2025, 6, 2),
        end_date=date(2025, 8, 1),
    )
    build.entry(
        journal,
        date(2026, 6, 4),
        "Interviews",
        projects=["Onboarding"],
        tags=["discovery"],
        skills=["User research"],
    )
    build.entry(journal, date(2026, 6, 5), "More", projects=["Onboarding", "Pricing page"])
    build.person(journal, "Maya Chen", relationship="mentor", organisation="Acme")
    build.person(journal, "Sam Lee", relationship="peer")
    build.feedback_from(
        journal, "Clear notes", date(2026, 6, 6), person="Maya Chen", projects=["Onboarding"]
    )
    build.evidence_of(journal, "Communication", "Presented findings", project="Onboarding")
    pin_bullet(journal, "Onboarding", 0, "Cut drop-off")
    build.goal(journal, "Ship something", internship=acme_2026)
    return journal


def kinds(refs: frozenset[tuple[Kind, int]]) -> Counter[Kind]:
    return Counter(kind for kind, _ in refs)


def names(page: Page[Any]) -> list[str]:
    return [item.name for item in page.items]


def test_an_internship_is_found_by_full_name_or_an_organisation_with_one(linked: Journal) -> None:
    with linked.reading() as session:
        assert internships.internship_by_ref(session, "product INTERN at acme").title == (
            "Product intern"
        )
        assert internships.internship_by_ref(session, "globex").title == "APM"
        globex = internships.id_by_ref(session, "globex")
        assert internships.internship_by_ref(session, f"# {globex}").title == "APM"
        with pytest.raises(ValidationError) as ambiguous:
            internships.internship_by_ref(session, "Acme")
        assert "'Design intern at Acme' or 'Product intern at Acme'" in ambiguous.value.message
        with pytest.raises(ValidationError) as unknown:
            internships.internship_by_ref(session, "Globecs")
        assert "did you mean 'Globex'" in unknown.value.message
        assert unknown.value.field == "internship"
        with pytest.raises(ValidationError, match="no internship with id 99"):
            internships.internship_by_ref(session, "#99")


def test_internship_records_count_their_projects_and_goals(linked: Journal) -> None:
    with linked.reading() as session:
        page = internships.list_page(session, text=None, request=PageRequest())
        assert [(r.label, r.project_count, r.goal_count) for r in page.items] == [
            ("APM at Globex", 0, 0),
            ("Product intern at Acme", 2, 1),
            ("Design intern at Acme", 1, 0),
        ]
        assert internships.list_page(session, text="glob", request=PageRequest()).total == 1


def test_project_records_carry_their_internship_and_counts(linked: Journal) -> None:
    with linked.reading() as session:
        record = projects.load(session, projects.id_by_name(session, "onboarding"))
    assert record.internship == "Product intern at Acme"
    assert record.status is ProjectStatus.SHIPPED
    assert (record.entry_count, record.metric_count, record.feedback_count) == (2, 2, 1)


def test_projects_are_filtered_by_every_link_a_screen_offers(linked: Journal) -> None:
    request = PageRequest()
    with linked.reading() as session:

        def listed(**filters: object) -> list[str]:
            return names(projects.list_page(session, request=request, **filters))  # type: ignore[arg-type]

        assert listed() == ["Onboarding", "Style guide", "Pricing page"]
        assert listed(internship="Product intern at Acme") == ["Onboarding", "Pricing page"]
        assert listed(status=ProjectStatus.ACTIVE) == ["Style guide", "Pricing page"]
        assert listed(skill="user research") == ["Onboarding"]  # through its entry
        assert listed(skill="Communication") == ["Onboarding"]  # on the project itself
        assert listed(skill="Roadmapping") == []
        assert listed(tag="#Discovery") == ["Onboarding"]
        assert listed(person="maya chen") == ["Onboarding"]
        assert listed(text="sso") == ["Onboarding"]
        assert listed(text="100%") == []
        assert listed(since=date(2026, 1, 1)) == ["Onboarding", "Pricing page"]
        assert listed(until=date(2025, 12, 31)) == ["Style guide", "Pricing page"]
        with pytest.raises(ValidationError) as caught:
            listed(tag="discovry")
        assert "did you mean 'discovery'" in caught.value.message


def test_a_page_holds_a_slice_and_the_total_of_the_whole_query(linked: Journal) -> None:
    with linked.reading() as session:
        first = projects.list_page(session, request=PageRequest(limit=2))
        rest = projects.list_page(session, request=PageRequest(limit=2, offset=2))
    assert (names(first), first.total, first.has_more) == (["Onboarding", "Style guide"], 3, True)
    assert (names(rest), rest.total, rest.has_more) == (["Pricing page"], 3, False)


def test_metrics_carry_the_computed_change_and_filter_by_project_and_date(
    linked: Journal,
) -> None:
    with linked.reading() as session:
        page = metrics.list_page(session, project="Onboarding", request=PageRequest())
        dated = metrics.list_page(session, since=date(2026, 7, 1), request=PageRequest())
        by_internship = metrics.list_page(session, internship="Globex", request=PageRequest())
    activation, time_to_value = page.items
    assert activation.change_text == "42% → 31% (\u221211 pts)"
    assert activation.change.improved is True
    assert (time_to_value.change_text, time_to_value.position) == ("2 days", 1)
    assert names(dated) == ["Time to value"]
    assert by_internship.total == 0


def test_people_are_found_by_name_and_filtered(linked: Journal) -> None:
    with linked.reading() as session:
        assert people.person_by_ref(session, " MAYA  chen ").name == "Maya Chen"
        with pytest.raises(ValidationError, match="did you mean 'Sam Lee'"):
            people.person_by_ref(session, "Sam Le")
        everyone = people.list_page(session, request=PageRequest())
        mentors = people.list_page(session, relationship=Relationship.MENTOR, request=PageRequest())
        on_project = people.list_page(session, project="onboarding", request=PageRequest())
        at_acme = people.list_page(session, organisation="ACME", request=PageRequest())
    assert [(p.name, p.feedback_count) for p in everyone.items] == [
        ("Maya Chen", 1),
        ("Sam Lee", 0),
    ]
    assert names(mentors) == names(on_project) == names(at_acme) == ["Maya Chen"]


def test_delete_impact_separates_what_is_kept_from_what_goes(linked: Journal) -> None:
    with linked.reading() as session:
        project = projects.delete_impact(session, projects.id_by_name(session, "Onboarding"))
        acme = internships.id_by_ref(session, "Product intern at Acme")
        internship = internships.delete_impact(session, acme)
        person = people.delete_impact(session, people.id_by_ref(session, "Maya Chen"))
    assert kinds(project.detached) == {Kind.ENTRY: 2, Kind.FEEDBACK: 1}
    assert kinds(project.removed) == {Kind.METRIC: 2, Kind.EVIDENCE: 1, Kind.BULLET: 1}
    assert project.touched == {(Kind.INTERNSHIP, acme)}
    assert kinds(internship.detached) == {Kind.PROJECT: 2, Kind.GOAL: 1}
    assert kinds(person.detached) == {Kind.FEEDBACK: 1}
