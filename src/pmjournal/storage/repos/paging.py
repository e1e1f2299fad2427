"""Counting and slicing one query, so every list returns a page and its total."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from pmjournal.domain.paging import Page, PageRequest

T = TypeVar("T")


def page_of(
    session: Session,
    query: Select[Any],
    convert: Callable[[Any], T],
    limit: int,
    offset: int,
) -> Page[T]:
    """``query`` selects one ORM entity, ordered; the total counts every row it would return."""
    PageRequest(limit, offset)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.scalars(query.limit(limit).offset(offset)).unique()
    return Page(tuple(convert(row) for row in rows), total or 0, offset)
