"""The names an entry can link to, for completion in the editor."""

from __future__ import annotations

from pmjournal.domain.link_names import LinkNames
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import link_names as repo

__all__ = ["LinkNames", "link_names"]


def link_names(journal: Journal) -> LinkNames:
    """Every project, skill and tag name, the most recently linked first."""
    with journal.reading() as session:
        return repo.link_names(session)
