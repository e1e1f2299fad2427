"""The journal's change callbacks, re-emitted as a Qt signal (Electrum's adapter).

Services publish ``Changes`` on the journal's ``ChangeHub`` from whatever thread committed the
write (here the worker thread). Emitting a signal of an object that lives on the GUI thread
queues the call, so every view's handler runs on the GUI thread, and the core never knows Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from pmjournal.domain.changes import ChangeHub, Changes


class JournalSignals(QObject):
    changed = Signal(Changes)

    def __init__(self) -> None:
        super().__init__()
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self, hub: ChangeHub) -> None:
        """Listen to a journal once it is open (the window paints before that)."""
        self.detach()
        self._unsubscribe = hub.subscribe(self.changed.emit)

    def detach(self) -> None:
        """Stop listening, before the journal closes."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
