"""Goals for an internship, with dated check-ins recording progress towards them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import GoalStatus

MAX_TITLE = 300


@dataclass(frozen=True)
class CheckinRecord:
    id: int
    goal_id: int
    date: date
    note: str
    progress: int | None


@dataclass(frozen=True)
class GoalRecord:
    id: int
    title: str
    description: str
    target_date: date | None
    status: str
    internship_id: int | None
    internship: str | None
    checkins: tuple[CheckinRecord, ...]
    created_at: datetime
    updated_at: datetime

    @property
    def progress(self) -> int | None:
        """The latest check-in that measured progress, in percent."""
        measured = [c.progress for c in self.checkins if c.progress is not None]
        return measured[-1] if measured else None


@dataclass(frozen=True)
class GoalDraft:
    """``internship`` is an internship id; the front end resolves what the user typed."""

    title: str
    description: str = ""
    target_date: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    internship: int | None = None


@dataclass(frozen=True)
class CheckinDraft:
    note: str = ""
    day: date | None = None
    progress: int | None = None


def validate_goal(draft: GoalDraft) -> None:
    if not draft.title.strip():
        raise ValidationError("a goal needs a title", "title")
    if len(draft.title) > MAX_TITLE:
        raise ValidationError(f"a goal title is at most {MAX_TITLE} characters", "title")


def validate_checkin(draft: CheckinDraft) -> None:
    if draft.progress is not None and not 0 <= draft.progress <= 100:
        raise ValidationError(f"progress is 0 to 100 percent (got {draft.progress})", "progress")
    if not draft.note.strip() and draft.progress is None:
        raise ValidationError("a check-in needs a note or a progress figure", "note")
