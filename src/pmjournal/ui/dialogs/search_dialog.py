"""Ctrl+K: search everything as you type; Enter opens the highlighted result.

Words match as prefixes and without accents ("resume" finds "résumé"): the journal's
full-text index folds diacritics, and the query goes through the same service as
``pmjournal search``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.services.search import SearchHit

_HitRole = Qt.ItemDataRole.UserRole + 1
_HtmlRole = Qt.ItemDataRole.UserRole + 2
_PAD = 6
KIND_LABELS = {"entry": "Entry", "project": "Project", "feedback": "Feedback"}


def hit_html(hit: SearchHit) -> str:
    """Title line and snippet, with the matched words in bold on a highlight."""
    marked = html.escape(hit.highlighted("\x02", "\x03"))
    snippet = marked.replace("\x02", "<b style='background:#f5d76e;color:#000'>").replace(
        "\x03", "</b>"
    )
    when = f" · {hit.day:%d %b %Y}" if hit.day else ""
    title = html.escape(hit.title or KIND_LABELS.get(hit.kind, hit.kind))
    return f"<b>{KIND_LABELS.get(hit.kind, hit.kind)}{when}</b> — {title}<br>{snippet}"


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's rich text in three lines; only visible rows are ever laid out.

    A QLabel per row measured its wrapped rich text on every keystroke (about 2 ms a row);
    painting on demand keeps a keystroke's redraw to the rows on screen.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        rect: QRect = option.rect
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(_HtmlRole)))
        document.setTextWidth(rect.width() - 2 * _PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft() + QPoint(_PAD, _PAD // 2))
        painter.setClipRect(QRect(0, 0, rect.width() - 2 * _PAD, rect.height() - _PAD))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lines = option.fontMetrics.lineSpacing() * 3
        return QSize(400, lines + _PAD + 4)


class SearchDialog(QDialog):
    hitChosen = Signal(object)

    def __init__(self, journal: Journal, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Search the journal")
        self.setObjectName("search-dialog")
        self._journal = journal
        self._runner = runner
        self._asked = 0
        self.query = QLineEdit()
        self.query.setObjectName("search-query")
        self.query.setAccessibleName("Search")
        self.query.setPlaceholderText("Search entries, projects and feedback…")
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("search-results")
        self.results.setAccessibleName("Search results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setUniformItemSizes(True)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.status = QLabel("Type to search; ↑ ↓ to choose, Enter to open, Esc to close.")
        self.status.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.resize(720, 460)
        self.query.textChanged.connect(self._ask)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(self._choose)

    def _ask(self, text: str) -> None:
        self._asked += 1
        asked = self._asked
        if not text.strip():
            self._show(asked, [])
            return
        self._runner.run(
            lambda: journal_ops.search(self._journal, text),
            lambda hits: self._show(asked, hits),
            lambda error: self._show(asked, []),
        )

    def hit_text(self, row: int) -> str:
        """The rich text shown for result ``row``."""
        return str(self.results.item(row).data(_HtmlRole))

    def _show(self, asked: int, hits: list[SearchHit]) -> None:
        if asked != self._asked:
            return
        self.results.clear()
        for hit in hits:
            rich = hit_html(hit)
            item = QListWidgetItem()
            item.setData(_HitRole, hit)
            item.setData(_HtmlRole, rich)
            plain = QTextDocument()
            plain.setHtml(rich)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, plain.toPlainText())
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        typed = self.query.text().strip()
        self.status.setText(
            f"{len(hits)} result{'s' if len(hits) != 1 else ''}"
            if typed
            else "Type to search; ↑ ↓ to choose, Enter to open, Esc to close."
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.results.setCurrentRow(
                    (self.results.currentRow() + step) % self.results.count()
                )
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._choose(item)
                return True
        return False

    def _choose(self, item: QListWidgetItem) -> None:
        hit = item.data(_HitRole)
        self.accept()
        if hit is not None:
            self.hitChosen.emit(hit)
