"""A page of a list and the total it was cut from, so a view can fetch more lazily.

Every ``list_*`` service returns a ``Page``: a Qt item model shows ``items`` and asks for the
next page while ``has_more`` is true (``canFetchMore``/``fetchMore``), and a scroll bar or
"41 projects" label reads ``total`` without loading every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pmjournal.domain.errors import ValidationError

T = TypeVar("T")

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@dataclass(frozen=True)
class PageRequest:
    """Which slice of a list to read: at most ``limit`` items after skipping ``offset``."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.limit, bool) or not 1 <= self.limit <= MAX_LIMIT:
            raise ValidationError(f"a page holds 1 to {MAX_LIMIT} items", "limit")
        if isinstance(self.offset, bool) or self.offset < 0:
            raise ValidationError("an offset is 0 or more", "offset")


@dataclass(frozen=True)
class Page(Generic[T]):
    """``items`` of one page, in order, and ``total``: how many match the whole query."""

    items: tuple[T, ...]
    total: int
    offset: int = 0

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total

    @property
    def next_offset(self) -> int:
        return self.offset + len(self.items)

    def __len__(self) -> int:
        return len(self.items)
