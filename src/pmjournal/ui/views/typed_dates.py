"""Dates the user types as YYYY-MM-DD in a field: empty is none, anything else is checked."""

from __future__ import annotations

from datetime import date

from pmjournal.domain.errors import ValidationError


def parse_day(text: str, field: str) -> date | None:
    """The date typed, None when empty; ``ValidationError`` naming ``field`` otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{text!r} is not a date (YYYY-MM-DD)", field) from None
