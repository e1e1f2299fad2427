"""Printing records: one JSON shape for ``--json``, short aligned lines for people."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

import click

from pmjournal.domain.paging import Page


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _plain(v) for key, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def echo_json(value: Any) -> None:
    """A record, or a page as ``{"total": N, "items": [...]}``, as indented UTF-8 JSON."""
    if isinstance(value, Page):
        value = {"total": value.total, "items": [_plain(item) for item in value.items]}
    click.echo(json.dumps(_plain(value), ensure_ascii=False, indent=2))


def echo_fields(pairs: list[tuple[str, object]]) -> None:
    """``Label:   value`` lines, leaving out empty values."""
    width = max(len(label) for label, _ in pairs) + 2
    for label, value in pairs:
        if value in (None, "", ()):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
        click.echo(f"{label + ':':{width}}{shown}")


def echo_page_footer(page: Page[Any], offset: int, noun: str) -> None:
    """'Showing 1–50 of 230 feedback (--offset 50 for more).' when the page is not everything."""
    if not page.items:
        click.echo(f"No {noun} found.")
        return
    if len(page.items) < page.total:
        last = offset + len(page.items)
        more = f" (--offset {last} for more)" if last < page.total else ""
        click.echo(f"Showing {offset + 1}–{last} of {page.total} {noun}{more}.")


def one_line(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def parse_optional_date(text: str | None, field: str) -> date | None:
    from pmjournal.domain.dates import parse_date

    return parse_date(text, field) if text else None
