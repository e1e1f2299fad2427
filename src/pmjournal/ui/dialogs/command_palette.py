"""Ctrl+Shift+P: every action with its shortcut, filtered fuzzily as you type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pmjournal.ui.fuzzy import fuzzy_score

_ActionRole = Qt.ItemDataRole.UserRole + 1


class CommandPalette(QDialog):
    def __init__(self, entries: list[tuple[str, str, QAction]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Commands")
        self.setObjectName("command-palette")
        self._entries = entries
        self.query = QLineEdit()
        self.query.setAccessibleName("Command")
        self.query.setPlaceholderText("Type a command…")
        self.list = QListWidget()
        self.list.setAccessibleName("Commands")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list, 1)
        self.resize(560, 420)
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        self.list.itemActivated.connect(self._run)
        self._filter("")

    def _filter(self, typed: str) -> None:
        self.list.clear()
        scored = [
            (fuzzy_score(typed, label), label, keys, act) for label, keys, act in self._entries
        ]
        kept = [s for s in scored if s[0] is not None]
        if typed:
            kept.sort(key=lambda s: -(s[0] or 0))
        for _score, label, keys, action in kept:
            item = QListWidgetItem(f"{label}\t{keys}" if keys else label)
            item.setData(_ActionRole, action)
            item.setToolTip(keys)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.list.setCurrentRow((self.list.currentRow() + step) % self.list.count())
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._run(item)
                return True
        return False

    def _run(self, item: QListWidgetItem) -> None:
        action = item.data(_ActionRole)
        self.accept()
        if isinstance(action, QAction):
            action.trigger()
