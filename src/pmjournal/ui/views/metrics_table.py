"""A project's metrics, edited in place, checked as the user types, saved when a cell is left.

A bad value (a word where a number goes, an unknown direction, a date that is not a date)
shows a message next to the table and saves nothing; the change column shows the figure the
way every output prints it ("42% → 31% (−26%)"), computed by ``domain.metric_records``.

A save finishes after its cell was left, often while the next cell is being typed into; the
refill it brings waits until that cell's editor closes, since a refill closes the editor and
loses what is typed in it (seen as a unit that never reached the journal). A row saves once
at a time: a new row's add returns its id before the row's next change is saved, or the row
would be added twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metric_records import (
    MetricDraft,
    MetricRecord,
    metric_change,
    validate_metric,
)
from pmjournal.domain.metrics import format_change
from pmjournal.domain.vocab import Direction
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.marks import indicator_style
from pmjournal.ui.views.typed_dates import parse_day

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

COLUMNS = ("Metric", "Baseline", "Result", "Unit", "Better", "Measured on", "Change", "Private")
FIELDS = ("name", "baseline", "result", "unit", "better", "measured_on", "change", "confidential")
CHANGE, LOCK = 6, 7
PRIVATE, SHARED = "private", "shared"
"""Said in words beside the box: a bare check box is hard to see on the dark theme."""
BAD = QColor("#e0524f")


@dataclass(frozen=True)
class RowText:
    name: str
    baseline: str
    result: str
    unit: str
    better: str
    measured_on: str
    confidential: bool


def _number(text: str, field: str) -> float | None:
    text = text.strip().replace(",", "").replace("−", "-")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(f"{text!r} is not a number", field) from None


def parse_row(project: str, row: RowText) -> MetricDraft:
    """What a row says, checked as the services check it; raises ``ValidationError``."""
    better = row.better.strip().casefold() or Direction.HIGHER.value
    if better not in {d.value for d in Direction}:
        raise ValidationError(f"{row.better!r}: better is 'higher' or 'lower'", "better")
    return validate_metric(
        MetricDraft(
            project=project,
            name=row.name,
            result=_number(row.result, "result"),
            baseline=_number(row.baseline, "baseline"),
            unit=row.unit,
            better=better,
            measured_on=parse_day(row.measured_on, "measured_on"),
            confidential=row.confidential,
        )
    )


def change_text(draft: MetricDraft) -> str:
    change = metric_change(
        draft.baseline, draft.baseline_unit, draft.result, draft.unit, Direction(draft.better)
    )
    return format_change(change)


def _direction_prefix(text: str) -> bool:
    """True while what is typed can still become 'higher' or 'lower' (or is empty)."""
    typed = text.strip().casefold()
    return not typed or any(d.value.startswith(typed) for d in Direction)


def _shown(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


class _LiveCheck(QStyledItemDelegate):
    """Checks the cell being typed into at every keystroke, before anything is saved."""

    def __init__(self, table: MetricsTable) -> None:
        super().__init__(table.table)
        self._owner = table

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(f"metric-editor-{FIELDS[index.column()]}")
        row = index.row()
        column = index.column()
        editor.textEdited.connect(lambda text: self._owner.check_typing(row, column, text))
        return editor


class MetricsTable(QWidget):
    saved = Signal(MetricRecord)

    def __init__(self, journal: Journal, runner: TaskRunner) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._project = ""
        self._ids: list[int | None] = []
        self._filling = False
        self._newer: dict[int, MetricDraft | None] = {}
        """Rows with a save running, and the change made since, saved when it returns."""
        self._waiting: tuple[MetricRecord, ...] | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("metrics-table")
        self.table.setAccessibleName("Metrics")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LOCK, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(LOCK, self.fontMetrics().horizontalAdvance(PRIVATE) + 48)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        delegate = _LiveCheck(self)
        self.table.setItemDelegate(delegate)
        delegate.closeEditor.connect(self._editor_closed)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.setMinimumHeight(120)
        self.table.setStyleSheet(indicator_style("QTableWidget"))
        self.error = FieldError("metric-error")
        self.add_button = QPushButton("Add metric")
        self.add_button.setObjectName("add-metric")
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton("Delete metric")
        self.delete_button.setObjectName("delete-metric")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_metrics(self, project: str, metrics: tuple[MetricRecord, ...]) -> None:
        """Fill the table; the cell the user is on keeps the focus when the project stays."""
        same = project == self._project
        if same and (self._editing() or self._newer):
            self._waiting = metrics
            return
        self._waiting = None
        row, column = self.table.currentRow(), self.table.currentColumn()
        focused = self.table.hasFocus()
        self._project = project
        self._filling = True
        self.table.setRowCount(0)
        self._ids = []
        for metric in metrics:
            self._append(
                metric.id,
                RowText(
                    metric.name,
                    _shown(metric.baseline),
                    _shown(metric.result),
                    metric.unit,
                    metric.better.value,
                    metric.measured_on.isoformat() if metric.measured_on else "",
                    metric.confidential,
                ),
                metric.change_text,
            )
        self._filling = False
        self.error.clear_error()
        if same and 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, column)
            if focused:
                self.table.setFocus()

    def _editing(self) -> bool:
        return self.table.state() is QAbstractItemView.State.EditingState

    def _editor_closed(self) -> None:
        """A refill that waited for the editor; a save still running brings a newer one."""
        if self._waiting is not None and not self._newer:
            self.show_metrics(self._project, self._waiting)

    def _append(self, metric_id: int | None, text: RowText, change: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(metric_id)
        values = (text.name, text.baseline, text.result, text.unit, text.better, text.measured_on)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        shown = QTableWidgetItem(change)
        shown.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, CHANGE, shown)
        lock = QTableWidgetItem()
        lock.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        lock.setCheckState(Qt.CheckState.Checked if text.confidential else Qt.CheckState.Unchecked)
        lock.setText(PRIVATE if text.confidential else SHARED)
        lock.setToolTip("Confidential: redacted in shared outputs")
        self.table.setItem(row, LOCK, lock)

    def add_row(self) -> None:
        self._filling = True
        self._append(None, RowText("", "", "", "", Direction.HIGHER.value, "", False), "")
        self._filling = False
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        first = self.table.item(row, 0)
        if first is not None:
            self.table.editItem(first)

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def metric_ids(self) -> list[int | None]:
        return list(self._ids)

    def row_text(self, row: int) -> RowText:
        def cell(column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""

        lock = self.table.item(row, LOCK)
        confidential = lock is not None and lock.checkState() == Qt.CheckState.Checked
        return RowText(cell(0), cell(1), cell(2), cell(3), cell(4), cell(5), confidential)

    def check_typing(self, row: int, column: int, text: str) -> None:
        """Say at once what is wrong with the cell being typed; nothing is saved here."""
        field = FIELDS[column]
        try:
            if field in ("baseline", "result"):
                _number(text, field)
            elif field == "measured_on" and len(text.strip()) >= 10:
                parse_day(text, "measured_on")
            elif field == "better" and not _direction_prefix(text):
                raise ValidationError(f"{text!r}: better is 'higher' or 'lower'", "better")
        except ValidationError as error:
            self.error.show_error(error.message, error.field or "")
            return
        if self.error.field == field:
            self.error.clear_error()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == CHANGE:
            return
        row = item.row()
        if item.column() == LOCK:
            self._filling = True
            item.setText(PRIVATE if item.checkState() == Qt.CheckState.Checked else SHARED)
            self._filling = False
        try:
            draft = parse_row(self._project, self.row_text(row))
        except ValidationError as error:
            self._mark(row, error.field)
            self.error.show_error(error.message, error.field or "")
            return
        self._mark(row, None)
        self.error.clear_error()
        self._set_change(row, change_text(draft))
        if row in self._newer:
            self._newer[row] = draft
            return
        self._save_row(row, draft)

    def _save_row(self, row: int, draft: MetricDraft) -> None:
        self._newer[row] = None
        metric_id = self._ids[row]
        # After the delegate has finished committing: a save may refill the table.
        QTimer.singleShot(
            0,
            lambda: self._runner.run(
                lambda: _save(self._journal, metric_id, draft),
                lambda record: self._saved(row, record),
                lambda error: self._refused(row, error),
            ),
        )

    def _set_change(self, row: int, text: str) -> None:
        self._filling = True
        change = self.table.item(row, CHANGE)
        if change is not None:
            change.setText(text)
        self._filling = False

    def _mark(self, row: int, field: str | None) -> None:
        self._filling = True
        for column, name in enumerate(FIELDS[:CHANGE]):
            item = self.table.item(row, column)
            if item is not None:
                item.setForeground(QBrush(BAD) if name == field else QBrush())
        self._filling = False

    def _saved(self, row: int, record: MetricRecord) -> None:
        if row < len(self._ids):
            self._ids[row] = record.id
            self._set_change(row, record.change_text)
        if not self._save_newer(row):
            self.saved.emit(record)

    def _save_newer(self, row: int) -> bool:
        """The row's save returned: save what changed since, if anything did."""
        newer = self._newer.pop(row, None)
        if newer is not None:
            self._save_row(row, newer)
        return newer is not None

    def _refused(self, row: int, error: BaseException) -> None:
        self._save_newer(row)
        if not isinstance(error, ValidationError):
            raise error
        self._mark(row, error.field)
        self.error.show_error(error.message, error.field or "")


def _save(journal: Journal, metric_id: int | None, draft: MetricDraft) -> MetricRecord:
    from pmjournal.services.records.metrics import add_metric, update_metric

    if metric_id is None:
        return add_metric(journal, draft).value
    return update_metric(journal, metric_id, draft).value
