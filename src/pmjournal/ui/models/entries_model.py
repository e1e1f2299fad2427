"""The list of entries, newest first, fetched a page at a time (smooth at 10,000 entries)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.ui import journal_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

EntryRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


def summary_line(record: EntryRecord) -> str:
    """The first line of prose the user wrote (not a heading or a prompt), for the list."""
    for line in record.body.splitlines():
        words = line.strip()
        if not words or words.startswith("#"):
            continue
        return words.lstrip("-*+> ").strip()[:160]
    heading = next((x.strip("# ") for x in record.body.splitlines() if x.strip("# ")), "")
    return record.title or heading or "(empty)"


class EntriesModel(QAbstractListModel):
    """Rows are frozen ``EntryRecord`` values; pages load through the task runner."""

    pageLoaded = Signal()

    def __init__(self, journal: Journal, runner: TaskRunner, page: int = journal_ops.ENTRY_PAGE):
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._page = page
        self._rows: list[EntryRecord] = []
        self._exhausted = False
        self._loading = False
        self._started = False
        self._generation = 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = " · weekly" if record.kind == EntryKind.WEEKLY else ""
            return f"{record.date:%a %d %b %Y}{kind}\n{summary_line(record)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Entry of {record.date:%A %d %B %Y}: {summary_line(record)}"
        if role == EntryRole:
            return record
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self._started and not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, offset = self._generation, len(self._rows)
        self._runner.run(
            lambda: journal_ops.entry_page(self._journal, offset, self._page),
            lambda rows: self._append(generation, rows),
        )

    def _append(self, generation: int, rows: list[EntryRecord]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < self._page
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.pageLoaded.emit()

    def show_glance(self, rows: list[EntryRecord]) -> None:
        """The newest entries read before the journal is open, replaced by ``reload()``."""
        self.beginResetModel()
        self._rows = list(rows)
        self._loading = True
        self.endResetModel()
        self.pageLoaded.emit()

    def reload(self) -> None:
        """Start again from the newest entry (also the first load, once the journal is open:
        until then the list asks for nothing, so no read is queued before the journal opens)."""
        self._started = True
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    def row_of(self, entry_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == entry_id), -1)

    def apply(self, changes: Changes) -> None:
        """Refresh for a committed write: an edited entry in place, anything else from the top."""
        if not changes.touches(Kind.ENTRY, Kind.PROJECT, Kind.SKILL, Kind.TAG):
            return
        refs = changes.created | changes.updated | changes.deleted
        edited = [ref for ref in changes.updated if ref[0] is Kind.ENTRY]
        if refs and len(edited) == len(refs):
            for _, entry_id in edited:
                self._refresh(entry_id)
            return
        self.reload()

    def _refresh(self, entry_id: int) -> None:
        generation = self._generation
        self._runner.run(
            lambda: journal_ops.get_entry(self._journal, entry_id),
            lambda record: self._replace(generation, entry_id, record),
        )

    def _replace(self, generation: int, entry_id: int, record: EntryRecord | None) -> None:
        row = self.row_of(entry_id)
        if generation != self._generation or row < 0:
            return
        if record is None or record.date != self._rows[row].date:
            self.reload()
            return
        self._rows[row] = record
        self.dataChanged.emit(self.index(row), self.index(row))
