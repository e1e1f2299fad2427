"""Reads that lay records out in time: a project's entries, practice of a skill per week."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.paging import Page, PageRequest
from pmjournal.domain.records import EntryRecord
from pmjournal.storage import models
from pmjournal.storage.convert import entry_record
from pmjournal.storage.repos.queries import require_row, window

_LOAD = (
    selectinload(models.Entry.projects),
    selectinload(models.Entry.tags),
    selectinload(models.Entry.evidence).selectinload(models.Evidence.skill),
)


def project_entries(session: Session, project_id: int, request: PageRequest) -> Page[EntryRecord]:
    """The entries linked to a project, newest first, as its timeline shows them."""
    require_row(session, models.Project, project_id, "project")
    link = models.entry_projects
    linked = select(link.c.entry_id).where(link.c.project_id == project_id)
    statement = (
        select(models.Entry)
        .where(models.Entry.id.in_(linked))
        .order_by(models.Entry.date.desc(), models.Entry.id.desc())
        .options(*_LOAD)
    )
    rows = session.scalars(window(statement, request)).all()
    total = session.scalar(select(func.count()).select_from(linked.subquery())) or 0
    return Page(tuple(entry_record(row) for row in rows), total, request.offset)


def practice_per_week(session: Session, skill_id: int | None, weeks: int, today: date) -> list[int]:
    """Entries practising a skill (any skill when None) in each of the last ``weeks`` weeks.

    Weeks start on Monday; the last item is the current week. One grouped query over the
    evidence table, counted by day and folded into weeks here.
    """
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    evidence = models.Evidence
    statement = (
        select(models.Entry.date, func.count(func.distinct(models.Entry.id)))
        .join(evidence, evidence.entry_id == models.Entry.id)
        .where(models.Entry.date >= first, models.Entry.date <= today)
        .group_by(models.Entry.date)
    )
    if skill_id is not None:
        statement = statement.where(evidence.skill_id == skill_id)
    counts: Counter[int] = Counter()
    for day, number in session.execute(statement):
        counts[(day - first).days // 7] += number
    return [counts[week] for week in range(weeks)]
