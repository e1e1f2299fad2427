"""Recording what was said: who, when, what kind, about which projects and skills."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.feedback import FeedbackDraft, FeedbackRecord, validate_feedback
from pmjournal.domain.vocab import FeedbackKind
from pmjournal.ui.record_ops import FeedbackChoices
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.marks import confidential_label, indicator_style

NOBODY = "(not named)"


def _checklist(name: str, names: tuple[str, ...], checked: tuple[str, ...]) -> QListWidget:
    box = QListWidget()
    box.setObjectName(name)
    box.setMaximumHeight(96)
    box.setStyleSheet(indicator_style("QListWidget"))
    for value in names:
        item = QListWidgetItem(value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


def _checked(box: QListWidget) -> tuple[str, ...]:
    return tuple(
        box.item(i).text()
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    )


class FeedbackDialog(QDialog):
    def __init__(
        self,
        choices: FeedbackChoices,
        record: FeedbackRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("feedback-dialog")
        self.setWindowTitle("Edit feedback" if record else "Record feedback")
        self.resize(560, 520)
        self.record = record
        self.text = QPlainTextEdit(record.text if record else "")
        self.text.setObjectName("feedback-text")
        self.text.setPlaceholderText("What was said, in their words where you can")
        self.text.setTabChangesFocus(True)
        self.day = QDateEdit(
            QDate(record.date.year, record.date.month, record.date.day)
            if record
            else QDate.currentDate()
        )
        self.day.setObjectName("feedback-day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.person = QComboBox()
        self.person.setObjectName("feedback-person")
        self.person.addItems([NOBODY, *choices.people])
        if record and record.person:
            self.person.setCurrentText(record.person)
        self.kind = QComboBox()
        self.kind.setObjectName("feedback-kind")
        self.kind.addItems([k.value for k in FeedbackKind])
        if record:
            self.kind.setCurrentText(record.kind)
        self.projects = _checklist(
            "feedback-projects", choices.projects, record.projects if record else ()
        )
        self.skills = _checklist("feedback-skills", choices.skills, record.skills if record else ())
        self.confidential = QCheckBox(confidential_label())
        self.confidential.setObjectName("feedback-confidential")
        self.confidential.setChecked(bool(record and record.confidential))
        self.error = FieldError("feedback-dialog-error")
        form = QFormLayout()
        form.addRow("What was said", self.text)
        form.addRow("When", self.day)
        form.addRow("Who", self.person)
        form.addRow("Kind", self.kind)
        form.addRow("About projects", self.projects)
        form.addRow("Skills it shows", self.skills)
        form.addRow("", self.confidential)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def check(self, name: str, value: str, on: bool = True) -> None:
        """Tick a project or skill by name (what a click on its box does)."""
        box = self.projects if name == "projects" else self.skills
        for item in box.findItems(value, Qt.MatchFlag.MatchExactly):
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def draft(self) -> FeedbackDraft:
        person = self.person.currentText()
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        return FeedbackDraft(
            text=self.text.toPlainText(),
            day=day,
            person=None if person == NOBODY else person,
            kind=FeedbackKind(self.kind.currentText()),
            projects=_checked(self.projects),
            skills=_checked(self.skills),
            confidential=self.confidential.isChecked(),
        )

    def _check(self) -> None:
        from pmjournal.domain.errors import ValidationError

        try:
            validate_feedback(self.draft())
        except ValidationError as error:
            self.error.show_error(error.message, error.field or "")
            return
        self.accept()

    def refuse(self, message: str, field: str) -> None:
        """The journal refused the draft: say why and stay open."""
        self.error.show_error(message, field)
        self.open()
