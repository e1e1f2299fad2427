"""First run: create the profile and the first internship, or load the demo journal."""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.records import ProfileRecord


class WelcomeChoice(Enum):
    CREATE = "create"
    DEMO = "demo"
    SKIP = "skip"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to pmjournal")
        self.setObjectName("welcome-dialog")
        self.choice = WelcomeChoice.SKIP
        intro = QLabel(
            "<h2>Welcome to pmjournal</h2>"
            "<p>A few lines a day about your internship become, before an interview, a "
            "portfolio of case studies, résumé bullets and stories. Everything stays on this "
            "computer.</p><p>Tell pmjournal who you are and where you work, or explore a "
            "sample journal first.</p>"
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName("Your name")
        self.name.setPlaceholderText("Ana Diaz")
        self.headline = QLineEdit()
        self.headline.setAccessibleName("Headline")
        self.headline.setPlaceholderText("Product intern · B2B SaaS")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisation")
        self.organisation.setPlaceholderText("Acme Analytics")
        self.role = QLineEdit()
        self.role.setAccessibleName("Role")
        self.role.setPlaceholderText("Product Management Intern")
        self.start = QDateEdit(QDate.currentDate())
        self.start.setAccessibleName("Start date")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow("Your &name", self.name)
        form.addRow("&Headline", self.headline)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Role", self.role)
        form.addRow("&Started on", self.start)
        buttons = QDialogButtonBox()
        self.create_button = QPushButton("&Create my journal")
        self.create_button.setDefault(True)
        self.demo_button = QPushButton("Load the &demo journal")
        self.skip_button = QPushButton("&Skip")
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(lambda: self._done(WelcomeChoice.CREATE))
        self.demo_button.clicked.connect(lambda: self._done(WelcomeChoice.DEMO))
        self.skip_button.clicked.connect(lambda: self._done(WelcomeChoice.SKIP))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.name.setFocus()

    def _done(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept() if choice is not WelcomeChoice.SKIP else self.reject()

    def profile(self) -> ProfileRecord:
        return ProfileRecord(name=self.name.text().strip(), headline=self.headline.text().strip())

    def start_date(self) -> date:
        picked = self.start.date().toPython()
        assert isinstance(picked, date)
        return picked
