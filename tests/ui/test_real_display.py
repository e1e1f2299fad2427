"""The real app on a real X server (xcb, not offscreen), driven with xdotool."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "xvfb_drive.py"


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)",
)
def test_ctrl_n_typing_and_ctrl_q_on_xvfb_leave_a_searchable_entry(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--keep", str(tmp_path / "journal")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "stderr: ''" in done.stdout
