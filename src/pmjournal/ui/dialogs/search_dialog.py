"""Ctrl+K: search everything as you type; Enter opens the highlighted result.

Words match as prefixes and without accents ("resume" finds "résumé"): the journal's
full-text index folds diacritics, and the query goes through the same service as
``pmjournal search``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.services.search import SearchHit

_HitRole = Qt.ItemDataRole.UserRole + 1
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

    def _show(self, asked: int, hits: list[SearchHit]) -> None:
        if asked != self._asked:
            return
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(_HitRole, hit)
            label = QLabel(hit_html(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            item.setSizeHint(label.sizeHint())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label.text())
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
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
