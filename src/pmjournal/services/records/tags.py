"""Tags: adding, renaming and merging keep every entry's label; deleting a tag in use needs the
explicit choice (``DeleteChoice.DETACH``) to take it off those entries."""

from __future__ import annotations

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.names import clean_tag
from pmjournal.domain.paging import Page
from pmjournal.domain.tags import TagRecord
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import tags as repo

__all__ = [
    "TagRecord",
    "add_tag",
    "delete_tag",
    "get_tag",
    "list_tags",
    "merge_tags",
    "rename_tag",
    "tag_delete_impact",
]


def _published(journal: Journal, value: TagRecord, changes: Changes) -> Outcome[TagRecord]:
    journal.changes.publish(changes)
    return Outcome(value, changes)


def add_tag(journal: Journal, name: str) -> Outcome[TagRecord]:
    clean = clean_tag(name, "name")
    with journal.transaction() as session:
        record = repo.add(session, clean)
    return _published(journal, record, Changes.of(created=[(Kind.TAG, record.id)]))


def rename_tag(journal: Journal, name: str, new_name: str) -> Outcome[TagRecord]:
    """Rename a tag on every entry at once; a name another tag has is refused (merge instead)."""
    clean = clean_tag(new_name, "name")
    with journal.transaction() as session:
        record = repo.rename(session, name, clean)
    return _published(journal, record, Changes.of(updated=[(Kind.TAG, record.id)]))


def merge_tags(journal: Journal, source: str, into: str) -> Outcome[TagRecord]:
    """Every entry tagged ``source`` becomes tagged ``into``; ``source`` is deleted."""
    with journal.transaction() as session:
        old_id, record, moved = repo.merge(session, source, into)
    changes = Changes.of(
        updated=[(Kind.TAG, record.id), *((Kind.ENTRY, e) for e in moved)],
        deleted=[(Kind.TAG, old_id)],
    )
    return _published(journal, record, changes)


def tag_delete_impact(journal: Journal, name: str) -> DeleteImpact:
    with journal.reading() as session:
        return repo.delete_impact(session, name)


def delete_tag(journal: Journal, name: str, *, choice: DeleteChoice) -> Outcome[None]:
    """Delete a tag; one that entries carry needs ``DETACH`` (the entries stay, untagged)."""
    with journal.transaction() as session:
        impact = repo.delete_impact(session, name)
        impact.check(choice)
        repo.remove(session, name)
    return published(journal, None, impact.changes())


def get_tag(journal: Journal, name: str) -> TagRecord:
    with journal.reading() as session:
        return repo.load(session, name)


def list_tags(
    journal: Journal, *, text: str | None = None, limit: int = 100, offset: int = 0
) -> Page[TagRecord]:
    with journal.reading() as session:
        return repo.page(session, text, limit, offset)
