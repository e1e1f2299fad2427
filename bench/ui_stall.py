"""How late the UI thread's timer fires while the Outputs view works on a large journal.

    .venv/bin/python bench/ui_stall.py [--weeks 520] [--keep DIR]

Opens the real main window (offscreen) with the real worker thread on a large demo journal
(``--weeks``, every project in the portfolio), starts a 16 ms ``QTimer`` on the UI thread and
records, for every tick, how much later than 16 ms after the previous one it came. Then, one
after the other, as a user would from the Outputs view:

- the portfolio, the app's way: ``pmjournal portfolio`` in a child process, then the preview
  pages rendered on the worker and shown;
- the résumé bullets, the interview stories and this week's update, on the worker thread;
- for comparison, the same portfolio built by ``build_portfolio`` on the worker thread, which
  is what a thread instead of a child process would give.

Prints a Markdown table (worst and 99th-percentile delay per phase) for docs/benchmarks.md.
PRODUCT.md: the UI thread never stalls for more than 50 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer, Signal, SignalInstance

from pmjournal.services.demo.generate import generate_demo
from pmjournal.services.journal import DB_FILENAME, open_journal
from pmjournal.services.portfolio.build import build_portfolio
from pmjournal.ui.app import application
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.tasks import WorkerRunner

INTERVAL = 0.016
BAR_MS = 50.0


@dataclass(frozen=True)
class Phase:
    label: str
    seconds: float
    ticks: int
    worst_ms: float
    p99_ms: float


class Lateness(QObject):
    """A 16 ms timer on the UI thread; ``delays`` holds each tick's lateness in seconds."""

    def __init__(self) -> None:
        super().__init__()
        self.delays: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(round(INTERVAL * 1000))
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays.append(max(0.0, now - self._last - INTERVAL))
        self._last = now

    def restart(self) -> None:
        self.delays = []
        self._last = time.perf_counter()


def wait_for(signal: SignalInstance, start: Callable[[], None], timeout_s: float = 900) -> None:
    """Run ``start`` and spin the event loop until ``signal`` fires."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(round(timeout_s * 1000), loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def measure(
    label: str, watch: Lateness, signal: SignalInstance, start: Callable[[], None]
) -> Phase:
    watch.restart()
    started = time.perf_counter()
    wait_for(signal, start)
    seconds = time.perf_counter() - started
    delays = sorted(watch.delays) or [0.0]
    p99 = delays[min(len(delays) - 1, round(0.99 * (len(delays) - 1)))]
    phase = Phase(label, seconds, len(watch.delays), delays[-1] * 1000, p99 * 1000)
    print(f"  {label}: {seconds:.1f} s, worst {phase.worst_ms:.1f} ms", file=sys.stderr)
    return phase


def make_journal(folder: Path, weeks: int) -> Path:
    if not (folder / DB_FILENAME).exists():
        journal = open_journal(folder, auto_backup=False)
        generate_demo(journal, weeks=weeks)
        journal.close()
    return folder


class Done(QObject):
    """A signal for phases that are a plain callback."""

    finished = Signal()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--keep", type=Path, help="Keep (and reuse) the large journal here.")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="pmjournal-stall-"))
    folder = make_journal(args.keep or scratch / "large", args.weeks)
    app = application()
    runner = WorkerRunner()
    journal = open_journal(folder, auto_backup=False)
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(journal, runner, settings)
    window.resize(1280, 800)
    window.show()
    window.start()
    window.show_view(6)
    outputs = window.outputs_view
    builder = outputs.portfolio
    loaded = Done()
    runner.run(lambda: None, lambda _none: loaded.finished.emit())
    wait_for(loaded.finished, lambda: None)
    app.processEvents()
    watch = Lateness()
    phases = [
        measure(
            "idle window, 3 s",
            watch,
            loaded.finished,
            lambda: QTimer.singleShot(3000, loaded.finished.emit),
        ),
    ]
    builder.out.setText(str(scratch / "portfolio.pdf"))
    phases.append(
        measure(
            "portfolio: child process, then preview",
            watch,
            builder.previewShown,
            builder.start,
        )
    )
    for label, view in (
        ("résumé bullets (worker thread)", outputs.bullets),
        ("interview stories (worker thread)", outputs.stories),
        ("weekly update (worker thread)", outputs.weekly),
    ):
        phases.append(measure(label, watch, view.loaded, lambda v=view: outputs.show_tab(v)))
    in_thread = scratch / "in-thread.pdf"
    phases.append(
        measure(
            "for comparison: portfolio on the worker thread",
            watch,
            loaded.finished,
            lambda: runner.run(
                lambda: build_portfolio(journal, in_thread),
                lambda _result: loaded.finished.emit(),
            ),
        )
    )
    window.close()
    runner.shutdown()
    journal.close()
    pages = builder.preview_note.text()
    print(
        f"\n`bench/ui_stall.py --weeks {args.weeks}`, {date.today()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores. Preview: {pages}\n"
    )
    print("| phase | time | ticks | worst delay | p99 delay | bar (worst < 50 ms) |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for phase in phases:
        verdict = "meets" if phase.worst_ms < BAR_MS else "misses"
        print(
            f"| {phase.label} | {phase.seconds:.1f} s | {phase.ticks} | "
            f"{phase.worst_ms:.1f} ms | {phase.p99_ms:.1f} ms | {verdict} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
