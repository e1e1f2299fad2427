"""The version is written once (pyproject.toml) and read from the package metadata."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from cli_process import run_pmjournal

import pmjournal

REPO = Path(__file__).resolve().parents[2]
WRITTEN = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_version_prints_the_version_written_in_pyproject(tmp_path: Path) -> None:
    done = run_pmjournal("--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"pmjournal, version {WRITTEN}\n"
    assert pmjournal.__version__ == WRITTEN


def test_other_commands_do_not_pay_for_the_metadata_lookup(tmp_path: Path) -> None:
    probe = "import sys, pmjournal.cli.main; print('importlib.metadata' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_an_unknown_attribute_is_still_an_attribute_error() -> None:
    assert not hasattr(pmjournal, "__nonexistent__")
