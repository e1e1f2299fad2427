"""Journal core benchmark: save, search, open and export on a 10,000-entry journal.

    .venv/bin/python bench/store.py [--entries 10000] [--keep DIR]

Builds the journal with the demo generator (a realistic career, not lorem ipsum), then times
the service calls the CLI and the GUI make, in process, and the whole ``pmjournal add`` and
``pmjournal search`` processes. Prints a Markdown table with the targets from PRODUCT.md
("Quality bars"); docs/benchmarks.md records the figures.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pmjournal.services.demo.bulk import entries_for
from pmjournal.services.demo.content import CORE_WEEKS, load_core
from pmjournal.services.demo.generate import generate_demo
from pmjournal.services.exchange.json_exchange import build_document, write_document
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.services.search import search_journal
from pmjournal.storage import models
from pmjournal.storage.database import DB_FILENAME, open_journal

# What a user of the demo journal looks for: common and rare words, two words, a prefix, a
# word that is nowhere. Match counts on the 10,000-entry demo: checkout ~1,300, interview
# ~1,100, roadmap ~900, conversion ~400, p75 6.
QUERIES = (
    "checkout",
    "launch notes",
    "interview",
    "roadmap",
    "conversion",
    "appoint",
    "legal review",
    "competitors",
    "p75",
    "zyxwvut",
)
# The worst case: a word in almost every entry (as search-as-you-type sends after one word).
WORST_QUERY = "the"


@dataclass(frozen=True)
class Row:
    what: str
    samples: list[float]
    target: float | None  # seconds; None where PRODUCT.md sets no figure

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def weeks_for(entries: int) -> int:
    core = len(load_core().entries)
    extra = 0
    while core + entries_for(extra) < entries:
        extra += 1
    return CORE_WEEKS + extra


def build(folder: Path, entries: int) -> int:
    journal = open_journal(folder, auto_backup=False)
    try:
        with journal.reading() as session:
            existing = session.query(models.Entry).count()
        if existing == 0:
            start = time.perf_counter()
            summary = generate_demo(journal, weeks=weeks_for(entries)).value
            print(
                f"built {summary.entries:,} entries, {summary.projects:,} projects, "
                f"{summary.feedback:,} feedback in {time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )
            existing = summary.entries
        return existing
    finally:
        journal.close()


def program() -> list[str]:
    script = Path(sys.executable).with_name("pmjournal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pmjournal"]


def whole_process(args: list[str], repeat: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMJOURNAL_")}
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(program() + args, env=env, capture_output=True, text=True)
        samples.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr}")
    return samples


def measure(folder: Path, repeat: int) -> list[Row]:
    rows: list[Row] = []

    def first_open_of_the_day() -> None:
        for made in (folder / "backups").glob("*/journal-*.sqlite3"):
            if made.stat().st_mtime > started:
                made.unlink()
        open_journal(folder).close()

    started = time.time()
    rows.append(Row("first open of a day (`open_journal`, writes 2 rotation backups)",
                    timed(first_open_of_the_day, 5), None))  # fmt: skip
    rows.append(Row("open a current journal (`open_journal`)", timed(
        lambda: open_journal(folder).close(), repeat), None))  # fmt: skip

    journal = open_journal(folder, auto_backup=False)
    try:
        with journal.reading() as session:
            project = session.query(models.Project).order_by(models.Project.id.desc()).first()
            assert project is not None
            project_name = project.name
        counter = iter(range(10**6))

        def save() -> None:
            number = next(counter)
            add_entry(
                journal,
                EntryDraft(
                    text=f"Benchmark note {number}: reviewed the funnel with design and data.",
                    day=date(2026, 11, 24),
                    projects=[project_name],
                    skills=["Data analysis", "Communication"],
                    tags=["bench"],
                ),
            )

        save()
        rows.append(Row("save one entry, 1 project + 2 skills (`add_entry`)",
                        timed(save, repeat * 2), 0.010))  # fmt: skip

        for query in (*QUERIES, WORST_QUERY):  # warm the cache as an open app would be
            search_journal(journal, query)
        samples = []
        for _ in range(repeat):
            for query in QUERIES:
                samples += timed(lambda q=query: search_journal(journal, q), 1)
        rows.append(Row(f"search, {len(QUERIES)} typical queries (`search_journal`, top 20)",
                        samples, 0.030))  # fmt: skip
        rows.append(Row(f"search, worst case {WORST_QUERY!r} (matches ~90% of records)", timed(
            lambda: search_journal(journal, WORST_QUERY), repeat), 0.030))  # fmt: skip

        with tempfile.TemporaryDirectory() as out:
            target = Path(out) / "journal.json"
            rows.append(Row("export JSON (`build_document` + `write_document`)", timed(
                lambda: write_document(build_document(journal), target), 3), None))  # fmt: skip
            print(f"export size {target.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    finally:
        journal.close()

    data = ["--data-dir", str(folder)]
    rows.append(Row("`pmjournal add` (whole process)", whole_process(
        [*data, "add", "--text", "Benchmark entry from the CLI"], 5), 0.5))  # fmt: skip
    rows.append(Row("`pmjournal search roadmap` (whole process)", whole_process(
        [*data, "search", "roadmap"], 5), 0.5))  # fmt: skip
    rows.append(Row("bare `python -c pass` (for scale)", whole_process_python(5), None))
    return rows


def whole_process_python(repeat: int) -> list[float]:
    return timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(rows: list[Row], entries: int) -> str:
    lines = [
        f"Journal of {entries:,} entries; {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} cores.",
        "",
        "| measure | n | median | p95 | target | verdict |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        if row.target is None:
            target, verdict = "—", "—"
        else:
            target = f"< {fmt(row.target)}"
            verdict = "meets" if row.median < row.target else "MISSES"
        lines.append(
            f"| {row.what} | {len(row.samples)} | {fmt(row.median)} | {fmt(row.p95)} "
            f"| {target} | {verdict} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20, help="samples per in-process measure")
    parser.add_argument("--keep", type=Path, help="build in (or reuse) this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pmjournal-bench-"))
    try:
        entries = build(folder, args.entries)
        rows = measure(folder, args.repeat)
        print(table(rows, entries))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
        elif (folder / DB_FILENAME).exists():
            print(f"journal kept in {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
