"""Checks on what the user typed for internships, projects, metrics and people (no journal)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import pytest

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.field_checks import parse_number
from pmjournal.domain.internships import InternshipDraft, validate_internship
from pmjournal.domain.metric_records import MetricDraft, validate_metric
from pmjournal.domain.people import PersonDraft, validate_person
from pmjournal.domain.projects import ProjectDraft, validate_project
from pmjournal.domain.vocab import Direction, ProjectStatus, Relationship


def refused(call: Callable[..., object], *args: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return caught.value


def test_an_internship_is_trimmed_and_needs_an_organisation_a_title_and_a_start() -> None:
    clean = validate_internship(
        InternshipDraft(" Acme ", " Product intern ", date(2026, 6, 1), team=" Growth ")
    )
    assert (clean.organisation, clean.title, clean.team) == ("Acme", "Product intern", "Growth")
    assert refused(validate_internship, InternshipDraft(" ", "t", date(2026, 6, 1))).field == (
        "organisation"
    )
    assert refused(validate_internship, InternshipDraft("Acme", "", date(2026, 6, 1))).field == (
        "title"
    )
    assert refused(validate_internship, InternshipDraft("Acme", "t", None)).field == "start_date"


def test_an_end_before_the_start_is_refused_naming_both_dates() -> None:
    error = refused(
        validate_internship, InternshipDraft("Acme", "t", date(2026, 6, 1), date(2026, 5, 31))
    )
    assert error.field == "end_date"
    assert "2026-05-31" in error.message and "2026-06-01" in error.message
    error = refused(
        validate_project, ProjectDraft("P", start_date=date(2026, 7, 2), end_date=date(2026, 7, 1))
    )
    assert error.field == "end_date"
    assert validate_project(
        ProjectDraft("P", start_date=date(2026, 7, 1), end_date=date(2026, 7, 1))
    )


def test_a_project_name_is_required_and_its_status_any_case_of_the_vocabulary() -> None:
    assert refused(validate_project, ProjectDraft("  ")).field == "name"
    assert refused(validate_project, ProjectDraft("x" * 201)).field == "name"
    assert validate_project(ProjectDraft("P", status="Shipped")).status == ProjectStatus.SHIPPED
    error = refused(validate_project, ProjectDraft("P", status="done"))
    assert error.field == "status" and "shipped" in error.message
    assert validate_project(ProjectDraft("P", internship="  ")).internship is None


def test_a_metric_takes_real_numbers_only() -> None:
    for bad in (math.nan, math.inf, -math.inf):
        assert refused(validate_metric, MetricDraft("P", "m", result=bad)).field == "result"
    assert refused(validate_metric, MetricDraft("P", "m", result=1, baseline=math.nan)).field == (
        "baseline"
    )
    assert refused(validate_metric, MetricDraft("P", "m", result=True)).field == "result"  # type: ignore[arg-type]
    assert refused(validate_metric, MetricDraft("P", "m")).field == "result"


def test_a_metric_direction_and_units_are_checked() -> None:
    error = refused(validate_metric, MetricDraft("P", "m", result=1, better="up"))
    assert error.field == "better" and "higher" in error.message and "lower" in error.message
    assert validate_metric(MetricDraft("P", "m", result=1, better="LOWER")).better == "lower"
    error = refused(
        validate_metric,
        MetricDraft("P", "m", result=30, baseline=2, unit="%", baseline_unit="min"),
    )
    assert error.field == "baseline_unit"
    converts = validate_metric(
        MetricDraft("P", "m", result=45, baseline=2, unit="s", baseline_unit="min")
    )
    assert converts.baseline_unit == "min"
    same = validate_metric(MetricDraft("P", "m", result=4, baseline=2, unit="%", baseline_unit="%"))
    assert same.baseline_unit is None
    assert refused(validate_metric, MetricDraft("P", "m", result=1, unit="u" * 31)).field == "unit"
    assert refused(validate_metric, MetricDraft("P", "m", result=1, entry_id=0)).field == "entry"
    assert (
        Direction(validate_metric(MetricDraft(" P ", " m ", result=1)).better) is Direction.HIGHER
    )


@pytest.mark.parametrize(
    ("text", "number"),
    [("42", 42.0), (" -3.5 ", -3.5), ("1,200", 1200.0), ("\u22122", -2.0), ("", None)],
)
def test_numbers_are_read_as_people_type_them(text: str, number: float | None) -> None:
    assert parse_number(text, "result") == number


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "abc", "1,2", "42%", "3 s"])
def test_what_is_not_a_finite_number_is_refused(text: str) -> None:
    error = refused(parse_number, text, "baseline")
    assert error.field == "baseline" and repr(text) in error.message


def test_a_unit_typed_with_the_number_gets_a_hint() -> None:
    assert "unit" in refused(parse_number, "42%", "result").message


def test_a_person_has_a_name_a_known_relationship_and_a_plausible_email() -> None:
    clean = validate_person(PersonDraft(" Maya Chen ", relationship="Mentor", email=" m@x.io "))
    assert (clean.name, clean.relationship, clean.email) == ("Maya Chen", "mentor", "m@x.io")
    assert Relationship(clean.relationship) is Relationship.MENTOR
    assert refused(validate_person, PersonDraft("")).field == "name"
    assert refused(validate_person, PersonDraft("M", relationship="boss")).field == "relationship"
    assert refused(validate_person, PersonDraft("M", email="maya at x")).field == "email"
