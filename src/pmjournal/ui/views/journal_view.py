"""The Journal view: calendar and entry list on the left, the editor on the right."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.ui import journal_ops
from pmjournal.ui.models.entries_model import EntriesModel, EntryRole
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.day_calendar import DayCalendar
from pmjournal.ui.views.entry_delegate import EntryDelegate
from pmjournal.ui.views.entry_editor import AUTOSAVE_MS, EntryEditor

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

EMPTY_LIST = (
    "No entries yet.\nPress Ctrl+N to write today's entry,\nor Ctrl+Shift+N for this week's."
)


def monday_of(day: date) -> date:
    return date.fromordinal(day.toordinal() - day.weekday())


class JournalView(QWidget):
    statusMessage = Signal(str)

    def __init__(self, journal: Journal, runner: TaskRunner, autosave_ms: int = AUTOSAVE_MS):
        super().__init__()
        self._journal = journal
        self._runner = runner
        self.calendar = DayCalendar(journal, runner)
        self.calendar.dayChosen.connect(self.open_day)
        self.model = EntriesModel(journal, runner)
        self.list = QListView()
        self.list.setObjectName("entry-list")
        self.list.setAccessibleName("Entries, newest first")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.activated.connect(self._open_index)
        self.list.clicked.connect(self._open_index)
        self._empty = QLabel(EMPTY_LIST)
        self._empty.setObjectName("empty-journal")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._list_or_empty = QStackedWidget()
        self._list_or_empty.addWidget(self.list)
        self._list_or_empty.addWidget(self._empty)
        self.model.pageLoaded.connect(self._show_list_or_hint)
        self.model.modelReset.connect(self._show_list_or_hint)
        self.editor = EntryEditor(journal, runner, autosave_ms)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.calendar)
        column.addWidget(self._list_or_empty, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.setTabOrder(self.calendar, self.list)
        self.setTabOrder(self.list, self.editor.text)

    def load(self) -> None:
        """The first page of entries, the month's shading and the names to link."""
        self.model.reload()
        self.calendar.reload()
        self._reload_names()

    def _reload_names(self) -> None:
        self._runner.run(
            lambda: journal_ops.names_for_links(self._journal), self.editor.set_link_names
        )

    def _show_list_or_hint(self) -> None:
        self._list_or_empty.setCurrentIndex(0 if self.model.rowCount() else 1)

    def apply(self, changes: Changes) -> None:
        self.model.apply(changes)
        if changes.touches(Kind.ENTRY):
            self.calendar.reload()
        if changes.touches(Kind.ENTRY, Kind.PROJECT, Kind.SKILL, Kind.TAG):
            self._reload_names()
        deleted = {entry_id for kind, entry_id in changes.deleted if kind is Kind.ENTRY}
        if self.editor.entry_id in deleted or Kind.JOURNAL in changes.kinds:
            self.editor.close_entry()
            return
        open_id = self.editor.entry_id
        if open_id is not None and (Kind.ENTRY, open_id) in changes.updated:
            self._runner.run(
                lambda: journal_ops.get_entry(self._journal, open_id), self.editor.relinked
            )

    # user actions

    def new_entry(self, kind: EntryKind, day: date | None = None) -> None:
        day = day or date.today()
        if kind is EntryKind.WEEKLY:
            day = monday_of(day)
        self.editor.new_entry(day, kind)

    def new_entry_on_selected_day(self, kind: EntryKind) -> None:
        self.new_entry(kind, self.calendar.selected_day())

    def _open_index(self, index: QModelIndex) -> None:
        record = index.data(EntryRole)
        if isinstance(record, EntryRecord):
            self.editor.open_entry(record)

    def open_entry_id(self, entry_id: int) -> None:
        self._runner.run(lambda: journal_ops.get_entry(self._journal, entry_id), self._open_found)

    def _open_found(self, record: EntryRecord | None) -> None:
        if record is None:
            self.statusMessage.emit("That entry no longer exists")
            return
        self.editor.open_entry(record)
        self.calendar.setSelectedDate(QDate(record.date.year, record.date.month, record.date.day))
        row = self.model.row_of(record.id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self.editor.focus_text()

    def open_day(self, day: date) -> None:
        found = self.calendar.days.get(day)
        if found is not None:
            self.open_entry_id(found.first_entry_id)
        else:
            self.statusMessage.emit(
                f"No entry on {day:%d %B}: File ▸ New entry on selected day (Ctrl+Alt+N) writes one"
            )

    def current_entry_id(self) -> int | None:
        """The entry a delete concerns: the open one, else the one selected in the list."""
        if self.editor.entry_id is not None:
            return self.editor.entry_id
        record = self.list.currentIndex().data(EntryRole)
        return record.id if isinstance(record, EntryRecord) else None
