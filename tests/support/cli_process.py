"""Running ``pmjournal`` as a user does: a real process, with a clean environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_pmjournal(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m pmjournal ARGS`` with no inherited PMJOURNAL_* variables.

    XDG_DATA_HOME points into ``cwd`` so a test that forgets ``--data-dir`` never touches the
    developer's real journal.
    """
    base = {k: v for k, v in os.environ.items() if not k.startswith("PMJOURNAL_")}
    base["XDG_DATA_HOME"] = str(cwd / "xdg-data")
    return subprocess.run(
        [sys.executable, "-m", "pmjournal", *map(str, args)],
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def assert_refused(done: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit code 2 and exactly one line on stderr, naming what is wrong; nothing on stdout."""
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("pmjournal")
    for word in words:
        assert word in lines[0]
    assert done.stdout == ""
    return lines[0]
