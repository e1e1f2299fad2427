"""The weekly reminder's tray shell over a real journal, checked at chosen moments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from pmjournal.domain.reminder import ReminderSettings
from pmjournal.services.journal import Journal, open_journal
from pmjournal.ui import journal_ops
from pmjournal.ui.app import application
from pmjournal.ui.reminder_tray import ReminderTray, load_reminder, save_reminder
from pmjournal.ui.tasks import SyncRunner

# The demo journal writes a weekly entry every week from June to August 2026.
WRITTEN_WEEK_FRIDAY = datetime(2026, 6, 12, 17, 0)
EMPTY_WEEK_FRIDAY = datetime(2026, 10, 16, 17, 0)


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Journal]:
    journal = open_journal(demo_dir, auto_backup=False)
    yield journal
    journal.close()


def tray(settings: QSettings, journal: Journal, opened: list[str]) -> ReminderTray:
    application()
    return ReminderTray(
        journal,
        SyncRunner(),
        settings,
        QIcon(),
        new_entry=lambda: opened.append("daily"),
        new_weekly=lambda: opened.append("weekly"),
        show_window=lambda: opened.append("window"),
    )


def test_off_by_default_then_remembered(qtbot: QtBot, tmp_path: Path, demo: Journal) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert load_reminder(settings) == ReminderSettings()
    shell = tray(settings, demo, [])
    assert not shell.icon.isVisible()
    shell.check(EMPTY_WEEK_FRIDAY)
    assert settings.value("reminder/last-shown") is None
    chosen = ReminderSettings(enabled=True, weekday=2, at=time(9, 30))
    save_reminder(settings, chosen)
    assert load_reminder(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)) == chosen


def test_quiet_for_a_written_week_shown_once_for_an_empty_one(
    qtbot: QtBot, tmp_path: Path, demo: Journal
) -> None:
    assert journal_ops.week_written(demo, WRITTEN_WEEK_FRIDAY.date())
    assert not journal_ops.week_written(demo, EMPTY_WEEK_FRIDAY.date())
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    save_reminder(settings, ReminderSettings(enabled=True, weekday=4, at=time(16, 0)))
    opened: list[str] = []
    shell = tray(settings, demo, opened)
    shell.check(WRITTEN_WEEK_FRIDAY)
    assert settings.value("reminder/last-shown") is None
    shell.check(EMPTY_WEEK_FRIDAY)
    assert settings.value("reminder/last-shown") == "2026-10-16T17:00"
    shell.check(EMPTY_WEEK_FRIDAY.replace(hour=18))
    assert settings.value("reminder/last-shown") == "2026-10-16T17:00"
    shell.icon.messageClicked.emit()
    assert opened == ["weekly"]
    shell.hide()


def test_the_dialog_shows_and_returns_the_choices(qtbot: QtBot) -> None:
    from pmjournal.ui.dialogs.reminder_dialog import ReminderDialog

    application()
    chosen = ReminderSettings(enabled=True, weekday=6, at=time(20, 15))
    dialog = ReminderDialog(chosen)
    qtbot.addWidget(dialog)
    assert dialog.weekday.currentText() == "Sunday"
    assert dialog.chosen() == chosen
    dialog.enabled.setChecked(False)
    dialog.weekday.setCurrentIndex(0)
    assert dialog.chosen() == ReminderSettings(enabled=False, weekday=0, at=time(20, 15))
