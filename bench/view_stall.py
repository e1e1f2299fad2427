"""Desktop responsiveness on a large journal: the longest call on the UI thread.

    .venv/bin/python bench/view_stall.py [--weeks 520] [--keep DIR]

Opens the real main window on a ``--weeks`` demo journal with the real worker thread, then
switches to each record view (its first load) and opens the largest projects. Every event the
GUI thread handles is timed (``QApplication.notify``, outermost call only), so the figure is
the longest stretch the window could not repaint or take a key: the reads themselves run on
the worker. Also reports the wall time from the action until the view is filled. Runs with
Qt's offscreen platform. docs/benchmarks.md records the figures; the target is 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from pmjournal.services.demo.generate import generate_demo
from pmjournal.services.journal import DB_FILENAME, open_journal


class TimedApp(QApplication):
    """Times each event the GUI thread handles; nested deliveries count in their outer one."""

    def __init__(self) -> None:
        super().__init__(sys.argv[:1])
        self.depth = 0
        self.longest = 0.0
        self.longest_what = ""

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        self.depth += 1
        start = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self.depth -= 1
            spent = time.perf_counter() - start
            if self.depth == 0 and spent > self.longest:
                self.longest = spent
                self.longest_what = f"{type(receiver).__name__} {event.type().name}"

    def reset(self) -> None:
        self.longest, self.longest_what = 0.0, ""


def make_journal(folder: Path, weeks: int) -> Path:
    if not (folder / DB_FILENAME).exists():
        journal = open_journal(folder, auto_backup=False)
        generate_demo(journal, weeks=weeks)
        journal.close()
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--keep", type=Path, help="build the journal here and reuse it")
    args = parser.parse_args()
    app = TimedApp()
    from pmjournal.services.records.projects import list_projects
    from pmjournal.ui.app import application
    from pmjournal.ui.main_window import MainWindow
    from pmjournal.ui.tasks import WorkerRunner

    application()
    with tempfile.TemporaryDirectory(prefix="pmjournal-stall-") as scratch:
        folder = make_journal(args.keep or Path(scratch) / "large", args.weeks)
        journal = open_journal(folder, auto_backup=False)
        runner = WorkerRunner()
        settings = QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(journal, runner, settings)
        window.resize(1280, 800)
        window.show()
        window.start()

        def idle() -> None:
            """Wait until every job queued so far ran and its result was shown."""
            done: list[bool] = []
            runner.run(lambda: None, lambda _none: done.append(True))
            while not done:
                app.processEvents()
                time.sleep(0.001)
            for _ in range(5):
                app.processEvents()

        idle()
        rows: list[tuple[str, float, float, str]] = []

        def measure(label: str, action: object) -> None:
            app.reset()
            start = time.perf_counter()
            action()  # type: ignore[operator]
            called = time.perf_counter() - start
            idle()
            longest, what = max((app.longest, app.longest_what), (called, "the call itself"))
            rows.append((label, longest * 1000, (time.perf_counter() - start) * 1000, what))

        for row, title in enumerate(("Projects", "Skills", "Feedback", "Goals", "People"), 1):
            measure(f"switch to {title} (first load)", lambda r=row: window.show_view(r))
        measure("switch to Journal", lambda: window.show_view(0))
        measure("switch to Projects again", lambda: window.show_view(1))
        projects = sorted(
            list_projects(journal, limit=1000).items,
            key=lambda p: -(p.entry_count + p.metric_count),
        )
        for project in projects[:3]:
            measure(
                f"open project ({project.entry_count} entries, {project.metric_count} metrics)",
                lambda p=project.id: window.records.projects.open_project(p),
            )
        total = list_projects(journal, limit=1).total
        window.close()
        runner.shutdown()
        journal.close()
    print(f"{args.weeks}-week journal, {total} projects; offscreen; worker thread on")
    print("| action | longest UI-thread call | until shown | longest event |")
    print("|---|---|---|---|")
    for label, longest, wall, what in rows:
        print(f"| {label} | {longest:.0f} ms | {wall:.0f} ms | {what} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
