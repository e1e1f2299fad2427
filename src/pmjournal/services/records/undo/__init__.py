"""Deletes the desktop app can undo: capture a record and its links, delete, put them back.

Each ``delete_*_undoably`` (and ``merge_skills_undoably``, ``detach_file_undoably``) reads what
it is about to delete (the record, what belongs to it, what points at it) and deletes it, in one
transaction; ``restore`` writes it all back in one transaction, so an undo either brings back
the record with its links (a detached file: the file and its link) or writes nothing. The
restored record has a new id; links to records deleted in the meantime are not restored. One
module per group of kinds; each captured value knows how to write itself back.
"""

from __future__ import annotations

from pmjournal.domain.changes import Outcome
from pmjournal.services.records.published import published
from pmjournal.services.records.undo.attachments import (
    DetachedFile,
    detach_file_undoably,
    restore_detached,
)
from pmjournal.services.records.undo.goals import (
    DeletedCheckin,
    DeletedGoal,
    delete_checkin_undoably,
    delete_goal_undoably,
)
from pmjournal.services.records.undo.records import (
    DeletedFeedback,
    DeletedInternship,
    DeletedMetric,
    DeletedPerson,
    DeletedProject,
    delete_feedback_undoably,
    delete_internship_undoably,
    delete_metric_undoably,
    delete_person_undoably,
    delete_project_undoably,
)
from pmjournal.services.records.undo.skills import (
    DeletedCategory,
    DeletedSkill,
    MergedSkill,
    delete_skill_category_undoably,
    delete_skill_undoably,
    merge_skills_undoably,
)
from pmjournal.storage.database import Journal

__all__ = [
    "Deleted",
    "DetachedFile",
    "delete_checkin_undoably",
    "delete_feedback_undoably",
    "delete_goal_undoably",
    "delete_internship_undoably",
    "delete_metric_undoably",
    "delete_person_undoably",
    "delete_project_undoably",
    "delete_skill_category_undoably",
    "delete_skill_undoably",
    "detach_file_undoably",
    "merge_skills_undoably",
    "restore",
]

Deleted = (
    DeletedProject
    | DeletedFeedback
    | DeletedPerson
    | DeletedGoal
    | DeletedCheckin
    | DeletedMetric
    | DeletedInternship
    | DeletedSkill
    | MergedSkill
    | DeletedCategory
    | DetachedFile
)


def restore(journal: Journal, deleted: Deleted) -> Outcome[int]:
    """Write a deleted record back with its links; the value is its new id. A detached file
    also needs its stored copy back, written around the transaction."""
    if isinstance(deleted, DetachedFile):
        return restore_detached(journal, deleted)
    with journal.transaction() as session:
        new_id, changes = deleted.write_back(session)
    return published(journal, new_id, changes)
