"""Recording feedback and what the user did about it.

Every write is one transaction and returns an ``Outcome`` whose changes are published once it
has committed; drafts are validated before the journal is touched.
"""

from __future__ import annotations

from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.feedback import (
    FeedbackDraft,
    FeedbackRecord,
    FollowUp,
    validate_feedback,
    validate_follow_up,
)
from pmjournal.domain.paging import Page
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import feedback as repo
from pmjournal.storage.repos.feedback import FeedbackFilter

__all__ = [
    "FeedbackDraft",
    "FeedbackFilter",
    "FeedbackRecord",
    "FollowUp",
    "add_feedback",
    "delete_feedback",
    "feedback_delete_impact",
    "follow_up_feedback",
    "get_feedback",
    "list_feedback",
    "update_feedback",
]


def _written(journal: Journal, feedback_id: int, changes: Changes) -> Outcome[FeedbackRecord]:
    record = get_feedback(journal, feedback_id)
    assert record is not None
    outcome = Outcome(record, changes)
    journal.changes.publish(changes)
    return outcome


def add_feedback(journal: Journal, draft: FeedbackDraft) -> Outcome[FeedbackRecord]:
    """Save new feedback; an unknown person, project or skill saves nothing."""
    validate_feedback(draft)
    with journal.transaction() as session:
        feedback_id = repo.save(session, draft)
    return _written(journal, feedback_id, Changes.of(created=[(Kind.FEEDBACK, feedback_id)]))


def update_feedback(
    journal: Journal, feedback_id: int, draft: FeedbackDraft
) -> Outcome[FeedbackRecord]:
    """Replace what was said and its links; the follow-up is kept (``follow_up_feedback``)."""
    validate_feedback(draft)
    with journal.transaction() as session:
        repo.save(session, draft, feedback_id)
    return _written(journal, feedback_id, Changes.of(updated=[(Kind.FEEDBACK, feedback_id)]))


def follow_up_feedback(
    journal: Journal,
    feedback_id: int,
    text: str,
    done: bool,
    on: date | None = None,
) -> Outcome[FeedbackRecord]:
    """Record what the user did about the feedback; marking it done dates it today by default."""
    follow_up = FollowUp(text, done, on or (date.today() if done else None))
    validate_follow_up(follow_up)
    with journal.transaction() as session:
        repo.set_follow_up(session, feedback_id, follow_up)
    return _written(journal, feedback_id, Changes.of(updated=[(Kind.FEEDBACK, feedback_id)]))


def feedback_delete_impact(journal: Journal, feedback_id: int) -> DeleteImpact:
    with journal.reading() as session:
        return repo.delete_impact(session, feedback_id)


def delete_feedback(journal: Journal, feedback_id: int, *, choice: DeleteChoice) -> Outcome[None]:
    """Delete feedback; if skills cite it as evidence, only with ``DETACH``, and that evidence
    goes with it."""
    with journal.transaction() as session:
        impact = repo.delete_impact(session, feedback_id)
        impact.check(choice)
        repo.delete(session, feedback_id)
    return published(journal, None, impact.changes())


def get_feedback(journal: Journal, feedback_id: int) -> FeedbackRecord | None:
    with journal.reading() as session:
        return repo.load(session, feedback_id)


def list_feedback(
    journal: Journal,
    *,
    person: str | None = None,
    kind: str | None = None,
    project: str | None = None,
    skill: str | None = None,
    open_follow_up: bool | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
    internship: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[FeedbackRecord]:
    """Feedback matching every filter given, newest first, with the total for paging.

    ``internship`` (an id) keeps feedback about a project of that internship.
    """
    where = FeedbackFilter(
        person, kind, project, skill, open_follow_up, since, until, text, internship
    )
    with journal.reading() as session:
        return repo.page(session, where, limit, offset)
