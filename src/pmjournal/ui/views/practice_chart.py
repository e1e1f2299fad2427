"""Practice per week as bars, painted with QPainter.

Painted rather than QtCharts: twelve bars need no chart engine, and QtCharts would add the
PySide6-Addons wheel (about 150 MB) and a slow import to the app for one small picture. The
colours come from the palette, so the chart follows the light and dark themes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class PracticeChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("practice-chart")
        self.setAccessibleName("Practice per week")
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._counts: tuple[int, ...] = ()
        self._last_week = date.today()

    def sizeHint(self) -> QSize:
        return QSize(480, 150)

    def set_counts(self, counts: tuple[int, ...], today: date | None = None) -> None:
        self._counts = counts
        self._last_week = today or date.today()
        total = sum(counts)
        self.setAccessibleDescription(f"{total} entries over the last {len(counts)} weeks")
        self.update()

    def counts(self) -> tuple[int, ...]:
        return self._counts

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        metrics = painter.fontMetrics()
        label_height = metrics.height() + 4
        area = QRectF(self.rect()).adjusted(8, 8 + label_height, -8, -label_height - 4)
        if not self._counts:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No practice recorded yet")
            return
        top = max(max(self._counts), 1)
        step = area.width() / len(self._counts)
        monday = self._last_week - timedelta(days=self._last_week.weekday())
        for index, count in enumerate(self._counts):
            height = area.height() * count / top
            x = area.left() + index * step
            painter.fillRect(
                QRectF(x + step * 0.15, area.bottom() - height, step * 0.7, height), bar
            )
            painter.setPen(text)
            if count:
                painter.drawText(
                    QRectF(x, area.bottom() - height - label_height, step, label_height),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
            if index % 2 == len(self._counts) % 2 or len(self._counts) <= 8:
                week = monday - timedelta(weeks=len(self._counts) - 1 - index)
                painter.drawText(
                    QRectF(x - step / 2, area.bottom() + 2, step * 2, label_height),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{week:%d %b}",
                )
        painter.end()
