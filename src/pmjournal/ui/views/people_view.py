"""The People view: mentors, managers and peers, their relationship and the feedback they gave."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.feedback import FeedbackRecord
from pmjournal.domain.people import PersonDraft, PersonRecord
from pmjournal.domain.vocab import Relationship
from pmjournal.ui import record_ops
from pmjournal.ui.navigation import Target
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.marks import confidential_label, locked

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal


def feedback_line(given: FeedbackRecord) -> str:
    text = " ".join(given.text.split())
    short = text if len(text) <= 150 else text[:150].rsplit(" ", 1)[0] + "…"
    return locked(f"{given.date:%d %b %Y} · {given.kind} · {short}", given.confidential)


class PeopleView(QWidget):
    linkActivated = Signal(Target)
    visited = Signal(Target)
    statusMessage = Signal(str)

    def __init__(self, journal: Journal, runner: TaskRunner, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._undo = undo_stack
        self._people: dict[int, PersonRecord] = {}
        self._current: PersonRecord | None = None
        self._wanted: str | None = None
        self.confirm: QMessageBox | None = None
        self.setAccessibleName("People")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new-person-name")
        self.new_name.setPlaceholderText("New person: type their name, Enter")
        self.new_name.returnPressed.connect(self._create)
        self.list = QListWidget()
        self.list.setObjectName("people-list")
        self.list.setAccessibleName("People")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.new_name)
        column.addWidget(self.list, 1)

        self.name = QLineEdit()
        self.name.setObjectName("person-name")
        self.title = QLineEdit()
        self.title.setObjectName("person-title")
        self.organisation = QLineEdit()
        self.organisation.setObjectName("person-organisation")
        self.relationship = QComboBox()
        self.relationship.setObjectName("person-relationship")
        self.relationship.addItems([r.value for r in Relationship])
        self.email = QLineEdit()
        self.email.setObjectName("person-email")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("person-notes")
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)
        self.confidential = QCheckBox(confidential_label())
        self.confidential.setObjectName("person-confidential")
        self.error = FieldError("person-error")
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("save-person")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Delete person…")
        self.delete_button.setObjectName("delete-person")
        self.delete_button.clicked.connect(self.delete_current)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Title", self.title)
        form.addRow("Organisation", self.organisation)
        form.addRow("Relationship", self.relationship)
        form.addRow("Email", self.email)
        form.addRow("Notes", self.notes)
        form.addRow("", self.confidential)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.given_title = QLabel("<b>Feedback they gave</b>")
        self.given = QListWidget()
        self.given.setObjectName("person-feedback")
        self.given.setAccessibleName("Feedback they gave")
        self.given.setWordWrap(True)
        self.given.itemActivated.connect(self._open_feedback)
        self.given.itemDoubleClicked.connect(self._open_feedback)
        self.form = QWidget()
        right = QVBoxLayout(self.form)
        right.setContentsMargins(16, 12, 16, 12)
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(buttons)
        right.addWidget(self.given_title)
        right.addWidget(self.given, 1)
        self.form.setEnabled(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setSizes([300, 830])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def load(self) -> None:
        self._runner.run(lambda: record_ops.people(self._journal), self._show_people)

    def apply(self, changes: Changes) -> None:
        if changes.touches(Kind.PERSON, Kind.FEEDBACK):
            self.load()

    def _show_people(self, people: tuple[PersonRecord, ...]) -> None:
        wanted = self._wanted or (self._current.name if self._current else None)
        self._people = {p.id: p for p in people}
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for person in people:
            item = QListWidgetItem(
                locked(f"{person.name} — {person.relationship.value}", person.confidential)
            )
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
            if wanted is not None and person.name.casefold() == wanted.casefold():
                chosen = item
        self.list.blockSignals(False)
        self._wanted = None
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self._show(self._people[int(chosen.data(Qt.ItemDataRole.UserRole))])
        elif self._current is not None and self._current.id not in self._people:
            self._show(None)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def open_person(self, name: str) -> None:
        self._wanted = name
        self.load()

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        person = self._people.get(int(item.data(Qt.ItemDataRole.UserRole))) if item else None
        self._show(person)
        if person is not None:
            self.visited.emit(Target("person", person.name))

    def _show(self, person: PersonRecord | None) -> None:
        self._current = person
        self.form.setEnabled(person is not None)
        self.error.clear_error()
        self.given.clear()
        if person is None:
            for edit in (self.name, self.title, self.organisation, self.email):
                edit.clear()
            self.notes.clear()
            return
        self.name.setText(person.name)
        self.title.setText(person.title)
        self.organisation.setText(person.organisation)
        self.relationship.setCurrentText(person.relationship.value)
        self.email.setText(person.email)
        self.notes.setPlainText(person.notes)
        self.confidential.setChecked(person.confidential)
        name = person.name
        self._runner.run(lambda: record_ops.person_feedback(self._journal, name), self._show_given)

    def _show_given(self, given: tuple[FeedbackRecord, ...]) -> None:
        self.given.clear()
        self.given_title.setText(f"<b>Feedback they gave</b> ({len(given)})")
        for feedback in given:
            item = QListWidgetItem(feedback_line(feedback))
            item.setData(Qt.ItemDataRole.UserRole, feedback.id)
            self.given.addItem(item)

    def _open_feedback(self, item: QListWidgetItem) -> None:
        self.linkActivated.emit(Target("feedback", int(item.data(Qt.ItemDataRole.UserRole))))

    # writing

    def _create(self) -> None:
        draft = PersonDraft(self.new_name.text())
        self._runner.run(lambda: _add(self._journal, draft), self._created, self._refused)

    def _created(self, person: PersonRecord) -> None:
        self.new_name.clear()
        self.open_person(person.name)
        self.title.setFocus()

    def draft(self) -> PersonDraft:
        return PersonDraft(
            name=self.name.text(),
            title=self.title.text(),
            organisation=self.organisation.text(),
            relationship=self.relationship.currentText(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
            confidential=self.confidential.isChecked(),
        )

    def save(self) -> None:
        if self._current is None:
            return
        person_id, draft = self._current.id, self.draft()
        self._runner.run(
            lambda: _update(self._journal, person_id, draft), self._saved, self._refused
        )

    def _saved(self, person: PersonRecord) -> None:
        self.error.clear_error()
        self._current = person
        self.statusMessage.emit(f"Saved {person.name}")

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.show_error(error.message, error.field or "")

    def delete_current(self) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        person = self._current
        if person is None:
            return
        ask_to_delete(
            self,
            self._runner,
            self._journal,
            ("person", person.id),
            person.name,
            lambda: self._delete(person),
        )

    def _delete(self, person: PersonRecord) -> None:
        from pmjournal.services.records.undo import delete_person_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        self._show(None)
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "person",
                person.id,
                delete_person_undoably,
                deleted=lambda: self.statusMessage.emit(
                    f"{person.name} deleted. Ctrl+Z brings them back with their feedback."
                ),
                restored=lambda _id: self.open_person(person.name),
            )
        )


def _add(journal: Journal, draft: PersonDraft) -> PersonRecord:
    from pmjournal.services.records.people import add_person

    return add_person(journal, draft).value


def _update(journal: Journal, person_id: int, draft: PersonDraft) -> PersonRecord:
    from pmjournal.services.records.people import update_person

    return update_person(journal, person_id, draft).value
