"""Journal writes the user can undo from Edit ▸ Undo (Ctrl+Z), as QUndoCommands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from pmjournal.domain.records import EntryRecord
from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal


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
