"""Metric arithmetic: the change a portfolio, a bullet or a story shows next to a number."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pmjournal.domain.metrics import (
    MINUS,
    ChangeDisplay,
    Quantity,
    change_display,
    compute_change,
    format_change,
    format_number,
    format_quantity,
    infer_change_display,
)
from pmjournal.domain.vocab import Direction


def shown(
    baseline: Quantity | None, result: Quantity | None, better: Direction = Direction.HIGHER
) -> str:
    return format_change(compute_change(baseline, result, better))


@pytest.mark.parametrize(
    ("baseline", "result", "better", "expected"),
    [
        (Quantity(42, "%"), Quantity(31, "%"), Direction.LOWER, "42% → 31% (−11 pts)"),
        (Quantity(3.2, "s"), Quantity(1.1, "s"), Direction.LOWER, "3.2 s → 1.1 s (−66%)"),
        (
            Quantity(1200, "users"),
            Quantity(1500, "users"),
            Direction.HIGHER,
            "1,200 users → 1,500 users (+25%)",
        ),
        (Quantity(10, "$"), Quantity(12, "$"), Direction.HIGHER, "$10 → $12 (+20%)"),
        (Quantity(2, "x"), Quantity(3, "x"), Direction.HIGHER, "2x → 3x (+50%)"),
        (Quantity(40, ""), Quantity(41.7, ""), Direction.HIGHER, "40 → 41.7 (+4.3%)"),
    ],
)
def test_change_is_shown_as_baseline_arrow_result_and_rounded_percent(
    baseline: Quantity, result: Quantity, better: Direction, expected: str
) -> None:
    assert shown(baseline, result, better) == expected


def test_ascii_form_has_no_unicode_minus_or_arrow() -> None:
    change = compute_change(Quantity(42, "%"), Quantity(31, "%"), Direction.LOWER)
    assert format_change(change, ascii_only=True) == "42% -> 31% (-11 pts)"


@pytest.mark.parametrize(
    ("baseline", "result", "better", "improved"),
    [
        (10.0, 5.0, Direction.LOWER, True),
        (10.0, 5.0, Direction.HIGHER, False),
        (10.0, 15.0, Direction.HIGHER, True),
        (10.0, 15.0, Direction.LOWER, False),
        (10.0, 10.0, Direction.HIGHER, None),
    ],
)
def test_improvement_follows_the_direction_that_is_better(
    baseline: float, result: float, better: Direction, improved: bool | None
) -> None:
    change = compute_change(Quantity(baseline, "s"), Quantity(result, "s"), better)
    assert change.improved is improved


def test_zero_baseline_shows_the_absolute_change_and_no_percent() -> None:
    change = compute_change(Quantity(0, "signups"), Quantity(25, "signups"), Direction.HIGHER)
    assert change.percent is None
    assert change.absolute == 25
    assert change.improved is True
    assert format_change(change) == "0 signups → 25 signups (+25 signups)"
    assert "%" not in format_change(change)


def test_zero_baseline_decrease_is_signed_with_a_minus() -> None:
    change = compute_change(Quantity(0, "ms"), Quantity(-4, "ms"), Direction.HIGHER)
    assert format_change(change).endswith(f"({MINUS}4 ms)")
    assert change.improved is False


def test_missing_baseline_shows_only_the_result() -> None:
    change = compute_change(None, Quantity(31, "%"), Direction.LOWER)
    assert not change.comparable
    assert change.percent is None and change.improved is None
    assert format_change(change) == "31%"


def test_missing_result_shows_only_the_baseline() -> None:
    change = compute_change(Quantity(42, "%"), None, Direction.LOWER)
    assert not change.comparable
    assert format_change(change) == "42%"


def test_nothing_recorded_shows_nothing() -> None:
    assert format_change(compute_change(None, None, Direction.HIGHER)) == ""


def test_convertible_units_are_compared_in_the_result_unit() -> None:
    change = compute_change(Quantity(3200, "ms"), Quantity(1.1, "s"), Direction.LOWER)
    assert change.absolute == pytest.approx(-2.1)
    assert change.percent == pytest.approx(-65.625)
    assert change.improved is True
    assert format_change(change) == "3,200 ms → 1.1 s (−66%)"


def test_minutes_against_hours_convert() -> None:
    change = compute_change(Quantity(2, "h"), Quantity(30, "min"), Direction.LOWER)
    assert change.percent == pytest.approx(-75)
    assert format_change(change) == "2 h → 30 min (−75%)"


def test_units_of_different_kinds_give_no_change() -> None:
    change = compute_change(Quantity(3, "s"), Quantity(1, "kb"), Direction.LOWER)
    assert not change.comparable
    assert change.percent is None and change.improved is None
    assert format_change(change) == "3 s → 1 kb"


def test_unknown_units_that_differ_give_no_change() -> None:
    change = compute_change(Quantity(5, "tickets"), Quantity(3, "bugs"), Direction.LOWER)
    assert not change.comparable
    assert format_change(change) == "5 tickets → 3 bugs"


def test_unit_names_compare_without_case_or_spaces() -> None:
    change = compute_change(Quantity(10, " MS"), Quantity(5, "ms"), Direction.LOWER)
    assert change.percent == pytest.approx(-50)


@pytest.mark.parametrize(
    ("value", "text"),
    [(42, "42"), (3.2, "3.2"), (1200, "1,200"), (0.35, "0.35"), (1_000_000.5, "1,000,000.5")],
)
def test_numbers_are_written_as_a_person_would(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (Quantity(12, "$"), "$12"),
        (Quantity(31, "%"), "31%"),
        (Quantity(3, "×"), "3×"),
        (Quantity(3.2, "s"), "3.2 s"),
        (Quantity(7, ""), "7"),
    ],
)
def test_units_are_placed_where_they_are_read(quantity: Quantity, text: str) -> None:
    assert format_quantity(quantity) == text


UNITS = st.sampled_from(
    ["", "%", "$", "x", "s", "ms", "min", "h", "days", "weeks", "kb", "gb", "users"]
)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
QUANTITIES = st.builds(Quantity, FINITE, UNITS)


@given(
    baseline=st.none() | QUANTITIES,
    result=st.none() | QUANTITIES,
    better=st.sampled_from(list(Direction)),
    ascii_only=st.booleans(),
)
# Huge numbers overflow to infinity once converted or subtracted; the text must stay sane.
@example(
    baseline=Quantity(1e308, "weeks"),
    result=Quantity(1, "s"),
    better=Direction.LOWER,
    ascii_only=False,
)
@example(
    baseline=Quantity(-1e308, ""),
    result=Quantity(1e308, ""),
    better=Direction.HIGHER,
    ascii_only=True,
)
def test_formatting_never_raises_for_finite_numbers(
    baseline: Quantity | None, result: Quantity | None, better: Direction, ascii_only: bool
) -> None:
    change = compute_change(baseline, result, better)
    text = format_change(change, ascii_only=ascii_only)
    assert "nan" not in text and "inf" not in text
    for value in (change.absolute, change.percent):
        assert value is None or math.isfinite(value)


# Numbers people record: up to a billion, with at most two decimals.
REALISTIC = st.integers(min_value=-(10**11), max_value=10**11).map(lambda n: n / 100)


@given(
    baseline=REALISTIC,
    result=REALISTIC,
    better=st.sampled_from(list(Direction)),
)
def test_realistic_changes_always_show_a_signed_delta(
    baseline: float, result: float, better: Direction
) -> None:
    change = compute_change(Quantity(baseline, "users"), Quantity(result, "users"), better)
    text = format_change(change)
    assert text.startswith(format_quantity(Quantity(baseline, "users")) + " → ")
    delta = text.rsplit("(", 1)[1]
    assert delta[0] in {"+", MINUS, "±"}
    assert "nan" not in text and "inf" not in text
    if result > baseline:
        assert change.improved is (better is Direction.HIGHER)


def test_no_change_and_a_sliver_of_change_are_said_plainly() -> None:
    same = compute_change(Quantity(40, "%"), Quantity(40, "%"), Direction.HIGHER)
    sliver = compute_change(Quantity(1000, ""), Quantity(999.96, ""), Direction.HIGHER)
    assert format_change(same) == "40% → 40% (±0 pts)"
    assert format_change(sliver) == f"1,000 → 999.96 ({MINUS}<0.1%)"


def test_small_values_keep_their_digits() -> None:
    change = compute_change(Quantity(0.004, "s"), Quantity(0.002, "s"), Direction.LOWER)
    assert format_change(change) == f"0.004 s → 0.002 s ({MINUS}50%)"


def test_points_and_baselines_at_or_below_zero_show_the_difference_not_a_percentage() -> None:
    nps = compute_change(Quantity(21, "points"), Quantity(29, "points"), Direction.HIGHER)
    below = compute_change(Quantity(-10, ""), Quantity(5, ""), Direction.HIGHER)
    assert format_change(nps) == "21 points → 29 points (+8 points)"
    assert nps.percent is None and nps.improved is True
    assert format_change(below) == "−10 → 5 (+15)"


@pytest.mark.parametrize(
    ("unit", "name", "expected"),
    [
        ("%", "Activation rate", ChangeDisplay.DIFFERENCE),
        ("", "NPS", ChangeDisplay.DIFFERENCE),
        ("NPS points", "Score", ChangeDisplay.DIFFERENCE),
        ("", "CSAT", ChangeDisplay.DIFFERENCE),
        ("", "App store rating", ChangeDisplay.DIFFERENCE),
        ("pts", "Satisfaction", ChangeDisplay.DIFFERENCE),
        ("tickets/week", "Setup tickets", ChangeDisplay.PERCENT),
        ("s", "Load time", ChangeDisplay.PERCENT),
        ("$", "Revenue", ChangeDisplay.PERCENT),
    ],
)
def test_how_a_change_is_shown_is_inferred_from_the_unit_and_name(
    unit: str, name: str, expected: ChangeDisplay
) -> None:
    assert infer_change_display(unit, name) is expected
    assert change_display(None, unit, name) is expected


def test_a_score_moves_by_its_difference_and_a_rate_in_points_never_a_percent() -> None:
    nps = compute_change(Quantity(21, ""), Quantity(29, ""), Direction.HIGHER, name="NPS")
    nps_points = compute_change(
        Quantity(21, "NPS points"), Quantity(29, "NPS points"), Direction.HIGHER
    )
    rate = compute_change(Quantity(42, "%"), Quantity(58, "%"), Direction.HIGHER)

    assert format_change(nps) == "21 → 29 (+8)"
    assert format_change(nps_points) == "21 NPS points → 29 NPS points (+8 NPS points)"
    assert format_change(rate) == "42% → 58% (+16 pts)"
    assert "38%" not in format_change(nps) + format_change(rate)


def test_the_user_can_choose_percent_difference_or_no_change_at_all() -> None:
    def shown(display: str) -> str:
        chosen = change_display(display, "%")
        return format_change(
            compute_change(Quantity(42, "%"), Quantity(58, "%"), Direction.HIGHER, chosen)
        )

    assert shown("percent") == "42% → 58% (+38%)"
    assert shown("difference") == "42% → 58% (+16 pts)"
    assert shown("none") == "42% → 58%"


def test_negative_numbers_use_the_same_minus_as_changes() -> None:
    change = compute_change(Quantity(-12, "%"), Quantity(-3, "%"), Direction.HIGHER)

    assert format_number(-12) == "−12" and format_number(-0.5) == "−0.5"
    assert format_number(-12, ascii_only=True) == "-12"
    assert format_change(change) == "−12% → −3% (+9 pts)"
    assert "-" not in format_change(change)
