"""One contract for long work (portfolio, demo, import, exports, backup, restore).

A front end passes ``progress(stage, fraction)`` to hear how far the work is, and
``cancelled()`` which the work polls between steps; when it returns True the work stops, raises
``Cancelled`` and leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable

from pmjournal.domain.errors import PmJournalError

Progress = Callable[[str, float], None]
CancelCheck = Callable[[], bool]


class Cancelled(PmJournalError):
    """The user cancelled long work; nothing was written."""


def no_progress(_stage: str, _fraction: float) -> None:
    """The default when nobody is listening."""


def never_cancelled() -> bool:
    return False


def check_cancelled(cancelled: CancelCheck, what: str) -> None:
    """Raise ``Cancelled`` if the user asked to stop ``what``."""
    if cancelled():
        raise Cancelled(f"{what} cancelled; nothing was written")
