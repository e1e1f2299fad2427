"""The profile and the internships: the cover of every output, edited in the app.

A dialog from File ▸ Profile and internships (Ctrl+,): the profile's fields, and the
internships as a list with a form. Deleting an internship says what it affects and can be
undone from Edit ▸ Undo (its projects and goals go back under it).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.internships import InternshipDraft, InternshipRecord
from pmjournal.domain.records import ProfileRecord
from pmjournal.ui import record_ops
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.typed_dates import parse_day

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

PROFILE_FIELDS = ("name", "headline", "email", "phone", "location")


class ProfileDialog(QDialog):
    def __init__(
        self, journal: Journal, runner: TaskRunner, undo_stack: QUndoStack, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._runner = runner
        self._undo = undo_stack
        self._internships: dict[int, InternshipRecord] = {}
        self._current: int | None = None
        self.confirm: QMessageBox | None = None
        self.setObjectName("profile-dialog")
        self.setWindowTitle("Profile and internships")
        self.resize(760, 640)

        self.profile: dict[str, QLineEdit] = {}
        profile_form = QFormLayout()
        for field in PROFILE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"profile-{field}")
            self.profile[field] = edit
            profile_form.addRow(field.title(), edit)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("profile-summary")
        self.summary.setFixedHeight(60)
        self.summary.setTabChangesFocus(True)
        self.links = QPlainTextEdit()
        self.links.setObjectName("profile-links")
        self.links.setPlaceholderText("One web link a line (https://…)")
        self.links.setFixedHeight(50)
        self.links.setTabChangesFocus(True)
        profile_form.addRow("Summary", self.summary)
        profile_form.addRow("Links", self.links)
        self.profile_error = FieldError("profile-error")
        self.save_profile = QPushButton("Save profile")
        self.save_profile.setObjectName("save-profile")
        self.save_profile.clicked.connect(self.store_profile)
        profile_box = QGroupBox("Profile: the cover of every output")
        profile_column = QVBoxLayout(profile_box)
        profile_column.addLayout(profile_form)
        profile_column.addWidget(self.profile_error)
        profile_column.addWidget(self.save_profile, 0, Qt.AlignmentFlag.AlignLeft)

        self.list = QListWidget()
        self.list.setObjectName("internship-list")
        self.list.setMaximumWidth(250)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field, label in (
            ("organisation", "Organisation"),
            ("title", "Title"),
            ("team", "Team"),
            ("location", "Location"),
            ("start_date", "Start (YYYY-MM-DD)"),
            ("end_date", "End (YYYY-MM-DD)"),
            ("description", "Description"),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"internship-{field}")
            self.fields[field] = edit
            form.addRow(label, edit)
        self.internship_error = FieldError("internship-error")
        self.new_button = QPushButton("New")
        self.new_button.setObjectName("new-internship")
        self.new_button.clicked.connect(self.new_internship)
        self.save_button = QPushButton("Save internship")
        self.save_button.setObjectName("save-internship")
        self.save_button.clicked.connect(self.store_internship)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setObjectName("delete-internship")
        self.delete_button.clicked.connect(self.delete_internship)
        buttons = QHBoxLayout()
        self.save_profile.setAutoDefault(False)
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.internship_error)
        right.addLayout(buttons)
        internships_box = QGroupBox("Internships")
        row = QHBoxLayout(internships_box)
        row.addWidget(self.list)
        row.addLayout(right, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(profile_box)
        layout.addWidget(internships_box, 1)
        layout.addWidget(close)

    def load(self) -> None:
        self._runner.run(lambda: record_ops.profile(self._journal), self._show_profile)
        self._runner.run(lambda: record_ops.internships(self._journal), self._show_internships)

    def _show_profile(self, profile: ProfileRecord) -> None:
        for field, edit in self.profile.items():
            edit.setText(getattr(profile, field))
        self.summary.setPlainText(profile.summary)
        self.links.setPlainText("\n".join(profile.links))

    def store_profile(self) -> None:
        changes: dict[str, object] = {f: e.text() for f, e in self.profile.items()}
        changes["summary"] = self.summary.toPlainText()
        changes["links"] = [line for line in self.links.toPlainText().splitlines() if line.strip()]
        self._runner.run(
            lambda: record_ops.save_profile(self._journal, changes),
            lambda _profile: self.profile_error.clear_error(),
            lambda error: _show(self.profile_error, error),
        )

    def _show_internships(self, internships: tuple[InternshipRecord, ...]) -> None:
        self._internships = {i.id: i for i in internships}
        wanted = self._current
        self.list.blockSignals(True)
        self.list.clear()
        for internship in internships:
            item = QListWidgetItem(internship.label)
            item.setData(Qt.ItemDataRole.UserRole, internship.id)
            self.list.addItem(item)
            if internship.id == wanted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if wanted not in self._internships and internships:
            self.list.setCurrentRow(0)
        elif wanted in self._internships:
            self._fill(self._internships[wanted])

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        internship_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if isinstance(internship_id, int) and internship_id in self._internships:
            self._fill(self._internships[internship_id])

    def _fill(self, internship: InternshipRecord) -> None:
        self._current = internship.id
        for field, edit in self.fields.items():
            value = getattr(internship, field)
            edit.setText(value.isoformat() if isinstance(value, date) else value or "")
            edit.setCursorPosition(0)
        self.internship_error.clear_error()

    def new_internship(self) -> None:
        self._current = None
        self.list.clearSelection()
        for edit in self.fields.values():
            edit.clear()
        self.fields["organisation"].setFocus()

    def draft(self) -> InternshipDraft:
        text = {field: edit.text() for field, edit in self.fields.items()}
        return InternshipDraft(
            organisation=text["organisation"],
            title=text["title"],
            start_date=parse_day(text["start_date"], "start_date"),
            end_date=parse_day(text["end_date"], "end_date"),
            team=text["team"],
            location=text["location"],
            description=text["description"],
        )

    def store_internship(self) -> None:
        try:
            draft = self.draft()
        except ValidationError as error:
            _show(self.internship_error, error)
            return
        internship_id = self._current
        self._runner.run(
            lambda: record_ops.save_internship(self._journal, internship_id, draft),
            self._stored,
            lambda error: _show(self.internship_error, error),
        )

    def _stored(self, internship: InternshipRecord) -> None:
        self._current = internship.id
        self.internship_error.clear_error()
        self._runner.run(lambda: record_ops.internships(self._journal), self._show_internships)

    def delete_internship(self) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        internship = self._internships.get(self._current or 0)
        if internship is None:
            return
        ask_to_delete(
            self,
            self._runner,
            self._journal,
            ("internship", internship.id),
            internship.label,
            lambda: self._delete(internship.id),
        )

    def _delete(self, internship_id: int) -> None:
        from pmjournal.services.records.undo import delete_internship_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        self._current = None
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "internship",
                internship_id,
                delete_internship_undoably,
                deleted=self.load,
                restored=self._restored,
            )
        )

    def _restored(self, internship_id: int) -> None:
        self._current = internship_id
        self.load()


def _show(label: FieldError, error: BaseException) -> None:
    if not isinstance(error, ValidationError):
        raise error
    label.show_error(error.message, error.field or "")
