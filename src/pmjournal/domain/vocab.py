"""The closed vocabularies of the journal (PRODUCT.md, "The words we use").

Stored as their string values so the database and the JSON export stay readable.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from pmjournal.domain.errors import ValidationError

E = TypeVar("E", bound=StrEnum)


class EntryKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    SHIPPED = "shipped"
    PAUSED = "paused"
    CANCELLED = "cancelled"


class Direction(StrEnum):
    """Which way a metric gets better."""

    HIGHER = "higher"
    LOWER = "lower"


class Relationship(StrEnum):
    MENTOR = "mentor"
    MANAGER = "manager"
    PEER = "peer"
    USER = "user"
    STAKEHOLDER = "stakeholder"
    OTHER = "other"


class FeedbackKind(StrEnum):
    PRAISE = "praise"
    CONSTRUCTIVE = "constructive"
    SUGGESTION = "suggestion"


class GoalStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


def parse_choice(enum: type[E], value: str, field: str) -> E:
    """Turn user text into a vocabulary member, or say which words are allowed."""
    try:
        return enum(value.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValidationError(f"{value!r} is not one of: {allowed}", field) from None
