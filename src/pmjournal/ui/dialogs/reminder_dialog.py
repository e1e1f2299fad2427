"""File ▸ Weekly reminder…: turn the reminder on, choose its day and time."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from pmjournal.domain.reminder import WEEKDAYS, ReminderSettings
from pmjournal.ui.reminder_tray import load_reminder, save_reminder


class ReminderDialog(QDialog):
    def __init__(self, current: ReminderSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Weekly reminder")
        self.enabled = QCheckBox("Remind me to write this week's entry")
        self.enabled.setChecked(current.enabled)
        self.weekday = QComboBox()
        self.weekday.addItems(list(WEEKDAYS))
        self.weekday.setCurrentIndex(current.weekday)
        self.at = QTimeEdit(QTime(current.at.hour, current.at.minute))
        self.at.setDisplayFormat("HH:mm")
        note = QLabel(
            "A notification from the system tray while pmjournal is open; it stays quiet "
            "once the week's weekly entry is written."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow("Day", self.weekday)
        form.addRow("Time", self.at)
        form.addRow(note)
        form.addRow(buttons)

    def chosen(self) -> ReminderSettings:
        at = self.at.time()
        return ReminderSettings(
            enabled=self.enabled.isChecked(),
            weekday=self.weekday.currentIndex(),
            at=time(at.hour(), at.minute()),
        )


def edit_reminder(settings: QSettings, parent: QWidget | None = None) -> bool:
    """Show the dialog over ``parent``; True when the user saved new choices."""
    dialog = ReminderDialog(load_reminder(settings), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    save_reminder(settings, dialog.chosen())
    return True
