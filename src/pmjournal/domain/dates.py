"""Parsing and naming of dates and ISO weeks, with errors a user can act on."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pmjournal.domain.errors import ValidationError

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ISO_WEEK = re.compile(r"^([0-9]{4})-W([0-9]{2})$")


def parse_date(text: str, field: str = "date") -> date:
    """Parse YYYY-MM-DD strictly; '2026-02-30' is an error, not March 2nd.

    Python also reads '20260101' and '2026-W01-1' as dates; a journal date is written one way.
    """
    clean = text.strip()
    try:
        if not _ISO_DATE.match(clean):
            raise ValueError(clean)
        return date.fromisoformat(clean)
    except ValueError:
        raise ValidationError(
            f"{text!r} is not a valid date (expected YYYY-MM-DD)", field
        ) from None


def parse_iso_week(text: str, field: str = "week") -> tuple[date, date]:
    """Return Monday and Sunday of an ISO week written as YYYY-Www."""
    match = _ISO_WEEK.match(text.strip())
    if not match:
        raise ValidationError(f"{text!r} is not an ISO week (expected YYYY-Www)", field)
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValidationError(f"{text!r} is not a week of {year}", field) from None
    if monday > date.max - timedelta(days=6):
        raise ValidationError(f"{text!r} runs past the last date pmjournal can show", field)
    return monday, monday + timedelta(days=6)


def iso_week_label(day: date) -> str:
    """The YYYY-Www label of the week holding ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
