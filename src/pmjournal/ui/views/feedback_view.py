"""The Feedback view: what was said, filtered; a dialog to record it; its follow-up."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.feedback import FeedbackDraft, FeedbackRecord
from pmjournal.domain.vocab import FeedbackKind
from pmjournal.ui import record_ops
from pmjournal.ui.navigation import Target
from pmjournal.ui.record_ops import FeedbackChoices, FeedbackQuery
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.people_view import feedback_line

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.ui.dialogs.feedback_dialog import FeedbackDialog

ANY = "Any"


def _filter_box(name: str, label: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(label)
    box.setMinimumContentsLength(10)
    box.addItem(f"{label}: {ANY}", None)
    return box


class FeedbackView(QWidget):
    linkActivated = Signal(Target)
    visited = Signal(Target)
    statusMessage = Signal(str)

    def __init__(self, journal: Journal, runner: TaskRunner, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._undo = undo_stack
        self._choices = FeedbackChoices((), (), ())
        self._items: dict[int, FeedbackRecord] = {}
        self._current: FeedbackRecord | None = None
        self._wanted: int | None = None
        self._pending_project: str | None = None
        self.dialog: FeedbackDialog | None = None
        self.confirm: QMessageBox | None = None
        self.setAccessibleName("Feedback")
        self.person = _filter_box("feedback-filter-person", "Person")
        self.kind = _filter_box("feedback-filter-kind", "Kind")
        for kind in FeedbackKind:
            self.kind.addItem(kind.value, kind.value)
        self.project = _filter_box("feedback-filter-project", "Project")
        self.skill = _filter_box("feedback-filter-skill", "Skill")
        self.open_only = QCheckBox("Open follow-up")
        self.open_only.setObjectName("feedback-filter-open")
        for box in (self.person, self.kind, self.project, self.skill):
            box.currentIndexChanged.connect(self.refresh)
        self.open_only.toggled.connect(self.refresh)
        self.record_button = QPushButton("Record feedback…")
        self.record_button.setObjectName("record-feedback")
        self.record_button.clicked.connect(self.record_new)
        filters = QHBoxLayout()
        for widget in (self.person, self.kind, self.project, self.skill, self.open_only):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.record_button)
        self.count = QLabel("")
        self.list = QListWidget()
        self.list.setObjectName("feedback-list")
        self.list.setAccessibleName("Feedback")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)

        self.text = QTextBrowser()
        self.text.setObjectName("feedback-detail")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(lambda url: self._follow(url.toString()))
        self.follow_text = QLineEdit()
        self.follow_text.setObjectName("follow-up-text")
        self.follow_text.setPlaceholderText("What I did about it")
        self.follow_done = QCheckBox("Done")
        self.follow_done.setObjectName("follow-up-done")
        self.follow_on = QDateEdit(QDate.currentDate())
        self.follow_on.setObjectName("follow-up-on")
        self.follow_on.setDisplayFormat("yyyy-MM-dd")
        self.follow_on.setCalendarPopup(True)
        self.follow_save = QPushButton("Save follow-up")
        self.follow_save.setObjectName("save-follow-up")
        self.follow_save.clicked.connect(self.save_follow_up)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_text, 1)
        follow.addWidget(self.follow_done)
        follow.addWidget(self.follow_on)
        follow.addWidget(self.follow_save)
        self.error = FieldError("feedback-error")
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setObjectName("edit-feedback")
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton("Delete feedback…")
        self.delete_button.setObjectName("delete-feedback")
        self.delete_button.clicked.connect(self.delete_current)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        self.detail = QWidget()
        right = QVBoxLayout(self.detail)
        right.setContentsMargins(16, 0, 8, 8)
        right.addWidget(self.text, 1)
        right.addWidget(QLabel("<b>Follow-up</b>"))
        right.addLayout(follow)
        right.addWidget(self.error)
        right.addLayout(actions)
        self.detail.setEnabled(False)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.count)
        column.addWidget(self.list, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setSizes([560, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    # reading

    def load(self) -> None:
        self._runner.run(lambda: record_ops.feedback_choices(self._journal), self._show_choices)

    def apply(self, changes: Changes) -> None:
        if changes.touches(Kind.FEEDBACK, Kind.PERSON, Kind.PROJECT, Kind.EVIDENCE):
            self.load()

    def _show_choices(self, choices: FeedbackChoices) -> None:
        self._choices = choices
        for box, names in (
            (self.person, choices.people),
            (self.project, choices.projects),
            (self.skill, choices.skills),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for name in names:
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        if self._pending_project is not None:
            self.project.blockSignals(True)
            self.project.setCurrentIndex(max(0, self.project.findData(self._pending_project)))
            self.project.blockSignals(False)
            self._pending_project = None
        self.refresh()

    def query(self) -> FeedbackQuery:
        return FeedbackQuery(
            person=self.person.currentData(),
            kind=self.kind.currentData(),
            project=self.project.currentData(),
            skill=self.skill.currentData(),
            open_follow_up=True if self.open_only.isChecked() else None,
        )

    def refresh(self) -> None:
        query = self.query()
        self._runner.run(lambda: record_ops.feedback(self._journal, query), self._show)

    def _show(self, items: tuple[FeedbackRecord, ...]) -> None:
        wanted = self._wanted or (self._current.id if self._current else None)
        self._items = {f.id: f for f in items}
        self.count.setText(f"{len(items)} pieces of feedback")
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for given in items:
            who = given.person or given.relationship
            open_mark = (
                "  ◌ follow-up open" if given.follow_up.text and not given.follow_up.done else ""
            )
            item = QListWidgetItem(f"{feedback_line(given)}\n— {who}{open_mark}")
            item.setData(Qt.ItemDataRole.UserRole, given.id)
            self.list.addItem(item)
            if given.id == wanted:
                chosen = item
        self.list.blockSignals(False)
        self._wanted = None
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self._open(self._items.get(wanted) if wanted is not None else None)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def filter_project(self, project: str) -> None:
        """The feedback about one project (from its readiness checklist)."""
        self._pending_project = project
        self.load()

    def open_feedback(self, feedback_id: int) -> None:
        """Show one piece of feedback, clearing filters that would hide it."""
        self._wanted = feedback_id
        for box in (self.person, self.kind, self.project, self.skill):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.open_only.blockSignals(True)
        self.open_only.setChecked(False)
        self.open_only.blockSignals(False)
        self.load()

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        given = self._items.get(int(item.data(Qt.ItemDataRole.UserRole))) if item else None
        self._open(given)
        if given is not None:
            self.visited.emit(Target("feedback", given.id))

    def _open(self, given: FeedbackRecord | None) -> None:
        self._current = given
        self.detail.setEnabled(given is not None)
        self.error.clear_error()
        if given is None:
            self.text.clear()
            self.follow_text.clear()
            return
        who = (
            f'<a href="person:{given.person}">{given.person}</a> ({given.relationship})'
            if given.person
            else given.relationship
        )
        links = " ".join(f'<a href="project:{p}">@{p}</a>' for p in given.projects)
        links += " " + " ".join(f'<a href="skill:{s}">+{s}</a>' for s in given.skills)
        lock = "Confidential · " if given.confidential else ""
        from html import escape

        self.text.setHtml(
            f"<p>{lock}{given.date:%A %d %B %Y} · {given.kind} · {who}</p>"
            f"<blockquote>{escape(given.text)}</blockquote><p>{links}</p>"
        )
        self.follow_text.setText(given.follow_up.text)
        self.follow_text.setCursorPosition(0)
        self.follow_done.setChecked(given.follow_up.done)
        if given.follow_up.on:
            on = given.follow_up.on
            self.follow_on.setDate(QDate(on.year, on.month, on.day))

    def _follow(self, link: str) -> None:
        kind, _, name = link.partition(":")
        if kind == "project":
            self.linkActivated.emit(Target("project-named", name))
        else:
            self.linkActivated.emit(Target(kind, name))

    # writing

    def record_new(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        if self._current is not None:
            self._open_dialog(self._current)

    def _open_dialog(self, record: FeedbackRecord | None) -> None:
        from pmjournal.ui.dialogs.feedback_dialog import FeedbackDialog

        self.dialog = FeedbackDialog(self._choices, record, self)
        self.dialog.accepted.connect(self._dialog_saved)
        self.dialog.open()
        self.dialog.text.setFocus()

    def _dialog_saved(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        draft = dialog.draft()
        feedback_id = dialog.record.id if dialog.record else None
        self._runner.run(
            lambda: _save(self._journal, feedback_id, draft),
            self._saved,
            lambda error: _refused_in(dialog, error),
        )

    def _saved(self, given: FeedbackRecord) -> None:
        self._wanted = given.id
        self.refresh()
        self.statusMessage.emit("Feedback saved")

    def save_follow_up(self) -> None:
        if self._current is None:
            return
        feedback_id = self._current.id
        text, done = self.follow_text.text(), self.follow_done.isChecked()
        on: date | None = self.follow_on.date().toPython() if done else None  # type: ignore[assignment]
        self._runner.run(
            lambda: _follow_up(self._journal, feedback_id, text, done, on),
            self._saved,
            self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.show_error(error.message, error.field or "")

    def delete_current(self) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        given = self._current
        if given is None:
            return
        ask_to_delete(
            self,
            self._runner,
            self._journal,
            ("feedback", given.id),
            "this feedback",
            lambda: self._delete(given),
        )

    def _delete(self, given: FeedbackRecord) -> None:
        from pmjournal.services.records.undo import delete_feedback_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        self._current = None
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "feedback",
                given.id,
                delete_feedback_undoably,
                deleted=lambda: self.statusMessage.emit("Feedback deleted. Ctrl+Z brings it back."),
                restored=self.open_feedback,
            )
        )


def _refused_in(dialog: FeedbackDialog, error: BaseException) -> None:
    if not isinstance(error, ValidationError):
        raise error
    dialog.refuse(error.message, error.field or "")


def _save(journal: Journal, feedback_id: int | None, draft: FeedbackDraft) -> FeedbackRecord:
    from pmjournal.services.records.feedback import add_feedback, update_feedback

    if feedback_id is None:
        return add_feedback(journal, draft).value
    return update_feedback(journal, feedback_id, draft).value


def _follow_up(
    journal: Journal, feedback_id: int, text: str, done: bool, on: date | None
) -> FeedbackRecord:
    from pmjournal.services.records.feedback import follow_up_feedback

    return follow_up_feedback(journal, feedback_id, text, done, on).value
