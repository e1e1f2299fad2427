"""One page of a list and the total it comes from, so a view can fetch lazily and show "n of N"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pmjournal.domain.errors import ValidationError

T = TypeVar("T")

MAX_LIMIT = 1000


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int


def check_window(limit: int, offset: int) -> None:
    """Refuse a page that cannot be asked of SQLite sensibly (a negative offset, no rows)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"a page holds 1 to {MAX_LIMIT} records (got {limit})", "limit")
    if offset < 0:
        raise ValidationError(f"an offset cannot be negative (got {offset})", "offset")
