"""The record views of the sidebar (Projects, Skills, Feedback, Goals, People) as one unit.

The main window adds their widgets and hands every link and change to this object, which knows
which view shows which kind of record; so the window stays wiring only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pmjournal.domain.changes import Changes
from pmjournal.ui.navigation import Target
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.projects_view import ProjectsView

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

TITLES = ("Projects", "Skills", "Feedback", "Goals", "People")


class RecordView(Protocol):
    def load(self) -> None: ...

    def apply(self, changes: Changes) -> None: ...


class RecordViews(QObject):
    linkActivated = Signal(Target)
    visited = Signal(Target)
    statusMessage = Signal(str)

    def __init__(
        self, journal: Journal, runner: TaskRunner, undo_stack: QUndoStack, autosave_ms: int
    ) -> None:
        super().__init__()
        from pmjournal.ui.views.feedback_view import FeedbackView
        from pmjournal.ui.views.goals_view import GoalsView
        from pmjournal.ui.views.people_view import PeopleView
        from pmjournal.ui.views.skills_view import SkillsView

        self.projects = ProjectsView(journal, runner, undo_stack, autosave_ms)
        self.skills = SkillsView(journal, runner, undo_stack)
        self.feedback = FeedbackView(journal, runner, undo_stack)
        self.goals = GoalsView(journal, runner, undo_stack)
        self.people = PeopleView(journal, runner, undo_stack)
        for view in (self.projects, self.skills, self.feedback, self.goals, self.people):
            view.linkActivated.connect(self.linkActivated)
            view.visited.connect(self.visited)
            view.statusMessage.connect(self.statusMessage)

        self._started = False
        self._loaded: set[int] = set()

    def views(self) -> tuple[RecordView, ...]:
        return (self.projects, self.skills, self.feedback, self.goals, self.people)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.projects, self.skills, self.feedback, self.goals, self.people)

    def start(self, row: int) -> None:
        """The journal is open: load the view on screen; the others load when first shown."""
        self._started = True
        self.shown(row)

    def shown(self, row: int) -> None:
        """Sidebar row ``row`` is on screen; read its view the first time."""
        index = row - 1
        if self._started and 0 <= index < len(TITLES) and index not in self._loaded:
            self._loaded.add(index)
            self.views()[index].load()

    def apply(self, changes: Changes) -> None:
        for index in self._loaded:
            self.views()[index].apply(changes)

    def flush(self) -> None:
        self.projects.editor.flush()

    def open(self, target: Target) -> int | None:
        """Show what ``target`` names; the sidebar row of its view (Journal is row 0)."""
        row = self._open(target)
        if row is not None:
            self._loaded.add(row - 1)
        return row

    def _open(self, target: Target) -> int | None:
        kind, key = target.kind, target.key
        if kind == "project" and isinstance(key, int):
            self.projects.open_project(key)
            return 1
        if kind == "project-named" and isinstance(key, str):
            self.projects.open_project_named(key)
            return 1
        if kind == "skill" and isinstance(key, str):
            self.skills.open_skill(key)
            return 2
        if kind == "project-feedback" and isinstance(key, str):
            self.feedback.filter_project(key)
            return 3
        if kind == "feedback" and isinstance(key, int):
            self.feedback.open_feedback(key)
            return 3
        if kind == "goal" and isinstance(key, int):
            self.goals.open_goal(key)
            return 4
        if kind == "person" and isinstance(key, str):
            self.people.open_person(key)
            return 5
        return None
