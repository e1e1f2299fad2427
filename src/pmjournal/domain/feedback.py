"""Feedback: what someone said, about what, and what the user did about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import FeedbackKind, Relationship

MAX_TEXT = 20_000


@dataclass(frozen=True)
class FollowUp:
    """What the user did about a piece of feedback, whether that is done, and when."""

    text: str = ""
    done: bool = False
    on: date | None = None


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    date: date
    person: str | None
    relationship: str
    kind: str
    text: str
    follow_up: FollowUp
    projects: tuple[str, ...]
    skills: tuple[str, ...]
    confidential: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class FeedbackDraft:
    """What the user typed; names are resolved (and checked) when it is saved.

    ``relationship`` None takes the person's relationship, or ``peer`` without a person.
    """

    text: str
    day: date | None = None
    person: str | None = None
    relationship: Relationship | None = None
    kind: FeedbackKind = FeedbackKind.PRAISE
    projects: Sequence[str] = field(default_factory=tuple)
    skills: Sequence[str] = field(default_factory=tuple)
    confidential: bool = False


def validate_feedback(draft: FeedbackDraft) -> None:
    """Checks that need no journal, so a front end can refuse before opening one."""
    if not draft.text.strip():
        raise ValidationError("feedback needs the words that were said", "text")
    if len(draft.text) > MAX_TEXT:
        raise ValidationError(f"feedback is at most {MAX_TEXT} characters", "text")
    if draft.person is not None and not draft.person.strip():
        raise ValidationError("a person needs a name (or leave it out)", "person")


def validate_follow_up(follow_up: FollowUp) -> None:
    if len(follow_up.text) > MAX_TEXT:
        raise ValidationError(f"a follow-up is at most {MAX_TEXT} characters", "follow_up")
    if follow_up.on is not None and not follow_up.text.strip() and not follow_up.done:
        raise ValidationError("a follow-up date needs what you did, or done", "follow_up_on")
