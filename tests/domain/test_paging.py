"""Pages: what a view needs to fetch more, and the limits a caller cannot get wrong."""

from __future__ import annotations

import pytest

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import MAX_LIMIT, Page, PageRequest


def test_a_page_knows_whether_more_follow() -> None:
    first = Page(items=(1, 2), total=5)
    assert first.has_more and first.next_offset == 2 and len(first) == 2
    last = Page(items=(5,), total=5, offset=4)
    assert not last.has_more and last.next_offset == 5
    assert not Page(items=(), total=0).has_more


@pytest.mark.parametrize(
    ("limit", "offset", "field"),
    [(0, 0, "limit"), (MAX_LIMIT + 1, 0, "limit"), (True, 0, "limit"), (10, -1, "offset")],
)
def test_an_impossible_window_is_refused(limit: int, offset: int, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PageRequest(limit=limit, offset=offset)
    assert caught.value.field == field


def test_the_default_window_starts_at_the_top() -> None:
    request = PageRequest()
    assert request.offset == 0 and 1 <= request.limit <= MAX_LIMIT
