"""The weekly reminder's rule: a pure function of the time, the settings and the journal.

Off by default. When on, it is due once the chosen weekday and time of the current ISO week
have passed, and stays due until the week's entry is written or the user has seen it once
that week, so it never nags twice and never fires for a week already written. The tray that
shows it (``ui/reminder_tray.py``) only asks this function, so the rule is tested without a
clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = False
    weekday: int = 4
    at: time = time(16, 0)

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday runs from 0 (Monday) to 6 (Sunday), not {self.weekday}")


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def reminder_moment(now: datetime, settings: ReminderSettings) -> datetime:
    """When the reminder falls in the ISO week holding ``now``."""
    day = monday_of(now.date()) + timedelta(days=settings.weekday)
    return datetime.combine(day, settings.at, tzinfo=now.tzinfo)


def reminder_due(
    now: datetime,
    settings: ReminderSettings,
    *,
    week_written: bool,
    last_shown: datetime | None,
) -> bool:
    """Should the reminder show now?

    ``week_written``: the journal already holds this week's weekly entry; ``last_shown``:
    when the reminder last showed (None if never).
    """
    if not settings.enabled or week_written:
        return False
    moment = reminder_moment(now, settings)
    if now < moment:
        return False
    return last_shown is None or last_shown < moment
