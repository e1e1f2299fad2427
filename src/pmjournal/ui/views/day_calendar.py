"""A month calendar that shades each day by the words the user wrote on it."""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QToolButton

from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

# Words written that day → how strongly it is shaded (a few lines, a paragraph, a real entry).
SHADES = ((150, 200), (40, 130), (1, 70))


def shade_alpha(words: int) -> int:
    """0 for no words, then three steps of the same accent colour."""
    return next((alpha for floor, alpha in SHADES if words >= floor), 0)


class DayCalendar(QCalendarWidget):
    dayChosen = Signal(object)

    def __init__(self, journal: Journal, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("day-calendar")
        self.setAccessibleName("Calendar of entries")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._journal = journal
        self._runner = runner
        self.days: dict[date, journal_ops.DayWords] = {}
        for name, label in (
            ("qt_calendar_prevmonth", "Previous month"),
            ("qt_calendar_nextmonth", "Next month"),
        ):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(label)
                button.setToolTip(label)
        self.currentPageChanged.connect(lambda _y, _m: self.reload())
        self.activated.connect(lambda qdate: self.dayChosen.emit(qdate.toPython()))
        self.clicked.connect(lambda qdate: self.dayChosen.emit(qdate.toPython()))

    def selected_day(self) -> date:
        picked = self.selectedDate().toPython()
        assert isinstance(picked, date)
        return picked

    def reload(self) -> None:
        year, month = self.yearShown(), self.monthShown()
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        self._runner.run(
            lambda: journal_ops.month_words(self._journal, first, last),
            lambda days: self._shade(first, last, days),
        )

    def _shade(self, first: date, last: date, days: dict[date, journal_ops.DayWords]) -> None:
        if (first.year, first.month) != (self.yearShown(), self.monthShown()):
            return
        self.setDateTextFormat(QDate(), QTextCharFormat())
        self.days = days
        accent = self.palette().highlight().color()
        for day, found in days.items():
            fmt = QTextCharFormat()
            colour = QColor(accent)
            colour.setAlpha(shade_alpha(found.words) or 40)
            fmt.setBackground(colour)
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setToolTip(f"{found.words} words written")
            self.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
