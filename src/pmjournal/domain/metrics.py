"""Metric arithmetic: the change between a baseline and a result, and how to say it.

A metric is only honest if its change is computed, never typed, so every output (portfolio,
bullets, stories) formats it through here: "42% → 31% (−26%)", "3.2 s → 1.1 s (−66%)".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pmjournal.domain.vocab import Direction

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


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str = ""


@dataclass(frozen=True)
class MetricChange:
    """What changed between baseline and result, in the result's unit.

    ``absolute`` and ``percent`` are None when they cannot be computed honestly: no baseline,
    units that do not convert, or (for ``percent``) a baseline of zero or below, where a
    percentage misleads, and scores in points, which are compared by their difference.
    """

    baseline: Quantity | None
    result: Quantity | None
    absolute: float | None
    percent: float | None
    improved: bool | None

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
    baseline: Quantity | None, result: Quantity | None, better: Direction
) -> MetricChange:
    """Compare ``result`` with ``baseline`` in the result's unit."""
    if baseline is None or result is None:
        return MetricChange(baseline, result, None, None, None)
    base_value = _convert(baseline, result.unit)
    if base_value is None or not math.isfinite(base_value):
        return MetricChange(baseline, result, None, None, None)
    absolute = result.value - base_value
    if not math.isfinite(absolute):
        return MetricChange(baseline, result, None, None, None)
    percent = None
    if base_value > 0 and result.unit.strip().lower() not in _POINT_UNITS:
        percent = absolute / base_value * 100.0
        if not math.isfinite(percent):
            percent = None
    if absolute == 0:
        improved: bool | None = None
    else:
        improved = (absolute > 0) == (better is Direction.HIGHER)
    return MetricChange(baseline, result, absolute, percent, improved)


def format_number(value: float) -> str:
    """Show a recorded number as the user would write it: 3.2, 42, 1,200, 0.35, 0.004."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) < 1:
        return f"{value:.3g}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_quantity(quantity: Quantity) -> str:
    number = format_number(quantity.value)
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
    assert change.absolute is not None and change.result is not None
    text = format_quantity(Quantity(abs(change.absolute), change.result.unit))
    return _signed(text, change.absolute < 0, ascii_only)


def format_delta(change: MetricChange, ascii_only: bool = False) -> str:
    """The change alone: the percentage where one is honest, else the difference; '' if none."""
    if change.percent is not None:
        return format_percent(change.percent, ascii_only)
    if change.absolute is not None:
        return format_absolute(change, ascii_only)
    return ""


def format_change(change: MetricChange, ascii_only: bool = False) -> str:
    """'42% → 31% (−26%)'; a missing or incomparable baseline shows only what is known."""
    arrow = "->" if ascii_only else "→"
    if change.result is None:
        return format_quantity(change.baseline) if change.baseline else ""
    result = format_quantity(change.result)
    if change.baseline is None:
        return result
    baseline = format_quantity(change.baseline)
    if change.absolute is None:
        return f"{baseline} {arrow} {result}"
    return f"{baseline} {arrow} {result} ({format_delta(change, ascii_only)})"
