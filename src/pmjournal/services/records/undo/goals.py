"""Undoable deletes of goals (with their check-ins) and of single check-ins."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.goals import CheckinDraft, CheckinRecord, GoalDraft, GoalRecord
from pmjournal.domain.vocab import GoalStatus
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import goals as goals_repo


@dataclass(frozen=True)
class DeletedGoal:
    record: GoalRecord

    def write_back(self, session: Session) -> tuple[int, Changes]:
        goal = self.record
        goal_id = goals_repo.save(
            session,
            GoalDraft(
                goal.title,
                goal.description,
                goal.target_date,
                GoalStatus(goal.status),
                goal.internship_id,
            ),
        )
        checkins = [
            goals_repo.add_checkin(session, goal_id, CheckinDraft(c.note, c.date, c.progress))
            for c in goal.checkins
        ]
        return goal_id, Changes.of(
            created=[(Kind.GOAL, goal_id), *((Kind.CHECKIN, c) for c in checkins)]
        )


@dataclass(frozen=True)
class DeletedCheckin:
    record: CheckinRecord
    goal_title: str

    def write_back(self, session: Session) -> tuple[int, Changes]:
        """The check-in goes back on its goal; a goal deleted since is refused, writing nothing."""
        checkin = self.record
        if goals_repo.load(session, checkin.goal_id) is None:
            raise ValidationError(
                f"the goal “{self.goal_title}” was deleted since; the check-in cannot come back",
                "goal",
            )
        draft = CheckinDraft(checkin.note, checkin.date, checkin.progress)
        checkin_id = goals_repo.add_checkin(session, checkin.goal_id, draft)
        return checkin_id, Changes.of(
            created=[(Kind.CHECKIN, checkin_id)], updated=[(Kind.GOAL, checkin.goal_id)]
        )


def delete_goal_undoably(journal: Journal, goal_id: int) -> Outcome[DeletedGoal]:
    with journal.transaction() as session:
        record = goals_repo.load(session, goal_id)
        if record is None:
            goals_repo.find(session, goal_id)
        assert record is not None
        goals_repo.delete(session, goal_id)
    changes = Changes.of(
        deleted=[(Kind.GOAL, goal_id), *((Kind.CHECKIN, c.id) for c in record.checkins)]
    )
    return published(journal, DeletedGoal(record), changes)


def delete_checkin_undoably(journal: Journal, checkin_id: int) -> Outcome[DeletedCheckin]:
    with journal.transaction() as session:
        record = goals_repo.checkin_record(goals_repo.find_checkin(session, checkin_id))
        goal = goals_repo.load(session, record.goal_id)
        assert goal is not None
        goals_repo.delete_checkin(session, checkin_id)
    changes = Changes.of(deleted=[(Kind.CHECKIN, checkin_id)], updated=[(Kind.GOAL, goal.id)])
    return published(journal, DeletedCheckin(record, goal.title), changes)
