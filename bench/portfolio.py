"""Portfolio benchmark: time and peak memory, and our overhead over WeasyPrint alone.

    .venv/bin/python bench/portfolio.py [--weeks 520] [--runs 5] [--keep DIR]

Builds two journals with the demo generator: the 12-week demo and a large one (``--weeks``,
every project in the portfolio). For each it measures

- the whole ``pmjournal portfolio`` process, start to exit, and its peak resident memory
  (``wait4`` gives the child's own ``ru_maxrss``);
- in process, warm: ``build_portfolio`` end to end, and WeasyPrint alone rendering the same
  final HTML and CSS (fonts by ``file://``, its default fetcher) to PDF. The difference is our
  overhead: reading the journal, the view, the templates, our fetcher, the atomic write.

Prints a Markdown table with the targets from PRODUCT.md; docs/benchmarks.md records it.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pmjournal.render.resources import RESOURCE_SCHEME, resources_root
from pmjournal.services.demo.generate import generate_demo
from pmjournal.services.portfolio.build import build_portfolio, prepare_portfolio
from pmjournal.storage.database import DB_FILENAME, open_journal


@dataclass(frozen=True)
class Figures:
    label: str
    pages: int
    process_s: float
    peak_mb: float
    ours_s: float
    weasyprint_s: float
    prepare_s: float
    overhead: float


def make_journal(folder: Path, weeks: int) -> Path:
    """The demo journal of ``weeks`` weeks in ``folder``, reused if ``--keep`` kept it."""
    if (folder / DB_FILENAME).exists():
        return folder
    journal = open_journal(folder, auto_backup=False)
    generate_demo(journal, weeks=weeks)
    journal.close()
    return folder


def whole_process(data_dir: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``pmjournal portfolio`` process."""
    command = [sys.executable, "-m", "pmjournal", "--data-dir", str(data_dir)]
    command += ["portfolio", "--out", str(out)]
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            raise SystemExit(f"pmjournal portfolio failed: {errors.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def weasyprint_alone(html: str, stylesheets: tuple[str, ...]) -> float:
    """WeasyPrint on the same HTML and CSS, as a plain user of it would call it."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    root = resources_root().as_uri() + "/"
    started = time.perf_counter()
    fonts = FontConfiguration()
    css = [
        CSS(string=t.replace(f"{RESOURCE_SCHEME}:", root), font_config=fonts) for t in stylesheets
    ]
    HTML(string=html).write_pdf(io.BytesIO(), stylesheets=css, font_config=fonts)
    return time.perf_counter() - started


def measure(label: str, data_dir: Path, runs: int, scratch: Path) -> Figures:
    process_s, peak_mb = whole_process(data_dir, scratch / f"{label}-cli.pdf")
    journal = open_journal(data_dir, auto_backup=False)
    try:
        prepared = prepare_portfolio(journal)
        weasyprint_alone(prepared.html, prepared.stylesheets)  # warm caches once, untimed
        ours: list[float] = []
        alone: list[float] = []
        prepare: list[float] = []
        pages = 0
        for _ in range(runs):
            started = time.perf_counter()
            prepared = prepare_portfolio(journal)
            prepare.append(time.perf_counter() - started)
            started = time.perf_counter()
            pages = build_portfolio(journal, scratch / f"{label}.pdf").pages
            ours.append(time.perf_counter() - started)
            alone.append(weasyprint_alone(prepared.html, prepared.stylesheets))
    finally:
        journal.close()
    # Runs are paired (ours, then WeasyPrint alone) so background load hits both alike; the
    # overhead is the median of the per-pair ratios.
    ratios = [mine / theirs - 1 for mine, theirs in zip(ours, alone, strict=True)]
    return Figures(
        label,
        pages,
        process_s,
        peak_mb,
        statistics.median(ours),
        statistics.median(alone),
        statistics.median(prepare),
        statistics.median(ratios),
    )


def report(demo: Figures, large: Figures, weeks: int, runs: int) -> str:
    def verdict(ok: bool) -> str:
        return "meets" if ok else "misses"

    rows = [
        (f"demo: `pmjournal portfolio`, whole process ({demo.pages} pages)",
         f"{demo.process_s:.2f} s", "< 3 s", verdict(demo.process_s < 3)),
        ("demo: `build_portfolio` in process, warm", f"{demo.ours_s:.2f} s", "< 3 s",
         verdict(demo.ours_s < 3)),
        ("demo: WeasyPrint alone, same HTML and CSS", f"{demo.weasyprint_s:.2f} s", "—", "—"),
        ("demo: of which journal → HTML (`prepare_portfolio`)", f"{demo.prepare_s:.3f} s", "—",
         "—"),
        ("demo: our overhead over WeasyPrint alone", f"{demo.overhead:+.1%}", "< 20 %",
         verdict(demo.overhead < 0.2)),
        ("demo: peak memory, whole process", f"{demo.peak_mb:.0f} MB", "—", "—"),
        (f"large ({weeks} weeks): whole process ({large.pages} pages)",
         f"{large.process_s:.1f} s", "—", "—"),
        ("large: `build_portfolio` in process, warm", f"{large.ours_s:.1f} s", "—", "—"),
        ("large: WeasyPrint alone, same HTML and CSS", f"{large.weasyprint_s:.1f} s", "—", "—"),
        ("large: of which journal → HTML", f"{large.prepare_s:.2f} s", "—", "—"),
        ("large: our overhead over WeasyPrint alone", f"{large.overhead:+.1%}", "< 20 %",
         verdict(large.overhead < 0.2)),
        ("large: peak memory, whole process", f"{large.peak_mb:.0f} MB", "< 600 MB",
         verdict(large.peak_mb < 600)),
    ]  # fmt: skip
    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"
        f"; in-process figures are medians of {runs} runs (large: {max(1, runs // 3)}).",
        "",
        "| measure | value | target (PRODUCT.md) | verdict |",
        "| --- | ---: | ---: | --- |",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weeks", type=int, default=520, help="weeks in the large journal")
    parser.add_argument("--runs", type=int, default=5, help="in-process runs for the demo")
    parser.add_argument("--keep", type=Path, help="build the journals here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="pmjournal-bench-"))
    try:
        print("building journals…", file=sys.stderr)
        demo_dir = make_journal(base / "demo", 12)
        large_dir = make_journal(base / "large", args.weeks)
        print("measuring the demo…", file=sys.stderr)
        demo = measure("demo", demo_dir, args.runs, base)
        print("measuring the large journal…", file=sys.stderr)
        large = measure("large", large_dir, max(1, args.runs // 3), base)
        print(report(demo, large, args.weeks, args.runs))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
