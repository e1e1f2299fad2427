"""Showing what the CLI or the capture window wrote while the window is open.

Every couple of seconds, and whenever the app becomes active again (the user comes back from
the capture window or a terminal), it asks the journal whether another process committed;
if so the journal publishes a change of every kind and each view reloads its lists, keeping
the record open in its editor. The question is one PRAGMA, so it runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from pmjournal.services.journal import Journal, publish_outside_writes

INTERVAL_MS = 2000


class OutsideWritesWatch(QObject):
    def __init__(self, journal: Journal, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._journal = journal
        publish_outside_writes(journal)  # starts the watch: what is there now is not news
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        return publish_outside_writes(self._journal)

    def stop(self) -> None:
        self._timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.disconnect(self._state_changed)
