"""The weekly reminder's rule, on chosen moments instead of a clock."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from pmjournal.domain.reminder import ReminderSettings, reminder_due, reminder_moment

FRIDAY_4PM = ReminderSettings(enabled=True, weekday=4, at=time(16, 0))
# 2026-06-12 is a Friday (ISO week 2026-W24).
BEFORE = datetime(2026, 6, 12, 15, 59)
AT = datetime(2026, 6, 12, 16, 0)
SATURDAY = datetime(2026, 6, 13, 9, 30)
NEXT_MONDAY = datetime(2026, 6, 15, 8, 0)


def test_off_by_default_and_never_due_when_off() -> None:
    assert ReminderSettings().enabled is False
    assert not reminder_due(AT, ReminderSettings(), week_written=False, last_shown=None)


def test_due_from_the_chosen_day_and_time_until_the_week_ends() -> None:
    assert not reminder_due(BEFORE, FRIDAY_4PM, week_written=False, last_shown=None)
    assert reminder_due(AT, FRIDAY_4PM, week_written=False, last_shown=None)
    assert reminder_due(SATURDAY, FRIDAY_4PM, week_written=False, last_shown=None)
    assert not reminder_due(NEXT_MONDAY, FRIDAY_4PM, week_written=False, last_shown=None)


def test_quiet_when_the_week_is_written() -> None:
    assert not reminder_due(AT, FRIDAY_4PM, week_written=True, last_shown=None)
    assert not reminder_due(SATURDAY, FRIDAY_4PM, week_written=True, last_shown=None)


def test_shown_once_a_week() -> None:
    assert not reminder_due(SATURDAY, FRIDAY_4PM, week_written=False, last_shown=AT)
    last_week = datetime(2026, 6, 5, 16, 1)
    assert reminder_due(SATURDAY, FRIDAY_4PM, week_written=False, last_shown=last_week)


def test_the_moment_is_in_the_week_of_now() -> None:
    sunday = ReminderSettings(enabled=True, weekday=6, at=time(20, 30))
    assert reminder_moment(datetime(2026, 6, 8, 0, 0), sunday) == datetime(2026, 6, 14, 20, 30)
    with pytest.raises(ValueError, match="weekday"):
        ReminderSettings(weekday=7)
