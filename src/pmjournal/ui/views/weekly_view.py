"""This week's update (or any week's): read it, copy it as Markdown or plain text.

Markdown pastes into chat and docs; plain text into an email. The week is the ISO week holding
the chosen day, this week by default; the arrows step a week at a time.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmjournal.ui import output_ops
from pmjournal.ui.output_ops import WeeklyText
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal


class WeeklyView(QWidget):
    statusMessage = Signal(str)
    loaded = Signal()

    def __init__(self, journal: Journal, runner: TaskRunner) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self.shown: WeeklyText | None = None
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("weekly-day")
        self.day.setAccessibleName("A day of the week to report")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _day: self.load())
        self.week = QLabel("")
        self.week.setObjectName("weekly-week")
        self.text = QTextBrowser()
        self.text.setObjectName("weekly-text")
        self.text.setAccessibleName("The weekly update")
        self.text.setOpenLinks(False)

        row = QHBoxLayout()
        previous = QPushButton("◀")
        previous.setAccessibleName("Previous week")
        previous.clicked.connect(lambda: self.step(-1))
        following = QPushButton("▶")
        following.setAccessibleName("Next week")
        following.clicked.connect(lambda: self.step(1))
        this_week = QPushButton("This week")
        this_week.clicked.connect(lambda: self.set_day(date.today()))
        for widget in (QLabel("Week of"), self.day, previous, following, this_week, self.week):
            row.addWidget(widget)
        row.addStretch(1)
        for label, name, markdown in (
            ("Copy as Markdown", "copy-weekly-markdown", True),
            ("Copy as text", "copy-weekly-text", False),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, m=markdown: self.copy(markdown=m))
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)

    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def step(self, weeks: int) -> None:
        self.set_day(self.chosen_day() + timedelta(weeks=weeks))

    def load(self) -> None:
        day = self.chosen_day()
        self._runner.run(lambda: output_ops.weekly(self._journal, day), self._show)

    def _show(self, weekly: WeeklyText) -> None:
        self.shown = weekly
        self.week.setText(weekly.update.week)
        self.text.setMarkdown(weekly.markdown)
        self.loaded.emit()

    def copy(self, *, markdown: bool) -> None:
        if self.shown is None:
            return
        QGuiApplication.clipboard().setText(self.shown.markdown if markdown else self.shown.text)
        self.statusMessage.emit(
            f"Weekly update {self.shown.update.week} copied as {'Markdown' if markdown else 'text'}"
        )
