"""Metric arithmetic: the change between a baseline and a result, and how to say it.

A metric is only honest if its change is computed, never typed, so every output (portfolio,
bullets, stories) formats it through here: "3.2 s → 1.1 s (−66%)", "42% → 58% (+16 pts)".
How a change is shown (a percentage, a difference, or not at all) is the metric's to say;
by default it follows from the unit and the name, so a rate moves in points and a score
("NPS 21 → 29") by its difference, never by a percentage of a percentage.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pmjournal.domain.vocab import ChangeDisplay, Direction

MINUS = "\u2212"

_PREFIX_UNITS = frozenset({"$", "€", "£", "¥"})
_TIGHT_UNITS = frozenset({"%", "x", "×"})

# Units that convert into one another, as factors to a base unit per family.
_CONVERTIBLE: dict[str, tuple[str, float]] = {
    "ms": ("time", 0.001),
    "s": ("time", 1.0),
    "sec": ("time", 1.0),
    "min": ("time", 60.0),
    "h": ("time", 3600.0),
    "hr": ("time", 3600.0),
    "hours": ("time", 3600.0),
    "d": ("time", 86400.0),
    "days": ("time", 86400.0),
    "weeks": ("time", 604800.0),
    "kb": ("bytes", 1e3),
    "mb": ("bytes", 1e6),
    "gb": ("bytes", 1e9),
}


# Scores and shares already on a scale: "21 → 29 points" is +8 points, not "+38%".
_POINT_UNITS = frozenset({"points", "point", "pts", "pt", "pp", "percentage points"})
_RATE_UNITS = frozenset({"%", "percent"})
# Units and names of scores: a relative change of a score means nothing to a reader.
_SCORE_WORDS = re.compile(
    r"\b(?:nps|csat|ces|sus|score|scores|rating|ratings|stars?|points?|pts|grade)\b", re.IGNORECASE
)


def infer_change_display(unit: str, name: str = "") -> ChangeDisplay:
    """The default for a metric that does not say: rates and scores by their difference
    (in points), counts, times and money by a percentage."""
    clean = unit.strip().casefold()
    if clean in _RATE_UNITS or clean in _POINT_UNITS:
        return ChangeDisplay.DIFFERENCE
    if _SCORE_WORDS.search(clean) or _SCORE_WORDS.search(name):
        return ChangeDisplay.DIFFERENCE
    return ChangeDisplay.PERCENT


def change_display(value: str | None, unit: str, name: str = "") -> ChangeDisplay:
    """The stored choice ('percent', 'difference', 'none'), else the inferred default."""
    if value:
        try:
            return ChangeDisplay(value.strip().lower())
        except ValueError:
            pass
    return infer_change_display(unit, name)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str = ""


@dataclass(frozen=True)
class MetricChange:
    """What changed between baseline and result, in the result's unit.

    ``absolute`` and ``percent`` are None when they cannot be computed honestly: no baseline,
    units that do not convert, or (for ``percent``) a baseline of zero or below, where a
    percentage misleads, and a metric shown by its difference (rates, scores) or not at all.
    """

    baseline: Quantity | None
    result: Quantity | None
    absolute: float | None
    percent: float | None
    improved: bool | None
    display: ChangeDisplay = ChangeDisplay.PERCENT

    @property
    def comparable(self) -> bool:
        return self.absolute is not None


def _convert(quantity: Quantity, unit: str) -> float | None:
    """The quantity's value in ``unit``, or None if the units are of different kinds."""
    if quantity.unit.strip().lower() == unit.strip().lower():
        return quantity.value
    source = _CONVERTIBLE.get(quantity.unit.strip().lower())
    target = _CONVERTIBLE.get(unit.strip().lower())
    if source is None or target is None or source[0] != target[0]:
        return None
    return quantity.value * source[1] / target[1]


def compute_change(
    baseline: Quantity | None,
    result: Quantity | None,
    better: Direction,
    display: ChangeDisplay | None = None,
    *,
    name: str = "",
) -> MetricChange:
    """Compare ``result`` with ``baseline`` in the result's unit; ``display`` None means the
    default for the unit and ``name`` (``infer_change_display``)."""
    unit = (result or baseline or Quantity(0)).unit
    shown = display or infer_change_display(unit, name)
    if baseline is None or result is None:
        return MetricChange(baseline, result, None, None, None, shown)
    base_value = _convert(baseline, result.unit)
    if base_value is None or not math.isfinite(base_value):
        return MetricChange(baseline, result, None, None, None, shown)
    absolute = result.value - base_value
    if not math.isfinite(absolute):
        return MetricChange(baseline, result, None, None, None, shown)
    percent = None
    if base_value > 0 and shown is ChangeDisplay.PERCENT:
        percent = absolute / base_value * 100.0
        if not math.isfinite(percent):
            percent = None
    if absolute == 0:
        improved: bool | None = None
    else:
        improved = (absolute > 0) == (better is Direction.HIGHER)
    return MetricChange(baseline, result, absolute, percent, improved, shown)


def format_number(value: float, ascii_only: bool = False) -> str:
    """Show a recorded number as the user would write it: 3.2, 42, 1,200, 0.35, −12; the
    typographic minus, as in every change, unless ``ascii_only``."""
    if value == int(value) and abs(value) < 1e15:
        text = f"{int(abs(value)):,}"
    elif abs(value) < 1:
        text = f"{abs(value):.3g}"
    else:
        text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    if value < 0 and text.strip("0.,"):
        return ("-" if ascii_only else MINUS) + text
    return text


def format_quantity(quantity: Quantity, ascii_only: bool = False) -> str:
    number = format_number(quantity.value, ascii_only)
    unit = quantity.unit.strip()
    if not unit:
        return number
    if unit in _PREFIX_UNITS:
        return f"{unit}{number}"
    if unit in _TIGHT_UNITS:
        return f"{number}{unit}"
    return f"{number} {unit}"


def _signed(text: str, negative: bool, ascii_only: bool) -> str:
    if negative:
        return ("-" if ascii_only else MINUS) + text
    return "+" + text


def format_percent(percent: float, ascii_only: bool = False) -> str:
    """A rounded, signed percentage: +4.3%, −26%, +120%; ±0% for none, −<0.1% for a sliver."""
    magnitude = abs(percent)
    if magnitude == 0:
        return "±0%"
    if magnitude < 0.05:
        return _signed("<0.1%", percent < 0, ascii_only)
    rounded = f"{magnitude:.0f}" if magnitude >= 10 else format_number(round(magnitude, 1))
    return _signed(f"{rounded}%", percent < 0, ascii_only)


def format_absolute(change: MetricChange, ascii_only: bool = False) -> str:
    """The signed difference: '+8 points', '−1.2 s'; a rate's difference is in points
    ('+16 pts'), since '+16%' would read as a relative change."""
    assert change.absolute is not None and change.result is not None
    unit = change.result.unit.strip()
    if unit.casefold() in _RATE_UNITS:
        points = "pt" if abs(change.absolute) == 1 else "pts"
        text = f"{format_number(abs(change.absolute))} {points}"
    else:
        text = format_quantity(Quantity(abs(change.absolute), unit))
    if change.absolute == 0:
        return "±" + text
    return _signed(text, change.absolute < 0, ascii_only)


def format_delta(change: MetricChange, ascii_only: bool = False) -> str:
    """The change alone, as the metric says it is shown: the percentage where one is honest,
    else the difference; '' for a metric shown without its change, or with none to show."""
    if change.display is ChangeDisplay.NONE:
        return ""
    if change.percent is not None:
        return format_percent(change.percent, ascii_only)
    if change.absolute is not None:
        return format_absolute(change, ascii_only)
    return ""


def format_change(change: MetricChange, ascii_only: bool = False) -> str:
    """'42% → 31% (−26%)'; a missing or incomparable baseline shows only what is known."""
    arrow = "->" if ascii_only else "→"
    if change.result is None:
        return format_quantity(change.baseline, ascii_only) if change.baseline else ""
    result = format_quantity(change.result, ascii_only)
    if change.baseline is None:
        return result
    baseline = format_quantity(change.baseline, ascii_only)
    delta = format_delta(change, ascii_only) if change.absolute is not None else ""
    if not delta:
        return f"{baseline} {arrow} {result}"
    return f"{baseline} {arrow} {result} ({delta})"
