"""Pathological journal text: how long each output takes, and how much memory, on hostile input.

    .venv/bin/python bench/pathological.py [--timeout 60] [--only CASE]...

Each case copies the demo journal, writes one kind of hostile text straight into the file
(bypassing the caps ``add`` and ``import`` now enforce, as an old journal or a hand-edited file
could hold it) and runs ``pmjournal portfolio``, ``bullets`` and ``export --format markdown``
as whole processes, each stopped after ``--timeout`` seconds. It prints one Markdown table row
per case and output: wall time, exit code and peak resident memory (``wait4``'s ``ru_maxrss``
of the child alone). docs/benchmarks.md records the figures before and after the guards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pmjournal.services.demo.generate import generate_demo
from pmjournal.storage.database import DB_FILENAME, open_journal

MB = 1_000_000


def _brackets(size: int) -> str:
    unit = "[![x](" + "[" * 3
    return unit * (size // len(unit))


def _nested_list(levels: int) -> str:
    return "- " * levels + "deep"


def _nested_quote(levels: int) -> str:
    return "\n".join(">" * depth + " deeper" for depth in range(1, levels))


def _data_images(total: int) -> list[str]:
    """Entries of about 1 MB each, full of inline images, adding up to ``total`` bytes (the
    demo journal has 60 entries)."""
    image = "![chart](data:image/png;base64," + "iVBORw0KGgo" * 9_000 + ")\n\n"
    per_entry = max(1, MB // len(image))
    return [image * per_entry for _ in range(max(1, total // (per_entry * len(image))))]


def set_project_field(db: Path, field: str, text: str) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute(
            f"UPDATE projects SET {field} = ? WHERE id = (SELECT min(id) FROM projects "
            "WHERE confidential = 0)",
            (text,),
        )


def set_entry_bodies(db: Path, bodies: list[str]) -> None:
    """Replace the bodies of the first entries of the journal, oldest first."""
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM entries ORDER BY id")]
        for entry_id, body in zip(ids, bodies, strict=False):
            connection.execute("UPDATE entries SET body = ? WHERE id = ?", (body, entry_id))


def set_names(db: Path, length: int) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE projects SET name = ? WHERE id = (SELECT min(id) FROM projects "
            "WHERE confidential = 0)",
            ("Onboarding" * (length // 10),),
        )
        connection.execute(
            "UPDATE skills SET name = ? WHERE name = 'User research'", ("Research" * (length // 8),)
        )


CASES: dict[str, tuple[str, Callable[[Path], None]]] = {
    "none": ("the demo journal as it is (for scale)", lambda db: None),
    "brackets-9k": (
        "nested brackets and image/link syntax, 9 KB in one project field",
        lambda db: set_project_field(db, "approach", _brackets(9_000)),
    ),
    "brackets-1m": (
        "nested brackets and image/link syntax, 1 MB in one project field",
        lambda db: set_project_field(db, "approach", _brackets(MB)),
    ),
    "list-5000": (
        "a list nested 5,000 levels in one project field",
        lambda db: set_project_field(db, "approach", _nested_list(5_000)),
    ),
    "quote-1000": (
        "block quotes nested 1,000 levels (0.5 MB) in one project field",
        lambda db: set_project_field(db, "context", _nested_quote(1_000)),
    ),
    "names-5000": (
        "a project and a skill name of 5,000 characters without spaces",
        lambda db: set_names(db, 5_000),
    ),
    "data-60m": (
        "60 MB of inline data: images in entries",
        lambda db: set_entry_bodies(db, _data_images(60 * MB)),
    ),
}

OUTPUTS: dict[str, Callable[[Path, Path], list[str]]] = {
    "portfolio": lambda data, out: ["portfolio", "--out", str(out / "p.pdf")],
    "bullets": lambda data, out: ["bullets", "--out", str(out / "bullets.txt")],
    "export md": lambda data, out: ["export", "--format", "markdown", "--out", str(out / "md")],
}


def run(data_dir: Path, args: list[str], timeout: float) -> tuple[float, str, float]:
    """Wall time, exit status (or "killed") and peak memory in MB of one whole process."""
    command = [sys.executable, "-m", "pmjournal", "--data-dir", str(data_dir), *args]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.send_signal(signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.stderr is not None
    error = child.stderr.read().decode(errors="replace").strip().splitlines()
    child.stderr.close()
    if child.returncode == -signal.SIGKILL:
        outcome = f"killed after {timeout:.0f} s"
    else:
        outcome = f"exit {child.returncode}"
        if child.returncode not in (0, 2) and error:
            outcome += f" ({error[-1][:70]})"
    return elapsed, outcome, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", action="append", choices=sorted(CASES))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pmj-hostile-") as scratch:
        root = Path(scratch)
        template = root / "template"
        journal = open_journal(template, auto_backup=False)
        generate_demo(journal)
        journal.close()
        print("| case | output | time | result | peak memory |")
        print("| --- | --- | ---: | --- | ---: |")
        for name in options.only or CASES:
            description, spoil = CASES[name]
            data_dir = root / name
            data_dir.mkdir()
            shutil.copy2(template / DB_FILENAME, data_dir / DB_FILENAME)
            spoil(data_dir / DB_FILENAME)
            for output, arguments in OUTPUTS.items():
                out = root / f"{name}-out"
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                elapsed, outcome, peak = run(data_dir, arguments(data_dir, out), options.timeout)
                print(
                    f"| {description} | {output} | {elapsed:.1f} s | {outcome} | {peak:.0f} MB |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
