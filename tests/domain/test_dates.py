"""Dates and ISO weeks as users type them on the command line and in the app."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmjournal.domain.dates import iso_week_label, parse_date, parse_iso_week
from pmjournal.domain.errors import ValidationError


def test_a_plain_date_is_read() -> None:
    assert parse_date("2026-11-24") == date(2026, 11, 24)


def test_surrounding_spaces_are_ignored() -> None:
    assert parse_date("  2026-02-28\n") == date(2026, 2, 28)


def test_leap_day_exists_only_in_leap_years() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)
    with pytest.raises(ValidationError):
        parse_date("2026-02-29")


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2026-2-4", "24/11/2026", "", "x"])
def test_impossible_or_malformed_dates_name_the_field_and_the_format(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_date(text, field="date")
    assert raised.value.field == "date"
    assert "YYYY-MM-DD" in raised.value.message
    assert repr(text) in raised.value.message


def test_error_text_starts_with_the_field() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_date("2026-02-30", field="measured_on")
    assert str(raised.value).startswith("measured_on: ")


def test_iso_week_gives_monday_to_sunday() -> None:
    assert parse_iso_week("2026-W48") == (date(2026, 11, 23), date(2026, 11, 29))


def test_week_one_can_start_in_the_previous_year() -> None:
    assert parse_iso_week("2025-W01") == (date(2024, 12, 30), date(2025, 1, 5))


def test_week_53_exists_only_in_long_years() -> None:
    assert parse_iso_week("2026-W53") == (date(2026, 12, 28), date(2027, 1, 3))
    with pytest.raises(ValidationError, match="not a week of 2025"):
        parse_iso_week("2025-W53")


@pytest.mark.parametrize("text", ["2026-W00", "2026-W54"])
def test_week_numbers_out_of_range_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_iso_week(text)
    assert raised.value.field == "week"


@pytest.mark.parametrize("text", ["2026-W1", "2026W05", "2026-05", "week 5", ""])
def test_malformed_weeks_show_the_expected_form(text: str) -> None:
    with pytest.raises(ValidationError, match="YYYY-Www"):
        parse_iso_week(text)


def test_label_of_a_day_at_the_turn_of_the_year() -> None:
    assert iso_week_label(date(2027, 1, 1)) == "2026-W53"
    assert iso_week_label(date(2024, 12, 30)) == "2025-W01"
    assert iso_week_label(date(2026, 1, 5)) == "2026-W02"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 1)))
def test_every_day_lies_in_the_week_its_label_names(day: date) -> None:
    monday, sunday = parse_iso_week(iso_week_label(day))
    assert monday <= day <= sunday
    assert sunday - monday == timedelta(days=6)
    assert monday.weekday() == 0


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_a_date_written_out_reads_back_the_same(day: date) -> None:
    assert parse_date(day.isoformat()) == day


@pytest.mark.parametrize("text", ["20260101", "2026-W01-1", "２０２６-01-01", "2026-1-5"])
def test_only_one_way_of_writing_a_date_is_accepted(text: str) -> None:
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize("text", ["9999-W52", "２０２６-W27", "0000-W01"])
def test_weeks_out_of_range_or_in_other_digits_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_iso_week(text)
