"""The bundled app's size and cold start, beside the same commands from the project's venv.

    python3 bench/bundle.py [--bundle dist/pmjournal] [--runs 5]

Run after ``make dist``. Each run starts a new process in the clean environment
``make dist-check`` uses (only PATH, a new HOME, LANG), and ``demo`` fills a new data folder
each time, so every run pays for creating the journal and its schema. Prints a Markdown table;
docs/benchmarks.md records the figures. Standard library only.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "packaging"))

from dist_check import clean_environment  # noqa: E402  (packaging/ is not a package)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def wall_times(program: Path, args: list[str], runs: int) -> list[float]:
    """Seconds from start to exit of ``program --data-dir NEW args``, once per run."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="pmjournal-bench-") as scratch:
            home = Path(scratch) / "home"
            home.mkdir()
            command = [str(program), "--data-dir", str(Path(scratch) / "data"), *args]
            started = time.perf_counter()
            subprocess.run(
                command, env=clean_environment(home), cwd=home, capture_output=True, check=True
            )
            times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "pmjournal")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    programs = {
        "bundle": args.bundle / "pmjournal",
        "venv": REPO / ".venv" / "bin" / "pmjournal",
    }
    size = folder_size(args.bundle)
    files = sum(1 for p in args.bundle.rglob("*") if p.is_file())
    print(f"bundle: {args.bundle}, {size / 2**20:.0f} MiB in {files} files")
    print("\n| command | program | n | median | min | max |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for label, command in (("--version", ["--version"]), ("demo", ["demo"])):
        for name, program in programs.items():
            if not program.exists():
                continue
            times = wall_times(program, command, args.runs)
            print(
                f"| `pmjournal {label}` | {name} | {len(times)} | "
                f"{statistics.median(times) * 1000:.0f} ms | {min(times) * 1000:.0f} ms | "
                f"{max(times) * 1000:.0f} ms |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
