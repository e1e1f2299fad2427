"""Metrics: records with their computed change, the lists by project, and saving."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metric_records import MetricDraft, MetricRecord, metric_change
from pmjournal.domain.paging import Page, PageRequest
from pmjournal.domain.vocab import Direction
from pmjournal.storage import models
from pmjournal.storage.lookup import project_by_name
from pmjournal.storage.repos.internships import internship_by_ref
from pmjournal.storage.repos.queries import contains_text, count_where, require_row, window

M = models.Metric


def _record(row: models.Metric, project_name: str) -> MetricRecord:
    better = Direction(row.better)
    return MetricRecord(
        id=row.id,
        project_id=row.project_id,
        project=project_name,
        name=row.name,
        baseline=row.baseline,
        baseline_unit=row.baseline_unit,
        result=row.result,
        unit=row.unit,
        better=better,
        measured_on=row.measured_on,
        entry_id=row.entry_id,
        note=row.note,
        confidential=row.confidential,
        position=row.position,
        change=metric_change(
            row.baseline,
            row.baseline_unit,
            row.result,
            row.unit,
            better,
            name=row.name,
            display=row.change_display,
        ),
    )


def _select() -> Any:
    return select(M, models.Project.name).join(models.Project, M.project_id == models.Project.id)


def get(session: Session, metric_id: int) -> MetricRecord | None:
    found = session.execute(_select().where(M.id == metric_id)).first()
    return _record(*found) if found else None


def load(session: Session, metric_id: int) -> MetricRecord:
    """The record, or the refusal a user sees for an id that does not exist."""
    record = get(session, metric_id)
    if record is None:
        raise ValidationError(f"no metric with id {metric_id}", "metric")
    return record


def create(session: Session, draft: MetricDraft) -> int:
    """Save a validated draft as a new metric; returns its id."""
    return _write(session, M(), draft).id


def update(session: Session, metric_id: int, draft: MetricDraft) -> int:
    """Write a validated draft over the metric; returns the project it was on before."""
    row = require_row(session, M, metric_id, "metric")
    before = row.project_id
    _write(session, row, draft)
    return before


def delete(session: Session, metric_id: int) -> int:
    """Delete the metric (nothing points at one); returns the project it belonged to."""
    row = require_row(session, M, metric_id, "metric")
    session.delete(row)
    return row.project_id


def _write(session: Session, row: models.Metric, draft: MetricDraft) -> models.Metric:
    """Its project by name, its evidencing entry by id.

    A new metric, or one moved to another project, goes last in that project's order.
    """
    project = project_by_name(session, draft.project)
    if draft.entry_id is not None and session.get(models.Entry, draft.entry_id) is None:
        raise ValidationError(f"no entry with id {draft.entry_id}", "entry")
    if row.project_id != project.id:
        last = session.scalar(select(func.max(M.position)).where(M.project_id == project.id))
        row.position = 0 if last is None else last + 1
    row.project = project
    row.name = draft.name
    row.baseline = draft.baseline
    row.baseline_unit = draft.baseline_unit
    row.result = draft.result
    row.unit = draft.unit
    row.better = draft.better
    row.measured_on = draft.measured_on
    row.entry_id = draft.entry_id
    row.note = draft.note
    row.confidential = draft.confidential
    session.add(row)
    session.flush()
    return row


def list_page(
    session: Session,
    *,
    project: str | None = None,
    internship: str | None = None,
    text: str | None = None,
    since: date | None = None,
    until: date | None = None,
    request: PageRequest,
) -> Page[MetricRecord]:
    """Metrics by project, in each project's order; ``since``/``until`` bound ``measured_on``."""
    where: list[ColumnElement[bool]] = []
    if project is not None:
        where.append(M.project_id == project_by_name(session, project).id)
    if internship is not None:
        internship_id = internship_by_ref(session, internship).id
        where.append(
            M.project_id.in_(
                select(models.Project.id).where(models.Project.internship_id == internship_id)
            )
        )
    if text and text.strip():
        where.append(contains_text((M.name, M.note, M.unit), text))
    if since is not None:
        where.append(M.measured_on >= since)
    if until is not None:
        where.append(M.measured_on <= until)
    statement = _select().where(*where).order_by(models.Project.name, M.position, M.id)
    rows = session.execute(window(statement, request)).all()
    return Page(
        items=tuple(_record(*row) for row in rows),
        total=count_where(session, M, where),
        offset=request.offset,
    )
