"""Checks shared by the record drafts: texts, dates in order, vocabularies, numbers.

Each raises ``ValidationError`` with the field it concerns, so the CLI prints one line and
the GUI puts the message next to that field.
"""

from __future__ import annotations

import math
import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from pmjournal.domain.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

NAME_MAX = 200
_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")


def required_text(value: str, field: str, what: str, limit: int = NAME_MAX) -> str:
    """``value`` stripped; refused when empty or longer than ``limit`` characters."""
    clean = value.strip()
    if not clean:
        raise ValidationError(f"{what} cannot be empty", field)
    return optional_text(clean, field, limit)


def optional_text(value: str, field: str, limit: int | None = None) -> str:
    clean = value.strip()
    if limit is not None and len(clean) > limit:
        raise ValidationError(f"at most {limit} characters (this has {len(clean)})", field)
    return clean


def dates_in_order(start: date | None, end: date | None, field: str = "end_date") -> None:
    """An end before its start is a typo the user wants to hear about, not a negative span."""
    if start is not None and end is not None and end < start:
        raise ValidationError(f"ends on {end} before it starts on {start}", field)


def span_in_order(since: date | None, until: date | None) -> None:
    """A filter's span, "since" to "until", must not be empty by a typo."""
    if since is not None and until is not None and until < since:
        raise ValidationError(f"until {until} is before since {since}", "until")


def vocabulary(value: str, kind: type[E], field: str) -> E:
    """The member of ``kind`` the user typed (any case), or an error listing the choices."""
    try:
        return kind(value.strip().lower())
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise ValidationError(f"{value!r} is not one of {choices}", field) from None


def finite_number(value: float | None, field: str) -> float | None:
    """A recorded number must be a real one: NaN or infinity would poison every change."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"{value!r} is not a number", field)
    if not math.isfinite(value):
        raise ValidationError(f"{value!r} is not a finite number", field)
    return float(value)


def parse_number(text: str, field: str) -> float | None:
    """'42', '-3.5', '1,200' as typed; '' means no value. Units go in their own field."""
    clean = text.strip().replace("\u2212", "-")
    if not clean:
        return None
    if _THOUSANDS.match(clean):
        clean = clean.replace(",", "")
    try:
        number = float(clean)
    except ValueError:
        hint = " (put the unit in its own field)" if re.match(r"^[+-]?[0-9.]+", clean) else ""
        raise ValidationError(f"{text!r} is not a number{hint}", field) from None
    if not math.isfinite(number):
        raise ValidationError(f"{text!r} is not a finite number", field)
    return number
