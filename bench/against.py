"""This checkout against another install of pmjournal, interleaved, on the same journals.

    .venv/bin/python bench/against.py --baseline /path/to/other/.venv [--runs 15]

"No worse than before" cannot be read off figures taken on another day: these machines are
shared, and a busy day doubles every wall time. So both installs run here, one after the
other, command by command, and the table gives each side's median wall time and median CPU
time (user + system of the child, which other load inflates far less), and their ratio. Each
side builds its own journals with its own ``demo`` (a 10,000-entry one for ``add`` and
``search``, the standard demo for ``portfolio``), so each reads a schema it knows.

The baseline is any virtualenv with pmjournal installed, for example a worktree of an older
commit: ``git worktree add /tmp/base <commit> && python3 -m venv /tmp/base/.venv &&
/tmp/base/.venv/bin/pip install -e /tmp/base``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

LARGE_WEEKS = 1669  # about 10,000 entries, as bench/store.py builds
ADD = ["add", "--text", "Benchmark entry from the CLI"]
SEARCH = ["search", "roadmap"]


@dataclass
class Side:
    name: str
    program: Path
    large: Path
    demo: Path
    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PMJOURNAL_", "PYTHON"))}


def run(side: Side, label: str, args: list[str]) -> None:
    """One whole process, its wall time and the CPU time it used, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [str(side.program), *args], env=_environment(), capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{side.name}: {' '.join(args)} failed: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    side.wall.setdefault(label, []).append(wall)
    side.cpu.setdefault(label, []).append(cpu)


def prepare(side: Side) -> None:
    for folder, extra in ((side.large, ["--weeks", str(LARGE_WEEKS)]), (side.demo, [])):
        subprocess.run(
            [str(side.program), "--data-dir", str(folder), "demo", *extra],
            env=_environment(),
            capture_output=True,
            check=True,
        )


def measure(sides: list[Side], runs: int, out: Path) -> list[str]:
    commands = {
        "`pmjournal add` (10,000 entries)": lambda s: ["--data-dir", str(s.large), *ADD],
        "`pmjournal search roadmap` (10,000 entries)": lambda s: [
            "--data-dir",
            str(s.large),
            *SEARCH,
        ],
        "`pmjournal portfolio` (demo)": lambda s: [
            "--data-dir",
            str(s.demo),
            "portfolio",
            "--out",
            str(out / f"{s.name}.pdf"),
        ],
    }
    for _ in range(runs):
        for label, args in commands.items():
            for side in sides:
                run(side, label, args(side))
    return list(commands)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(base: Side, this: Side, labels: list[str], runs: int) -> str:
    lines = [
        f"{runs} interleaved runs per command; medians. Load average at the end: "
        f"{os.getloadavg()[0]:.1f}.",
        "",
        "| command | wall, baseline | wall, this | CPU, baseline | CPU, this | CPU ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in labels:
        walls = [statistics.median(s.wall[label]) for s in (base, this)]
        cpus = [statistics.median(s.cpu[label]) for s in (base, this)]
        lines.append(
            f"| {label} | {ms(walls[0])} | {ms(walls[1])} | {ms(cpus[0])} | {ms(cpus[1])} "
            f"| {cpus[1] / cpus[0]:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the other virtualenv")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    this_program = Path(sys.executable).with_name("pmjournal")
    with tempfile.TemporaryDirectory(prefix="pmjournal-against-") as scratch:
        root = Path(scratch)
        sides = [
            Side(name, program, root / name / "large", root / name / "demo")
            for name, program in (
                ("baseline", args.baseline / "bin" / "pmjournal"),
                ("this", this_program),
            )
        ]
        for side in sides:
            prepare(side)
        labels = measure(sides, args.runs, root)
        print(table(sides[0], sides[1], labels, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
