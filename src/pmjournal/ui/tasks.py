"""Every journal call runs on one worker thread, in order, so SQLite is used from one thread.

Anki's ``taskman`` and Picard's ``run_task(func, next_func)``: the work runs off the GUI thread
and its result is posted back to the GUI thread, where ``done`` (or ``failed``) is called.
Unlike Anki's unbounded pool, there is exactly one worker, so writes and reads never overlap
and a save queued before a search is committed before the search runs. Tests use
``SyncRunner``, which runs the work at once on the calling thread, so they are deterministic.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(Protocol):
    def run(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Failed | None = None
    ) -> None:
        """Run ``work`` after every task queued before it; then ``done(result)`` on the GUI."""

    def shutdown(self) -> None:
        """Finish the queued work (pending saves included) and stop."""


def _report(error: BaseException) -> None:
    """Where a task's error goes when its caller gave no handler: the app's fault dialog."""
    raise error


class SyncRunner:
    """Runs each task at once on the calling thread (tests, and scripts without an event loop)."""

    def run(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Failed | None = None
    ) -> None:
        try:
            result = work()
        except Exception as error:
            (failed or _report)(error)
            return
        done(result)

    def shutdown(self) -> None:
        return None


@dataclass(frozen=True)
class _Job:
    work: Callable[[], Any]
    done: Done
    failed: Failed | None


class WorkerRunner(QObject):
    """One daemon-free worker thread fed by a queue; results come back as a queued signal."""

    _finished = Signal(object, object, bool)

    def __init__(self) -> None:
        super().__init__()
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="journal-worker")
        self._thread.start()

    def run(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Failed | None = None
    ) -> None:
        self._queue.put(_Job(work, done, failed))

    def shutdown(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _loop(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._finished.emit(job, job.work(), True)
            except Exception as error:
                self._finished.emit(job, error, False)

    @Slot(object, object, bool)
    def _deliver(self, job: _Job, value: Any, succeeded: bool) -> None:
        if succeeded:
            job.done(value)
        else:
            (job.failed or _report)(value)
