"""What the record commands share: reading typed dates and numbers, JSON, pages, refusals.

``edit`` options left out keep the stored value; an empty string clears an optional one
(``--end ""``). Lists print one line a record and, when more follow, how to see them.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

import click

from pmjournal.domain.dates import parse_date
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.field_checks import parse_number
from pmjournal.domain.paging import DEFAULT_LIMIT, MAX_LIMIT, Page

T = TypeVar("T")


def date_or_none(text: str | None, field: str) -> date | None:
    """A typed YYYY-MM-DD; None or '' for no date."""
    return parse_date(text, field) if text and text.strip() else None


def number_or_none(text: str | None, field: str) -> float | None:
    return parse_number(text, field) if text is not None else None


def given(**options: Any) -> dict[str, Any]:
    """The options the user typed (click gives None for the others)."""
    return {name: value for name, value in options.items() if value is not None}


def plain(value: Any) -> Any:
    """A frozen record as JSON-ready data: dates as YYYY-MM-DD, enums as their values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def echo_page(
    page: Page[T],
    *,
    as_json: bool,
    to_json: Callable[[T], Any],
    line: Callable[[T], str],
    noun: str,
    empty: str,
) -> None:
    """A page as JSON (``total``, ``offset``, ``items``) or one line a record plus a footer."""
    if as_json:
        items = [to_json(item) for item in page.items]
        echo_json({"total": page.total, "offset": page.offset, "items": items})
        return
    if not page.items:
        click.echo(empty if page.total == 0 else f"No more {noun} after {page.total}.")
        return
    for item in page.items:
        click.echo(line(item).rstrip())
    if page.has_more or page.offset:
        first, last = page.offset + 1, page.offset + len(page.items)
        more = f"; --offset {page.next_offset} for more" if page.has_more else ""
        click.echo(f"({first}-{last} of {page.total} {noun}{more})")


def echo_fields(rows: Iterable[tuple[str, object]]) -> None:
    """'Label:  value' lines for ``show``, leaving out empty values."""
    for label, value in rows:
        if value not in (None, ""):
            click.echo(f"{label + ':':16}{value}")


def counted(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def span(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{start or '…'} – {end or 'now'}"


def detach_option(what_it_does: str, *former: str) -> Callable[[Any], Any]:
    """``--detach``, the one flag every ``remove`` takes to go ahead when records are linked
    (``former`` keeps the spelling a command had before, so old scripts still run)."""
    return click.option(
        "--detach", *former, "detach", is_flag=True, help=f"If records are linked: {what_it_does}."
    )


def delete_with_choice(
    delete: Callable[[DeleteChoice], T],
    detach: bool,
    what_it_does: str,
    *,
    move_to: str | None = None,
    move_hint: str = "",
) -> T:
    """Run a delete with the choice the flags make; a refusal for links names the flags.

    No flag refuses while anything is linked; ``--detach`` is ``DeleteChoice.DETACH`` and
    ``--move-to`` (skills only) is ``DeleteChoice.MOVE``.
    """
    if detach and move_to is not None:
        raise ValidationError("choose --detach or --move-to, not both", "choice")
    choice = DeleteChoice.REFUSE
    if detach:
        choice = DeleteChoice.DETACH
    elif move_to is not None:
        choice = DeleteChoice.MOVE
    try:
        return delete(choice)
    except ValidationError as error:
        if error.field != "choice":
            raise
        how = f"add --detach to {what_it_does}" + (f", or {move_hint}" if move_hint else "")
        raise ValidationError(f"{error.message} ({how})", "choice") from None


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--limit`` and ``--offset``, for paging through long lists."""
    command = click.option(
        "--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many."
    )(command)
    return click.option(
        "--limit",
        default=DEFAULT_LIMIT,
        show_default=True,
        type=click.IntRange(1, MAX_LIMIT),
        help="Show at most this many.",
    )(command)
