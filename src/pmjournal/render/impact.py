"""Metrics as the portfolio shows them: computed changes, call-outs and which ones lead.

Every figure printed comes from a recorded metric through ``domain.metrics``; nothing here
makes up a number. A metric that got worse is listed in its case study but never becomes a
call-out, and a metric with no result yet is shown as a baseline awaiting its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pmjournal.domain.metrics import (
    MetricChange,
    format_delta,
    format_quantity,
)

if TYPE_CHECKING:
    from pmjournal.domain.snapshot_views import MetricView

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date) -> str:
    """'12 Jun 2026': unambiguous in every locale a hiring manager might read it in."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_label(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def span_label(start: date | None, end: date | None) -> str:
    """'Jun – Aug 2026', 'Nov 2025 – Feb 2026', 'since Jun 2026'."""
    if start is None:
        return month_label(end) if end else ""
    if end is None:
        return f"since {month_label(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return month_label(start)
    if start.year == end.year:
        return f"{_MONTHS[start.month - 1]} – {month_label(end)}"
    return f"{month_label(start)} – {month_label(end)}"


@dataclass(frozen=True)
class MetricLine:
    """One metric, formatted: '42%', '31%', '−26%', improved or not."""

    name: str
    baseline: str
    result: str
    delta: str
    improved: bool | None
    measured_on: str
    note: str
    baseline_value: float | None
    result_value: float | None
    strength: tuple[int, float]

    @property
    def comparable(self) -> bool:
        return bool(self.baseline and self.result and self.delta)


@dataclass(frozen=True)
class Callout:
    """A number big enough to read across the room, with the baseline that makes it honest."""

    value: str
    label: str
    detail: str
    project: str
    anchor: str


def _strength(change: MetricChange, has_result: bool) -> tuple[int, float]:
    """How strongly a metric speaks for the project; (0, 0) means never a call-out."""
    if change.improved and change.percent is not None:
        return (3, abs(change.percent))
    if change.improved:
        return (2, 0.0)
    if has_result and change.baseline is None:
        return (1, 0.0)
    return (0, 0.0)


def metric_line(metric: MetricView) -> MetricLine:
    """Format a snapshot metric; the change comes from ``domain.metrics``, never from us."""
    change = metric.change
    baseline_value = None
    if change.absolute is not None and metric.result is not None:
        baseline_value = metric.result.value - change.absolute
    return MetricLine(
        name=metric.name,
        baseline=format_quantity(metric.baseline) if metric.baseline else "",
        result=format_quantity(metric.result) if metric.result else "",
        delta=format_delta(change),
        improved=change.improved,
        measured_on=day_label(metric.measured_on) if metric.measured_on else "",
        note=metric.note,
        baseline_value=baseline_value,
        result_value=metric.result.value if metric.result else None,
        strength=_strength(change, metric.result is not None),
    )


def callout(metric: MetricLine, project: str, anchor: str) -> Callout:
    if metric.comparable:
        return Callout(
            metric.delta, metric.name, f"{metric.baseline} → {metric.result}", project, anchor
        )
    return Callout(metric.result, metric.name, "no baseline recorded", project, anchor)


def headline(metrics: tuple[MetricLine, ...]) -> MetricLine | None:
    """The metric for a case study's headline box, or None if none has earned it.

    The user's own order decides among improved, comparable metrics (the first one listed is
    the one they lead with); failing those, the best-supported remaining result.
    """
    improved = [m for m in metrics if m.strength[0] >= 2]
    if improved:
        return improved[0]
    ranked = [m for m in metrics if m.strength[0] > 0]
    return max(ranked, key=lambda m: m.strength) if ranked else None
