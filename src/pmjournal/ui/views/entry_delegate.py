"""How an entry looks in the list: its date in bold, the first line the user wrote below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from pmjournal.domain.records import EntryRecord
from pmjournal.ui.models.entries_model import EntryRole, summary_line

_PAD = 8


class EntryDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        record = index.data(EntryRole)
        widget = option.widget
        option.text = ""
        if widget is not None:
            widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, option, painter, widget
            )
        if not isinstance(record, EntryRecord):
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        rect: QRect = option.rect.adjusted(_PAD, _PAD // 2, -_PAD, -_PAD // 2)
        line = option.fontMetrics.lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text)
        kind = "  · weekly" if record.kind == "weekly" else ""
        links = "  ".join([*(f"@{p}" for p in record.projects), *(f"+{s}" for s in record.skills)])
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{record.date:%a %d %b %Y}{kind}",
        )
        painter.setFont(option.font)
        for row, (colour, words) in enumerate(((text, summary_line(record)), (muted, links)), 1):
            painter.setPen(colour)
            elided = option.fontMetrics.elidedText(words, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), rect.top() + row * line, rect.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(300, option.fontMetrics.lineSpacing() * 3 + _PAD + 2)
