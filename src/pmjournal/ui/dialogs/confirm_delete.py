"""Asking before a delete, saying what it affects and that Ctrl+Z brings it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from pmjournal.ui import record_ops

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.ui.tasks import TaskRunner


def ask_to_delete(
    parent: QWidget,
    runner: TaskRunner,
    journal: Journal,
    record: tuple[str, int | str],
    what: str,
    confirmed: Callable[[], None],
) -> None:
    """Read on the worker what deleting ``record`` (kind, id or name) would affect, then ask.

    The open question is kept as ``parent.confirm``, where a test answers it.
    """
    kind, key = record
    runner.run(
        lambda: record_ops.delete_summary(journal, kind, key),
        lambda effect: setattr(parent, "confirm", ask_delete(parent, what, effect, confirmed)),
    )


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
