"""The closed vocabularies of the journal (PRODUCT.md, "The words we use").

Stored as their string values so the database and the JSON export stay readable.
"""

from __future__ import annotations

from enum import StrEnum


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


class ChangeDisplay(StrEnum):
    """How a metric's change is shown; a metric without one infers it from its unit."""

    PERCENT = "percent"
    DIFFERENCE = "difference"
    NONE = "none"
