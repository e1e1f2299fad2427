"""A message shown next to the field the user must fix (``ValidationError.field``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color:#e0524f;font-weight:600;"
"""Readable on the light (#ffffff) and the dark (#202124) window alike."""


class FieldError(QLabel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(ERROR_STYLE)
        self.field = ""
        self.hide()

    def show_error(self, message: str, field: str = "") -> None:
        self.field = field
        self.setText(message[:1].upper() + message[1:])
        self.setAccessibleName(f"Error: {message}")
        self.show()

    def clear_error(self) -> None:
        self.field = ""
        self.setText("")
        self.hide()
