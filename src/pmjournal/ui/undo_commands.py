"""Journal writes the user can undo from Edit ▸ Undo (Ctrl+Z), as QUndoCommands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from pmjournal.domain.records import EntryRecord
from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.domain.changes import Outcome
    from pmjournal.services.journal import Journal
    from pmjournal.services.records.undo import Deleted, DetachedFile


class DeleteEntry(QUndoCommand):
    """Deleting an entry; undo writes it back with the same day, text and links."""

    def __init__(
        self,
        runner: TaskRunner,
        journal: Journal,
        entry_id: int,
        *,
        deleted: Callable[[], None],
        restored: Callable[[int], None],
    ) -> None:
        super().__init__("Delete entry")
        self._runner = runner
        self._journal = journal
        self._entry_id = entry_id
        self._record: EntryRecord | None = None
        self._deleted = deleted
        self._restored = restored

    def redo(self) -> None:
        entry_id = self._entry_id
        self._runner.run(lambda: journal_ops.delete_entry(self._journal, entry_id), self._gone)

    def _gone(self, record: EntryRecord) -> None:
        self._record = record
        self._deleted()

    def undo(self) -> None:
        record = self._record
        if record is None:
            return
        self._runner.run(lambda: journal_ops.restore_entry(self._journal, record), self._back)

    def _back(self, record: EntryRecord) -> None:
        self._entry_id = record.id
        self._restored(record.id)


DeleteWork = Callable[["Journal", Any], "Outcome[Any]"]


class _CapturedWrite(QUndoCommand):
    """A write whose service captured what it removed (``services/records/undo/``); undo
    restores the capture in one transaction. A restore the journal refuses (its record's
    goal was deleted since, its name taken) is said in the status bar and writes nothing."""

    def __init__(
        self,
        text: str,
        runner: TaskRunner,
        journal: Journal,
        *,
        deleted: Callable[[], None],
        restored: Callable[[int], None],
        refused: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._runner = runner
        self._journal = journal
        self._captured: Deleted | None = None
        self._deleted = deleted
        self._restored = restored
        self._refused = refused

    def _write(self) -> Deleted:
        raise NotImplementedError

    def redo(self) -> None:
        self._runner.run(self._write, self._gone, self._failed)

    def _gone(self, captured: Deleted) -> None:
        self._captured = captured
        self._deleted()

    def undo(self) -> None:
        from pmjournal.services.records.undo import restore

        captured = self._captured
        if captured is None:
            return
        self._runner.run(lambda: restore(self._journal, captured).value, self._back, self._failed)

    def _back(self, record_id: int) -> None:
        self._came_back_as(record_id)
        self._restored(record_id)

    def _came_back_as(self, record_id: int) -> None:
        """A restored record has a new id; a command keyed by id follows it."""

    def _failed(self, error: BaseException) -> None:
        from pmjournal.domain.errors import ValidationError

        if not isinstance(error, ValidationError) or self._refused is None:
            raise error
        self._refused(error.message)


class DeleteRecord(_CapturedWrite):
    """Deleting a record by id (project, metric, person, feedback, goal, check-in, internship)
    or by name (skill, skill category). Undo writes it back with its links; a record keyed by
    id comes back under a new id, which a redo then deletes, one keyed by name keeps it."""

    def __init__(
        self,
        runner: TaskRunner,
        journal: Journal,
        label: str,
        key: int | str,
        delete: DeleteWork,
        *,
        deleted: Callable[[], None],
        restored: Callable[[int], None],
        refused: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(
            f"Delete {label}", runner, journal, deleted=deleted, restored=restored, refused=refused
        )
        self._key = key
        self._delete = delete

    def _write(self) -> Deleted:
        return self._delete(self._journal, self._key).value

    def _came_back_as(self, record_id: int) -> None:
        if isinstance(self._key, int):
            self._key = record_id


class MergeSkills(_CapturedWrite):
    """Merging skill ``source`` into ``into``; undo splits them back as they were."""

    def __init__(
        self,
        runner: TaskRunner,
        journal: Journal,
        source: str,
        into: str,
        *,
        merged: Callable[[], None],
        restored: Callable[[int], None],
        refused: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(
            f"Merge skill {source} into {into}",
            runner,
            journal,
            deleted=merged,
            restored=restored,
            refused=refused,
        )
        self._source = source
        self._into = into

    def _write(self) -> Deleted:
        from pmjournal.services.records.undo import merge_skills_undoably

        return merge_skills_undoably(self._journal, self._source, self._into).value


class DetachFile(_CapturedWrite):
    """Detaching a file from a project or entry; undo links it back, storing the file again if
    the detach removed it, and a redo after that detaches the id it came back as."""

    def __init__(
        self,
        runner: TaskRunner,
        journal: Journal,
        filename: str,
        attachment_id: int,
        *,
        project: str | None = None,
        entry_id: int | None = None,
        detached: Callable[[DetachedFile], None],
        restored: Callable[[int], None],
        refused: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(
            f"Detach {filename}",
            runner,
            journal,
            deleted=lambda: None,
            restored=restored,
            refused=refused,
        )
        self._id = attachment_id
        self._project = project
        self._entry_id = entry_id
        self._detached = detached

    def _write(self) -> Deleted:
        from pmjournal.services.records.undo import detach_file_undoably

        return detach_file_undoably(
            self._journal, self._id, project=self._project, entry_id=self._entry_id
        ).value

    def _gone(self, captured: Deleted) -> None:
        from pmjournal.services.records.undo import DetachedFile

        assert isinstance(captured, DetachedFile)
        self._captured = captured
        self._detached(captured)

    def _came_back_as(self, record_id: int) -> None:
        self._id = record_id
