"""The error types every front end knows how to show.

One type for user input that is wrong, carrying the field it concerns, so the CLI can turn it
into exit code 2 and the GUI can put the message next to the field.
"""

from __future__ import annotations


class PmJournalError(Exception):
    """Base of every error the application raises on purpose."""


class ValidationError(PmJournalError):
    """Input the user can fix: an impossible date, an unknown project, an empty text."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class JournalRefusedError(PmJournalError):
    """A journal file we must not touch: newer schema, not a database, or damaged."""


class DiskFullError(PmJournalError):
    """No space left where the journal or an output lives; nothing half-written was kept."""

    def __init__(self, folder: object) -> None:
        super().__init__(f"no space left on the disk holding {folder}; free some space")
        self.folder = folder
