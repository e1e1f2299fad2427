"""The weekly reminder in the system tray: a thin shell around ``domain.reminder``.

Off by default (File ▸ Weekly reminder…). When on, a tray icon offers "New entry" and a
minute timer asks ``reminder_due`` whether to show the notification; the journal part of the
question (is this week's entry written?) runs on the worker like any other read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from pmjournal.domain.reminder import ReminderSettings, reminder_due
from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

CHECK_MS = 60_000
TITLE = "Time for this week's entry"
MESSAGE = "What did you do, learn and hear this week? Ctrl+Shift+N starts from the prompts."


def load_reminder(settings: QSettings) -> ReminderSettings:
    at = time.fromisoformat(str(settings.value("reminder/time", "16:00")))
    return ReminderSettings(
        enabled=str(settings.value("reminder/enabled", "false")) == "true",
        weekday=int(str(settings.value("reminder/weekday", 4))),
        at=at,
    )


def save_reminder(settings: QSettings, reminder: ReminderSettings) -> None:
    settings.setValue("reminder/enabled", "true" if reminder.enabled else "false")
    settings.setValue("reminder/weekday", reminder.weekday)
    settings.setValue("reminder/time", reminder.at.strftime("%H:%M"))


def _last_shown(settings: QSettings) -> datetime | None:
    text = str(settings.value("reminder/last-shown", "") or "")
    return datetime.fromisoformat(text) if text else None


class ReminderTray(QObject):
    def __init__(
        self,
        journal: Journal,
        runner: TaskRunner,
        settings: QSettings,
        icon: QIcon,
        new_entry: Callable[[], None],
        new_weekly: Callable[[], None],
        show_window: Callable[[], None],
    ) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._settings = settings
        self._menu = QMenu()
        self._menu.addAction("New entry", new_entry)
        self._menu.addAction("Show pmjournal", show_window)
        self.icon = QSystemTrayIcon(icon)
        self.icon.setToolTip("pmjournal")
        self.icon.setContextMenu(self._menu)
        self.icon.messageClicked.connect(new_weekly)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self.apply()

    def apply(self) -> None:
        """Show or hide the tray icon as the settings say, and check at once."""
        enabled = load_reminder(self._settings).enabled
        self.icon.setVisible(enabled and QSystemTrayIcon.isSystemTrayAvailable())
        if enabled:
            self._timer.start()
            self.check()
        else:
            self._timer.stop()

    def check(self, now: datetime | None = None) -> None:
        moment = now or datetime.now()
        reminder = load_reminder(self._settings)
        if not reminder.enabled:
            return
        self._runner.run(
            lambda: journal_ops.week_written(self._journal, moment.date()),
            lambda written: self._decide(moment, reminder, written),
        )

    def _decide(self, now: datetime, reminder: ReminderSettings, written: bool) -> None:
        if reminder_due(
            now, reminder, week_written=written, last_shown=_last_shown(self._settings)
        ):
            self._settings.setValue("reminder/last-shown", now.isoformat(timespec="minutes"))
            self.icon.showMessage(TITLE, MESSAGE, QSystemTrayIcon.MessageIcon.Information)

    def hide(self) -> None:
        self._timer.stop()
        self.icon.hide()
