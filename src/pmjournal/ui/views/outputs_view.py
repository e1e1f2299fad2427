"""The Outputs view: portfolio, résumé bullets, weekly update and interview stories, as tabs.

A tab reads the journal when it is first shown and again, when shown, after a write changed
the journal; the bullets and stories of a large journal take seconds on the worker, so
nothing is read for a tab nobody looks at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pmjournal.domain.changes import Changes
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.bullets_view import BulletsView
from pmjournal.ui.views.portfolio_builder_view import PortfolioBuilderView
from pmjournal.ui.views.stories_view import StoriesView
from pmjournal.ui.views.weekly_view import WeeklyView

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal


class _Loads(Protocol):
    def load(self) -> None: ...


class OutputsView(QWidget):
    statusMessage = Signal(str)
    recordOpened = Signal(str, int)

    def __init__(self, journal: Journal, runner: TaskRunner, settings: QSettings) -> None:
        super().__init__()
        self.setAccessibleName("Outputs")
        self.portfolio = PortfolioBuilderView(journal, runner, settings)
        self.bullets = BulletsView(journal, runner)
        self.weekly = WeeklyView(journal, runner)
        self.stories = StoriesView(journal, runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("outputs-tabs")
        for widget, title in (
            (self.portfolio, "&Portfolio"),
            (self.bullets, "&Bullets"),
            (self.weekly, "&Weekly update"),
            (self.stories, "S&tories"),
        ):
            self.tabs.addTab(widget, title)
            widget.statusMessage.connect(self.statusMessage)
        self.bullets.recordOpened.connect(self.recordOpened)
        self._stale: set[int] = set(range(self.tabs.count()))
        self.tabs.currentChanged.connect(lambda _index: self._refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)
        self._refresh()

    def apply(self, _changes: Changes) -> None:
        """Every output reads the whole journal, so any write makes every tab stale."""
        self._stale = set(range(self.tabs.count()))
        self._refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        index = self.tabs.currentIndex()
        if not self.isVisible() or index not in self._stale:
            return
        self._stale.discard(index)
        tab: _Loads = self.tabs.widget(index)  # type: ignore[assignment]
        tab.load()

    def shutdown(self) -> None:
        self.portfolio.shutdown()
