"""Interview stories: STAR stories by competency, with their evidence, and the gaps.

The list names every competency interviewers probe, with how many stories the journal holds
for it; a gap lists the skills whose evidence would fill it. The text is the same Markdown
``pmjournal stories`` prints, for the chosen competency or for all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmjournal.ui import output_ops
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.career.stories import Competency, StoryBook
    from pmjournal.services.journal import Journal

_CompetencyRole = Qt.ItemDataRole.UserRole + 1


class StoriesView(QWidget):
    statusMessage = Signal(str)
    loaded = Signal()

    def __init__(self, journal: Journal, runner: TaskRunner) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self.book: StoryBook | None = None
        self.competencies = QListWidget()
        self.competencies.setObjectName("story-competencies")
        self.competencies.setAccessibleName("Competencies")
        self.competencies.currentItemChanged.connect(self._show_current)
        self.text = QTextBrowser()
        self.text.setObjectName("stories-text")
        self.text.setAccessibleName("Stories")
        copy = QPushButton("Copy as Markdown")
        copy.setObjectName("copy-stories")
        copy.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.competencies)
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(split, 1)

    def load(self) -> None:
        self._runner.run(lambda: output_ops.stories(self._journal), self._show)

    def _show(self, book: StoryBook) -> None:
        from pmjournal.services.career.stories import COMPETENCIES

        self.book = book
        self.competencies.clear()
        everything = QListWidgetItem(f"All stories ({len(book.stories)})")
        self.competencies.addItem(everything)
        for competency in COMPETENCIES:
            told = len(book.for_competency(competency))
            label = f"{told} stor{'y' if told == 1 else 'ies'}" if told else "gap"
            item = QListWidgetItem(f"{competency.name} ({label})")
            item.setData(_CompetencyRole, competency)
            self.competencies.addItem(item)
        self.competencies.setCurrentItem(everything)
        self._show_current(everything)
        self.loaded.emit()

    def markdown(self, competency: Competency | None = None) -> str:
        from pmjournal.services.career.stories import StoryBook, render_markdown

        book = self.book
        if book is None:
            return ""
        if competency is None:
            return render_markdown(book)
        gaps = tuple(g for g in book.gaps if g == competency)
        return render_markdown(StoryBook(book.for_competency(competency), gaps))

    def _show_current(self, item: QListWidgetItem | None) -> None:
        competency = item.data(_CompetencyRole) if item else None
        self.text.setMarkdown(self.markdown(competency))

    def copy(self) -> None:
        item = self.competencies.currentItem()
        QGuiApplication.clipboard().setText(
            self.markdown(item.data(_CompetencyRole) if item else None)
        )
        self.statusMessage.emit("Stories copied as Markdown")
