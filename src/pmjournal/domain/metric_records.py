"""Metric records: what the user measured, with the change computed once for every front end.

``domain.metrics`` holds the arithmetic and its wording; this module holds the record a list
shows and the checks on what the user typed, so the CLI, the GUI and the outputs all print the
same "42% → 31% (−26%)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.field_checks import (
    NAME_MAX,
    finite_number,
    optional_text,
    required_text,
    vocabulary,
)
from pmjournal.domain.metrics import (
    MetricChange,
    Quantity,
    change_display,
    compute_change,
    format_change,
    format_delta,
)
from pmjournal.domain.vocab import Direction

UNIT_MAX = 30


def metric_change(
    baseline: float | None,
    baseline_unit: str | None,
    result: float | None,
    unit: str,
    better: Direction,
    *,
    name: str = "",
    display: str | None = None,
) -> MetricChange:
    """The change as every output computes it; the baseline's unit defaults to the result's,
    and how the change is shown is the metric's ``display``, else inferred from unit and name
    (``domain.metrics.change_display``), as in the portfolio and the bullets."""
    result_q = Quantity(result, unit) if result is not None else None
    baseline_q = Quantity(baseline, baseline_unit or unit) if baseline is not None else None
    return compute_change(baseline_q, result_q, better, change_display(display, unit, name))


@dataclass(frozen=True)
class MetricRecord:
    id: int
    project_id: int
    project: str
    name: str
    baseline: float | None
    baseline_unit: str | None
    result: float | None
    unit: str
    better: Direction
    measured_on: date | None
    entry_id: int | None
    note: str
    confidential: bool
    position: int
    change: MetricChange

    @property
    def change_text(self) -> str:
        """'42% → 31% (−26%)': the only way a metric is written, in every front end."""
        return format_change(self.change)

    @property
    def delta_text(self) -> str:
        """The change alone ('−26%'), or '' when it cannot be computed honestly."""
        return format_delta(self.change)


@dataclass(frozen=True)
class MetricDraft:
    """What the user typed. ``update_metric`` takes a whole draft: every field is written.

    ``baseline_unit`` is only needed when the baseline was measured in another unit than the
    result ("2 min → 45 s"); None or the same unit means "as the result".
    """

    project: str
    name: str
    result: float | None = None
    baseline: float | None = None
    unit: str = ""
    baseline_unit: str | None = None
    better: str = Direction.HIGHER.value
    measured_on: date | None = None
    entry_id: int | None = None
    note: str = ""
    confidential: bool = False

    @classmethod
    def of(cls, record: MetricRecord) -> MetricDraft:
        """The draft that would save ``record`` unchanged: the start of an edit."""
        return cls(
            project=record.project,
            name=record.name,
            result=record.result,
            baseline=record.baseline,
            unit=record.unit,
            baseline_unit=record.baseline_unit,
            better=record.better.value,
            measured_on=record.measured_on,
            entry_id=record.entry_id,
            note=record.note,
            confidential=record.confidential,
        )


def validate_metric(draft: MetricDraft) -> MetricDraft:
    """The draft trimmed and checked: real numbers, a known direction, comparable units."""
    project = required_text(draft.project, "project", "a metric's project")
    name = required_text(draft.name, "name", "a metric name", NAME_MAX)
    result = finite_number(draft.result, "result")
    baseline = finite_number(draft.baseline, "baseline")
    if result is None and baseline is None:
        raise ValidationError("a metric needs a result, a baseline or both", "result")
    better = vocabulary(draft.better, Direction, "better")
    unit = optional_text(draft.unit, "unit", UNIT_MAX)
    baseline_unit = optional_text(draft.baseline_unit or "", "baseline_unit", UNIT_MAX)
    if baseline_unit.casefold() == unit.casefold():
        baseline_unit = ""
    if baseline_unit and result is not None and baseline is not None:
        change = metric_change(baseline, baseline_unit, result, unit, better)
        if not change.comparable:
            raise ValidationError(
                f"a baseline in {baseline_unit!r} cannot be compared with a result in "
                f"{unit or 'no unit'!r}",
                "baseline_unit",
            )
    if draft.entry_id is not None and (isinstance(draft.entry_id, bool) or draft.entry_id < 1):
        raise ValidationError(f"{draft.entry_id!r} is not an entry id", "entry")
    return MetricDraft(
        project=project,
        name=name,
        result=result,
        baseline=baseline,
        unit=unit,
        baseline_unit=baseline_unit or None,
        better=better.value,
        measured_on=draft.measured_on,
        entry_id=draft.entry_id,
        note=optional_text(draft.note, "note"),
        confidential=bool(draft.confidential),
    )
