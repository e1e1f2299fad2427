"""Evidence: a note of how a skill was practised in one entry, project or feedback."""

from __future__ import annotations

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.paging import Page
from pmjournal.domain.skills import EvidenceRecord, EvidenceSource
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import skills as repo

__all__ = [
    "EvidenceRecord",
    "EvidenceSource",
    "add_evidence",
    "delete_evidence",
    "list_evidence",
    "update_evidence",
]


def add_evidence(
    journal: Journal, skill: str, source: EvidenceSource, note: str = ""
) -> Outcome[EvidenceRecord]:
    """Link ``skill`` to one entry, project or feedback; a second note from the same source for
    the same skill is refused (edit the first)."""
    source.check()
    with journal.transaction() as session:
        evidence_id = repo.add_evidence(session, skill, source, note)
        record = repo.evidence_record(repo.find_evidence(session, evidence_id))
    changes = Changes.of(created=[(Kind.EVIDENCE, evidence_id)])
    journal.changes.publish(changes)
    return Outcome(record, changes)


def update_evidence(journal: Journal, evidence_id: int, note: str) -> Outcome[EvidenceRecord]:
    with journal.transaction() as session:
        record = repo.update_evidence(session, evidence_id, note)
    changes = Changes.of(updated=[(Kind.EVIDENCE, evidence_id)])
    journal.changes.publish(changes)
    return Outcome(record, changes)


def delete_evidence(journal: Journal, evidence_id: int) -> Outcome[None]:
    with journal.transaction() as session:
        repo.delete_evidence(session, evidence_id)
    changes = Changes.of(deleted=[(Kind.EVIDENCE, evidence_id)])
    journal.changes.publish(changes)
    return Outcome(None, changes)


def list_evidence(
    journal: Journal,
    *,
    skill: str | None = None,
    entry_id: int | None = None,
    project: str | None = None,
    feedback_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[EvidenceRecord]:
    """Evidence oldest first, filtered by skill and by source."""
    source = EvidenceSource(entry_id, project, feedback_id)
    with journal.reading() as session:
        return repo.evidence_page(session, skill, source, limit, offset)
