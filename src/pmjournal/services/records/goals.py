"""Goals for an internship and the check-ins that track them."""

from __future__ import annotations

from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.goals import (
    CheckinDraft,
    CheckinRecord,
    GoalDraft,
    GoalRecord,
    validate_checkin,
    validate_goal,
)
from pmjournal.domain.paging import Page
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import goals as repo

__all__ = [
    "CheckinDraft",
    "CheckinRecord",
    "GoalDraft",
    "GoalRecord",
    "add_checkin",
    "add_goal",
    "delete_checkin",
    "delete_goal",
    "get_goal",
    "goal_delete_impact",
    "list_goals",
    "update_checkin",
    "update_goal",
]


def _goal_outcome(journal: Journal, goal_id: int, changes: Changes) -> Outcome[GoalRecord]:
    record = get_goal(journal, goal_id)
    assert record is not None
    journal.changes.publish(changes)
    return Outcome(record, changes)


def add_goal(journal: Journal, draft: GoalDraft) -> Outcome[GoalRecord]:
    validate_goal(draft)
    with journal.transaction() as session:
        goal_id = repo.save(session, draft)
    return _goal_outcome(journal, goal_id, Changes.of(created=[(Kind.GOAL, goal_id)]))


def update_goal(journal: Journal, goal_id: int, draft: GoalDraft) -> Outcome[GoalRecord]:
    """Overwrite a goal's fields; its check-ins stay."""
    validate_goal(draft)
    with journal.transaction() as session:
        repo.save(session, draft, goal_id)
    return _goal_outcome(journal, goal_id, Changes.of(updated=[(Kind.GOAL, goal_id)]))


def goal_delete_impact(journal: Journal, goal_id: int) -> DeleteImpact:
    with journal.reading() as session:
        return repo.delete_impact(session, goal_id)


def delete_goal(journal: Journal, goal_id: int, *, choice: DeleteChoice) -> Outcome[None]:
    """Delete a goal; one with check-ins needs ``DETACH``, and its check-ins go with it
    (marking the goal dropped keeps them)."""
    with journal.transaction() as session:
        impact = repo.delete_impact(session, goal_id)
        impact.check(choice)
        repo.delete(session, goal_id)
    return published(journal, None, impact.changes())


def get_goal(journal: Journal, goal_id: int) -> GoalRecord | None:
    with journal.reading() as session:
        return repo.load(session, goal_id)


def list_goals(
    journal: Journal,
    *,
    status: str | None = None,
    internship: int | None = None,
    text: str | None = None,
    due_by: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[GoalRecord]:
    """Goals by target date, undated last, with their check-ins."""
    with journal.reading() as session:
        return repo.page(session, status, internship, text, due_by, limit, offset)


def add_checkin(journal: Journal, goal_id: int, draft: CheckinDraft) -> Outcome[GoalRecord]:
    """Record progress on a goal; the goal comes back with the new check-in in date order."""
    validate_checkin(draft)
    with journal.transaction() as session:
        checkin_id = repo.add_checkin(session, goal_id, draft)
    changes = Changes.of(created=[(Kind.CHECKIN, checkin_id)], updated=[(Kind.GOAL, goal_id)])
    return _goal_outcome(journal, goal_id, changes)


def update_checkin(
    journal: Journal, checkin_id: int, draft: CheckinDraft
) -> Outcome[CheckinRecord]:
    validate_checkin(draft)
    with journal.transaction() as session:
        record = repo.update_checkin(session, checkin_id, draft)
    changes = Changes.of(updated=[(Kind.CHECKIN, checkin_id), (Kind.GOAL, record.goal_id)])
    journal.changes.publish(changes)
    return Outcome(record, changes)


def delete_checkin(journal: Journal, checkin_id: int) -> Outcome[None]:
    with journal.transaction() as session:
        goal_id = repo.delete_checkin(session, checkin_id)
    changes = Changes.of(deleted=[(Kind.CHECKIN, checkin_id)], updated=[(Kind.GOAL, goal_id)])
    journal.changes.publish(changes)
    return Outcome(None, changes)
