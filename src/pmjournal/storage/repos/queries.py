"""Query pieces every repository uses: text filters, counted subqueries, one page of rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import PageRequest

_ESCAPE = "\\"


def contains_text(columns: Sequence[Any], text: str) -> ColumnElement[bool]:
    """Any of ``columns`` contains ``text``, ignoring case; % and _ are matched literally."""
    escaped = (
        text.strip()
        .replace(_ESCAPE, _ESCAPE * 2)
        .replace("%", _ESCAPE + "%")
        .replace("_", _ESCAPE + "_")
    )
    return or_(*(column.ilike(f"%{escaped}%", escape=_ESCAPE) for column in columns))


def count_where(session: Session, entity: Any, conditions: Sequence[ColumnElement[bool]]) -> int:
    return session.scalar(select(func.count()).select_from(entity).where(*conditions)) or 0


def window(statement: Select[Any], request: PageRequest) -> Select[Any]:
    return statement.limit(request.limit).offset(request.offset)


def require_row(session: Session, model: type[Any], row_id: int, kind: str) -> Any:
    """The row with ``row_id``, or the refusal a user sees for an id that does not exist."""
    row = session.get(model, row_id)
    if row is None:
        raise ValidationError(f"no {kind} with id {row_id}", kind)
    return row
