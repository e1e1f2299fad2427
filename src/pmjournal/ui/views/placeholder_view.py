"""A view that is coming in a later part of the desktop app, saying what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, promise: str) -> None:
        super().__init__()
        heading = QLabel(f"<h2>{title}</h2>")
        text = QLabel(promise)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)
        self.setAccessibleName(title)
