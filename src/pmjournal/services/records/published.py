"""The last step of every write: publish what it changed, then hand both to the caller."""

from __future__ import annotations

from typing import TypeVar

from pmjournal.domain.changes import Changes, Outcome
from pmjournal.storage.database import Journal

T = TypeVar("T")


def published(journal: Journal, value: T, changes: Changes) -> Outcome[T]:
    """Call after the transaction committed, so listeners never see a write that rolled back."""
    outcome = Outcome(value, changes)
    journal.changes.publish(changes)
    return outcome
