"""The portfolio PDF, built by ``pmjournal portfolio --progress`` in a child process.

WeasyPrint is CPU-bound Python: run on a thread of the app, it shares the GIL with the window
and needs about 20 s for the large benchmark journal, with a cancel check only between layout
and writing. In a child process the window keeps every frame (bench/ui_stall.py measures it),
memory goes back to the system when it ends, and cancel is immediate: the process is killed
and the hidden partial file it was writing is removed, so the PDF appears whole or not at
all. The child reports its stages on stdout as ``progress STAGE FRACTION`` lines.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from pmjournal.ui import output_ops

STAGE_NAMES = {
    "read": "Reading the journal…",
    "compose": "Composing the case studies…",
    "layout": "Laying out the pages…",
    "write": "Writing the PDF…",
    "done": "Done",
}


@dataclass(frozen=True)
class PortfolioChoices:
    out: Path
    projects: tuple[str, ...]
    theme: str
    paper: str
    redact: bool


@dataclass(frozen=True)
class BuiltPortfolio:
    path: Path
    warnings: tuple[str, ...]


def command(data_dir: Path, choices: PortfolioChoices) -> tuple[str, list[str]]:
    """The program and arguments: this interpreter with ``-m pmjournal``, or the bundle."""
    arguments = [] if getattr(sys, "frozen", False) else ["-m", "pmjournal"]
    arguments += ["--data-dir", str(data_dir), "portfolio", "--progress", "--out", str(choices.out)]
    arguments += ["--theme", choices.theme, "--paper", choices.paper]
    for name in choices.projects:
        arguments += ["--project", name]
    if choices.redact:
        arguments.append("--redact")
    return sys.executable, arguments


class PortfolioProcess(QObject):
    progressed = Signal(str, float)
    built = Signal(BuiltPortfolio)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._choices: PortfolioChoices | None = None
        self._stdout = b""
        self._cancelling = False

    def running(self) -> bool:
        return self._process is not None

    def start(self, data_dir: Path, choices: PortfolioChoices) -> None:
        if self._process is not None:
            raise RuntimeError("a portfolio is already being built")
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process, self._choices = process, choices
        self._stdout, self._cancelling = b"", False
        program, arguments = command(data_dir, choices)
        process.start(program, arguments)

    def cancel(self) -> None:
        """Kill the build; ``cancelled`` follows once the process is gone and its file removed."""
        if self._process is not None:
            self._cancelling = True
            self._process.kill()

    def wait_finished(self, msecs: int = 30000) -> None:
        """Block until the child has exited (quitting the app with a build running)."""
        if self._process is not None:
            self._process.waitForFinished(msecs)

    def _read(self) -> None:
        if self._process is None:
            return
        self._stdout += bytes(self._process.readAllStandardOutput().data())
        *lines, self._stdout = self._stdout.split(b"\n")
        for line in lines:
            words = line.decode("utf-8", "replace").split()
            if len(words) == 3 and words[0] == "progress":
                self.progressed.emit(words[1], float(words[2]))

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process, choices = self._process, self._choices
        if process is None or choices is None:
            return
        self._read()
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        self._process = None
        process.deleteLater()
        if self._cancelling:
            output_ops.remove_partials(choices.out)
            self.cancelled.emit()
            return
        lines = [line.removeprefix("pmjournal: ") for line in errors.splitlines() if line]
        warnings = tuple(
            line.removeprefix("warning: ") for line in lines if line.startswith("warning: ")
        )
        if status is QProcess.ExitStatus.NormalExit and code == 0:
            self.built.emit(BuiltPortfolio(choices.out, warnings))
            return
        output_ops.remove_partials(choices.out)
        problems = [line for line in lines if not line.startswith("warning: ")]
        self.failed.emit(problems[-1] if problems else f"the PDF builder stopped (code {code})")

    def _error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart and self._process is not None:
            process, self._process = self._process, None
            process.deleteLater()
            self.failed.emit(f"could not start the PDF builder ({process.errorString()})")
