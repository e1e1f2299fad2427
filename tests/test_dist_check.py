"""``make dist-check``'s script, run against stand-ins for the bundle (building one takes
minutes and is not part of ``make test``).

The stand-in is a shell script that runs this environment's ``pmjournal`` by its absolute
path, so the clean environment (no PATH to the venv, a new HOME) is the one the real bundle
gets, and every check runs for real.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import dist_check
import pytest

needs_validators = pytest.mark.skipif(
    bool(dist_check.missing_tools()), reason="desktop-file-validate or appstreamcli not installed"
)


def stand_in(folder: Path, body: str) -> Path:
    """A folder holding a ``pmjournal`` program whose script is ``body``."""
    folder.mkdir()
    program = folder / "pmjournal"
    program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    program.chmod(0o755)
    return folder


@pytest.mark.slow
@needs_validators
def test_a_working_program_passes_every_check(tmp_path: Path) -> None:
    bundle = stand_in(tmp_path / "bundle", f'exec "{sys.executable}" -m pmjournal "$@"')
    results = dist_check.check_all(bundle, install=False)
    failed = [r for r in results if not r.passed]
    assert failed == []
    names = [r.name for r in results]
    for name in ("--version", "demo", "portfolio", "bullets", "window", ".desktop file"):
        assert name in names


def test_a_program_that_prints_another_version_fails(tmp_path: Path) -> None:
    bundle = stand_in(tmp_path / "bundle", 'echo "pmjournal, version 9.9.9"')
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    app = dist_check.BundleRun(bundle / "pmjournal", scratch)
    with pytest.raises(dist_check.CheckFailed, match=r"9\.9\.9"):
        app.version(dist_check.pyproject_version())


def test_the_program_sees_none_of_this_environment(tmp_path: Path) -> None:
    """What the bundle sees is exactly PATH, a new HOME and LANG: no venv, no PYTHONPATH."""
    bundle = stand_in(tmp_path / "bundle", "env")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    app = dist_check.BundleRun(bundle / "pmjournal", scratch)
    seen = dict(line.split("=", 1) for line in app().stdout.splitlines() if line and "=" in line)
    seen.pop("PWD", None)  # set by the shell itself
    assert seen == {"PATH": "/usr/bin:/bin", "HOME": str(scratch / "home"), "LANG": "C.UTF-8"}
    assert os.environ.get("PATH") != seen["PATH"]


def test_a_failing_program_is_reported_with_its_message(tmp_path: Path) -> None:
    bundle = stand_in(tmp_path / "bundle", 'echo "pmjournal: no such journal" >&2; exit 2')
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    app = dist_check.BundleRun(bundle / "pmjournal", scratch)
    with pytest.raises(dist_check.CheckFailed, match="exit code 2: pmjournal: no such journal"):
        app.demo()


def test_a_window_that_does_not_quit_after_starting_fails(tmp_path: Path) -> None:
    """The app must honour PMJOURNAL_QUIT_AFTER_START; one that stays open is a failure."""
    told = '[ "$PMJOURNAL_QUIT_AFTER_START" = 1 ] && [ "$QT_QPA_PLATFORM" = offscreen ]'
    body = f"{told} && exec sleep 30"
    bundle = stand_in(tmp_path / "bundle", body)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    app = dist_check.BundleRun(bundle / "pmjournal", scratch)
    with pytest.raises(dist_check.CheckFailed, match="still running after 1 s"):
        app.window(timeout=1)


def test_unused_qt_modules_and_test_libraries_are_found(tmp_path: Path) -> None:
    internal = tmp_path / "_internal"
    shipped = [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "pytest/__init__.pyc",
        "hypothesis-6.170.dist-info/METADATA",
        "pypdfium2/raw.py",
        "weasyprint/css/html5_ua.css",
    ]
    for name in shipped:
        (internal / name).parent.mkdir(parents=True, exist_ok=True)
        (internal / name).write_bytes(b"")
    assert dist_check.forbidden_files(tmp_path) == [
        "_internal/PySide6/Qt/lib/libQt6Qml.so.6",
        "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "_internal/hypothesis-6.170.dist-info",
        "_internal/pytest",
    ]


def test_the_metainfo_names_the_version_in_pyproject() -> None:
    assert dist_check.newest_release(dist_check.METAINFO_FILE) == dist_check.pyproject_version()


@needs_validators
def test_the_desktop_files_are_valid() -> None:
    assert dist_check.validate_desktop_file() == "valid"
    dist_check.validate_metainfo()


@needs_validators
def test_a_broken_desktop_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.desktop"
    text = dist_check.DESKTOP_FILE.read_text(encoding="utf-8").replace("Type=Application\n", "")
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(dist_check.CheckFailed, match="Type"):
        dist_check.validate_desktop_file(broken)


@needs_validators
def test_missing_bundle_fails_and_says_how_to_build_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert dist_check.main([str(tmp_path / "nowhere"), "--no-install"]) == 1
    out = capsys.readouterr().out
    assert "run make dist" in out
    assert out.splitlines()[-1] == "dist-check: 4 passed, 1 failed"


def test_validators_missing_without_install_fail_without_installing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With an empty PATH the tools are missing; --no-install must not reach for apt-get."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("desktop-file-validate") is None
    assert dist_check.main([str(tmp_path / "nowhere"), "--no-install"]) == 1
    out = capsys.readouterr().out
    assert "FAIL validators" in out and "not found" in out
    assert "installing" not in out
