"""Asking before a delete, saying what it affects and that Ctrl+Z brings it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_delete(
    parent: QWidget, what: str, effect: str, confirmed: Callable[[], None]
) -> QMessageBox:
    """Open (not exec) the question, so the event loop and tests keep running."""
    box = QMessageBox(parent)
    box.setObjectName("confirm-delete")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"Delete {what}?")
    box.setText(f"Delete {what}?")
    box.setInformativeText(
        f"{effect[:1].upper()}{effect[1:]}. Edit ▸ Undo (Ctrl+Z) brings it back."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    delete = box.button(QMessageBox.StandardButton.Yes)
    delete.setText("Delete")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.buttonClicked.connect(lambda button: confirmed() if button is delete else None)
    box.open()
    return box
