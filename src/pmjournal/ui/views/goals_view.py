"""The Goals view: target dates, status, progress from check-ins; a check-in in two keys.

From the goal list, Ctrl+Return puts the cursor in the check-in note and Return records it
(the progress defaults to the last one measured, the day to today), so a check-in is two
keystrokes; a check-in written down later can carry the day it happened, as ``goal checkin
--date`` does. Overdue goals are said gently, in the list and next to the date: a nudge, not
an alarm. Deleting a goal or a check-in (Delete in the check-in list) can be undone with
Ctrl+Z.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.goals import CheckinDraft, GoalDraft, GoalRecord
from pmjournal.domain.internships import InternshipRecord
from pmjournal.domain.vocab import GoalStatus
from pmjournal.ui import record_ops
from pmjournal.ui.navigation import Target
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.typed_dates import parse_day

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

NO_INTERNSHIP = "No internship"
GENTLE_COLOUR = "#b7791f"
GENTLE = f"color:{GENTLE_COLOUR};"
"""Amber, readable on light and dark: overdue is a nudge."""


def overdue_days(goal: GoalRecord, today: date) -> int:
    """Days past the target date of a goal still open; 0 when not overdue."""
    if goal.target_date is None or goal.status in (GoalStatus.ACHIEVED, GoalStatus.DROPPED):
        return 0
    return max(0, (today - goal.target_date).days)


def goal_line(goal: GoalRecord, today: date) -> str:
    parts = [goal.title]
    if goal.target_date:
        parts.append(f"by {goal.target_date:%d %b %Y}")
    parts.append(str(goal.status).replace("_", " "))
    if goal.progress is not None:
        parts.append(f"{goal.progress}%")
    late = overdue_days(goal, today)
    if late:
        parts.append(f"{late} day{'s' if late > 1 else ''} past its date")
    return " · ".join(parts)


class GoalsView(QWidget):
    linkActivated = Signal(Target)
    visited = Signal(Target)
    statusMessage = Signal(str)

    def __init__(
        self,
        journal: Journal,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._undo = undo_stack
        self._today = today
        self._goals: dict[int, GoalRecord] = {}
        self._current: GoalRecord | None = None
        self._wanted: int | None = None
        self.confirm: QMessageBox | None = None
        self.setAccessibleName("Goals")
        self.new_title = QLineEdit()
        self.new_title.setObjectName("new-goal-title")
        self.new_title.setPlaceholderText("New goal: what you want from the internship, Enter")
        self.new_title.returnPressed.connect(self._create)
        self.list = QListWidget()
        self.list.setObjectName("goals-list")
        self.list.setAccessibleName("Goals")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.new_title)
        column.addWidget(self.list, 1)

        self.title = QLineEdit()
        self.title.setObjectName("goal-title")
        self.description = QPlainTextEdit()
        self.description.setObjectName("goal-description")
        self.description.setFixedHeight(70)
        self.description.setTabChangesFocus(True)
        self.target = QLineEdit()
        self.target.setObjectName("goal-target")
        self.target.setPlaceholderText("YYYY-MM-DD")
        self.overdue = QLabel("")
        self.overdue.setObjectName("goal-overdue")
        self.overdue.setStyleSheet(GENTLE)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(self.overdue, 1)
        self.status = QComboBox()
        self.status.setObjectName("goal-status")
        for status in GoalStatus:
            self.status.addItem(status.value.replace("_", " "), status.value)
        self.internship = QComboBox()
        self.internship.setObjectName("goal-internship")
        self.internship.setAccessibleName("Internship")
        self.internship.addItem(NO_INTERNSHIP, None)
        self.error = FieldError("goal-error")
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("save-goal")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Delete goal…")
        self.delete_button.setObjectName("delete-goal")
        self.delete_button.clicked.connect(self.delete_current)
        form = QFormLayout()
        form.addRow("Goal", self.title)
        form.addRow("Why, and how I will know", self.description)
        form.addRow("Target date", target_row)
        form.addRow("Status", self.status)
        form.addRow("Internship", self.internship)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.checkins = QListWidget()
        self.checkins.setObjectName("goal-checkins")
        self.checkins.setAccessibleName("Check-ins")
        self.checkin_note = QLineEdit()
        self.checkin_note.setObjectName("checkin-note")
        self.checkin_note.setPlaceholderText("Check-in: where you are (Ctrl+Return from the list)")
        self.checkin_note.returnPressed.connect(self.check_in)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.checkins)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_checkin)
        self.delete_checkin_button = QPushButton("Delete check-in…")
        self.delete_checkin_button.setObjectName("delete-checkin")
        self.delete_checkin_button.clicked.connect(self.delete_checkin)
        self.checkin_progress = QSpinBox()
        self.checkin_progress.setObjectName("checkin-progress")
        self.checkin_progress.setRange(0, 100)
        self.checkin_progress.setSuffix(" %")
        self.checkin_on = QLineEdit()
        self.checkin_on.setObjectName("checkin-on")
        self.checkin_on.setAccessibleName("Check-in day")
        self.checkin_on.setPlaceholderText("today")
        self.checkin_on.setToolTip("The day of the check-in, YYYY-MM-DD; empty is today")
        self.checkin_on.setMaximumWidth(110)
        self.checkin_on.returnPressed.connect(self.check_in)
        checkin_row = QHBoxLayout()
        checkin_row.addWidget(self.checkin_note, 1)
        checkin_row.addWidget(self.checkin_on)
        checkin_row.addWidget(self.checkin_progress)
        checkin_row.addWidget(self.delete_checkin_button)
        self.form = QWidget()
        right = QVBoxLayout(self.form)
        right.setContentsMargins(16, 12, 16, 12)
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        right.addWidget(QLabel("<b>Check-ins</b>"))
        right.addWidget(self.checkins, 1)
        right.addLayout(checkin_row)
        self.form.setEnabled(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setSizes([380, 750])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.start_checkin)

    @property
    def today(self) -> date:
        return self._today or date.today()

    def load(self) -> None:
        self._runner.run(lambda: record_ops.internships(self._journal), self._show_internships)
        self._runner.run(lambda: record_ops.goals(self._journal), self._show_goals)

    def _show_internships(self, internships: tuple[InternshipRecord, ...]) -> None:
        self.internship.blockSignals(True)
        while self.internship.count() > 1:
            self.internship.removeItem(1)
        for internship in internships:
            self.internship.addItem(internship.label, internship.id)
        self.internship.blockSignals(False)
        self._show_internship()

    def _show_internship(self) -> None:
        chosen = self._current.internship_id if self._current else None
        self.internship.setCurrentIndex(max(0, self.internship.findData(chosen)))

    def apply(self, changes: Changes) -> None:
        if changes.touches(Kind.GOAL, Kind.CHECKIN, Kind.INTERNSHIP):
            self.load()

    def _show_goals(self, goals: tuple[GoalRecord, ...]) -> None:
        wanted = self._wanted or (self._current.id if self._current else None)
        self._goals = {g.id: g for g in goals}
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for goal in goals:
            item = QListWidgetItem(goal_line(goal, self.today))
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            if overdue_days(goal, self.today):
                item.setForeground(QColor(GENTLE_COLOUR))
            self.list.addItem(item)
            if goal.id == wanted:
                chosen = item
        self.list.blockSignals(False)
        self._wanted = None
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self._show(self._goals[wanted])  # type: ignore[index]
        else:
            self._show(None)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def open_goal(self, goal_id: int) -> None:
        self._wanted = goal_id
        self.load()

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        goal = self._goals.get(int(item.data(Qt.ItemDataRole.UserRole))) if item else None
        self._show(goal)
        if goal is not None:
            self.visited.emit(Target("goal", goal.id))

    def _show(self, goal: GoalRecord | None) -> None:
        self._current = goal
        self.form.setEnabled(goal is not None)
        self.error.clear_error()
        self.checkins.clear()
        if goal is None:
            self.title.clear()
            self.description.clear()
            self.target.clear()
            self.internship.setCurrentIndex(0)
            self.overdue.clear()
            return
        self.title.setText(goal.title)
        self.description.setPlainText(goal.description)
        self.target.setText(goal.target_date.isoformat() if goal.target_date else "")
        late = overdue_days(goal, self.today)
        self.overdue.setText(f"{late} days past its date: move it, or check in" if late else "")
        self.status.setCurrentIndex(self.status.findData(str(goal.status)))
        self._show_internship()
        for checkin in reversed(goal.checkins):
            progress = f" · {checkin.progress}%" if checkin.progress is not None else ""
            item = QListWidgetItem(f"{checkin.date:%d %b %Y}{progress} · {checkin.note}")
            item.setData(Qt.ItemDataRole.UserRole, checkin.id)
            self.checkins.addItem(item)
        self.checkin_progress.setValue(goal.progress or 0)

    # writing

    def _create(self) -> None:
        draft = GoalDraft(self.new_title.text())
        self._runner.run(lambda: _add(self._journal, draft), self._created, self._refused)

    def _created(self, goal: GoalRecord) -> None:
        self.new_title.clear()
        self.open_goal(goal.id)
        self.target.setFocus()

    def draft(self) -> GoalDraft:
        assert self._current is not None
        return GoalDraft(
            title=self.title.text(),
            description=self.description.toPlainText(),
            target_date=parse_day(self.target.text(), "target_date"),
            status=GoalStatus(self.status.currentData()),
            internship=self.internship.currentData(),
        )

    def save(self) -> None:
        if self._current is None:
            return
        try:
            draft = self.draft()
        except ValidationError as error:
            self._refused(error)
            return
        goal_id = self._current.id
        self._runner.run(lambda: _update(self._journal, goal_id, draft), self._saved, self._refused)

    def _saved(self, goal: GoalRecord) -> None:
        self.error.clear_error()
        self.open_goal(goal.id)
        self.statusMessage.emit(f"Saved the goal “{goal.title}”")

    def start_checkin(self) -> None:
        if self._current is not None:
            self.checkin_note.setFocus()

    def check_in(self) -> None:
        if self._current is None:
            return
        try:
            day = parse_day(self.checkin_on.text(), "day") or self.today
        except ValidationError as error:
            self._refused(error)
            return
        goal_id = self._current.id
        draft = CheckinDraft(self.checkin_note.text(), day, self.checkin_progress.value())
        self._runner.run(
            lambda: _check_in(self._journal, goal_id, draft), self._checked, self._refused
        )

    def _checked(self, goal: GoalRecord) -> None:
        self.checkin_note.clear()
        self.checkin_on.clear()
        self.open_goal(goal.id)
        self.list.setFocus()
        self.statusMessage.emit(f"Checked in on “{goal.title}”")

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.show_error(error.message, error.field or "")

    def delete_current(self) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        goal = self._current
        if goal is None:
            return
        what = f"the goal “{goal.title}”"
        ask_to_delete(
            self, self._runner, self._journal, ("goal", goal.id), what, lambda: self._delete(goal)
        )

    def _delete(self, goal: GoalRecord) -> None:
        from pmjournal.services.records.undo import delete_goal_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        self._show(None)
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "goal",
                goal.id,
                delete_goal_undoably,
                deleted=lambda: self.statusMessage.emit("Goal deleted. Ctrl+Z brings it back."),
                restored=self.open_goal,
            )
        )

    def delete_checkin(self) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        goal, item = self._current, self.checkins.currentItem()
        if goal is None or item is None:
            return
        checkin_id = int(item.data(Qt.ItemDataRole.UserRole))
        what = f"the check-in “{item.text()}”"
        ask_to_delete(
            self,
            self._runner,
            self._journal,
            ("checkin", checkin_id),
            what,
            lambda: self._delete_checkin(goal, checkin_id),
        )

    def _delete_checkin(self, goal: GoalRecord, checkin_id: int) -> None:
        from pmjournal.services.records.undo import delete_checkin_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "check-in",
                checkin_id,
                delete_checkin_undoably,
                deleted=lambda: self.statusMessage.emit("Check-in deleted. Ctrl+Z brings it back."),
                restored=lambda _id: self.open_goal(goal.id),
                refused=lambda message: self.statusMessage.emit(f"Could not undo: {message}"),
            )
        )


def _add(journal: Journal, draft: GoalDraft) -> GoalRecord:
    from pmjournal.services.records.goals import add_goal

    return add_goal(journal, draft).value


def _update(journal: Journal, goal_id: int, draft: GoalDraft) -> GoalRecord:
    from pmjournal.services.records.goals import update_goal

    return update_goal(journal, goal_id, draft).value


def _check_in(journal: Journal, goal_id: int, draft: CheckinDraft) -> GoalRecord:
    from pmjournal.services.records.goals import add_checkin

    return add_checkin(journal, goal_id, draft).value
