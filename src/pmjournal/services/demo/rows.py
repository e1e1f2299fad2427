"""Rows for the generated part of the demo, written with one bulk INSERT per table.

Ids are assigned here, before anything is written, so entries, links, evidence and metrics can
point at each other freely; a year of journal is then a dozen ``executemany`` calls instead of
thousands of ORM flushes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from pmjournal.storage import models

Row = dict[str, Any]
Target = type[models.Base] | Table

# Parents before children, so every foreign key points at a row already written.
_ORDER: tuple[Target, ...] = (
    models.Internship,
    models.Person,
    models.Project,
    models.Entry,
    models.Feedback,
    models.Goal,
    models.GoalCheckin,
    models.entry_projects,
    models.entry_tags,
    models.feedback_projects,
    models.Evidence,
    models.Metric,
)
_WITH_IDS: tuple[type[models.Base], ...] = (
    models.Internship,
    models.Person,
    models.Project,
    models.Entry,
    models.Feedback,
    models.Goal,
)


class Names(Protocol):
    """Finds (or creates) skills and tags by name, as ``demo._Resolver`` does."""

    def skill(self, name: str) -> models.Skill: ...

    def tag(self, name: str) -> models.Tag: ...


class RowWriter:
    """Pending rows by table, with the next free id of every table others refer to."""

    def __init__(
        self, session: Session, names: Names, skills: Iterable[str], tags: Iterable[str]
    ) -> None:
        self._session = session
        skill_rows = {name: names.skill(name) for name in skills}
        tag_rows = {name: names.tag(name) for name in tags}
        session.flush()
        self._skill_ids = {name: row.id for name, row in skill_rows.items()}
        self._tag_ids = {name: row.id for name, row in tag_rows.items()}
        self._next_id = {
            t: (session.scalar(select(func.max(t.id))) or 0) + 1  # type: ignore[attr-defined]
            for t in _WITH_IDS
        }
        self._pending: dict[Target, list[Row]] = {t: [] for t in _ORDER}
        self.entries = 0

    def take_id(self, table: type[models.Base]) -> int:
        self._next_id[table] += 1
        return self._next_id[table] - 1

    def add(self, table: Target, row: Row) -> None:
        self._pending[table].append(row)

    def flush(self) -> None:
        for table in _ORDER:
            if self._pending[table]:
                self._session.execute(insert(table), self._pending[table])
                self._pending[table] = []

    def add_entry(self, day: date, kind: str, title: str, body: str) -> int:
        entry_id = self.take_id(models.Entry)
        self.add(
            models.Entry, {"id": entry_id, "date": day, "kind": kind, "title": title, "body": body}
        )
        self.entries += 1
        return entry_id

    def link(self, entry_id: int, project_ids: Iterable[int], tags: Iterable[str]) -> None:
        for project_id in project_ids:
            self.add(models.entry_projects, {"entry_id": entry_id, "project_id": project_id})
        for tag in dict.fromkeys(tags):
            self.add(models.entry_tags, {"entry_id": entry_id, "tag_id": self._tag_ids[tag]})

    def add_evidence(self, skill: str, note: str, **source: int) -> None:
        """Evidence from exactly one of ``entry_id``, ``project_id`` or ``feedback_id``."""
        row: Row = {"entry_id": None, "project_id": None, "feedback_id": None, **source}
        self.add(models.Evidence, {**row, "skill_id": self._skill_ids[skill], "note": note})
