"""Faults as dialogs that say what happened and what to do, never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from pmjournal.domain.errors import PmJournalError, ValidationError

_log = logging.getLogger("pmjournal.ui")


def explain(error: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for any error."""
    if isinstance(error, ValidationError):
        return error.message, "Correct it and try again."
    if isinstance(error, PmJournalError):
        return str(error), "Nothing was changed."
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return (
            f"The journal's files could not be used{where}: {error.strerror or error}",
            "Check that the disk has room and the folder can be written, then try again.",
        )
    return (
        f"Something unexpected went wrong: {type(error).__name__}: {error}",
        "Your saved entries are safe. Restart pmjournal; if it happens again, run it from a "
        "terminal with PMJOURNAL_DEBUG=1 and report what it prints.",
    )


def show_error(parent: QWidget | None, error: BaseException, title: str = "pmjournal") -> None:
    what, todo = explain(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, what, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(todo)
    box.exec()


def install_fault_dialogs(parent: QWidget) -> None:
    """Route uncaught errors on the GUI thread to a dialog; the traceback goes to the log."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        _log.error("".join(traceback.format_exception(kind, error, tb)))
        show_error(parent, error)

    sys.excepthook = hook
