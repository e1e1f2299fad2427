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
    from pmjournal.services.records.undo import Deleted


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


DeleteWork = Callable[["Journal", int], "Outcome[Any]"]


class DeleteRecord(QUndoCommand):
    """Deleting a project, metric, person, feedback or goal; undo writes it back with its links.

    The service captures what it deletes (``services/records/undo/``); undo restores
    it as a new record, so a redo after an undo deletes that new id.
    """

    def __init__(
        self,
        runner: TaskRunner,
        journal: Journal,
        label: str,
        record_id: int,
        delete: DeleteWork,
        *,
        deleted: Callable[[], None],
        restored: Callable[[int], None],
    ) -> None:
        super().__init__(f"Delete {label}")
        self._runner = runner
        self._journal = journal
        self._id = record_id
        self._delete = delete
        self._captured: Deleted | None = None
        self._deleted = deleted
        self._restored = restored

    def redo(self) -> None:
        record_id = self._id
        self._runner.run(lambda: self._delete(self._journal, record_id).value, self._gone)

    def _gone(self, captured: Deleted) -> None:
        self._captured = captured
        self._deleted()

    def undo(self) -> None:
        from pmjournal.services.records.undo import restore

        captured = self._captured
        if captured is None:
            return
        self._runner.run(lambda: restore(self._journal, captured).value, self._back)

    def _back(self, record_id: int) -> None:
        self._id = record_id
        self._restored(record_id)
