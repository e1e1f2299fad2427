"""``pmjournal capture`` from the command line: where no window can open, a refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_without_a_display_capture_is_refused_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
        and not k.startswith("PMJOURNAL_")
    }
    done = subprocess.run(
        [sys.executable, "-m", "pmjournal", "--data-dir", str(tmp_path / "j"), "capture"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no display" in done.stderr
    assert not (tmp_path / "j").exists()
