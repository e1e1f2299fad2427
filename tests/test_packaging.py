"""What ``pip install pmjournal`` gives a user: every package, the migrations and resources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def package_folders(root: Path, prefix: str) -> set[str]:
    """Dotted names of ``root`` and every folder below it that holds Python code."""
    found = set()
    for folder in [root, *sorted(p for p in root.rglob("*") if p.is_dir())]:
        if "__pycache__" in folder.parts or folder.name.endswith(".egg-info"):
            continue
        if any(folder.glob("*.py")):
            relative = folder.relative_to(root).parts
            found.add(".".join((prefix, *relative)))
    return found


def test_the_packages_list_names_every_package_folder() -> None:
    setuptools = PYPROJECT["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    expected = package_folders(REPO / "src" / "pmjournal", "pmjournal")
    for top in ("migrations", "resources"):
        folders = [REPO / top, *(p for p in (REPO / top).rglob("*") if p.is_dir())]
        expected |= {
            ".".join(("pmjournal", top, *f.relative_to(REPO / top).parts))
            for f in folders
            if f.name != "__pycache__"
        }
    assert sorted(expected - listed) == [], "add these to [tool.setuptools] packages"
    assert sorted(listed - expected) == [], "these are listed but have no folder"
    assert setuptools["package-dir"]["pmjournal.migrations"] == "migrations"
    assert setuptools["package-dir"]["pmjournal.resources"] == "resources"
    assert "versions/*.py" in setuptools["package-data"]["pmjournal.migrations"]


def shipped_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.slow
def test_the_installed_wheel_opens_a_new_journal_outside_the_repository(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "migrations", "resources"):
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    env = {
        k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("PMJOURNAL_")
    }

    def run(*args: str | Path, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
        return done

    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", source)
    [wheel] = (tmp_path / "dist").glob("pmjournal-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        wheel,
    )
    site_packages = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        ).stdout.strip()
    )
    # Dependencies come from the development environment (no network); pmjournal must not.
    (site_packages / "zz_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )

    outside = tmp_path / "somewhere-else"
    outside.mkdir()
    program = venv / "bin" / "pmjournal"
    added = run(
        program, "--data-dir", "data", "add", "--text", "Installed from the wheel", cwd=outside
    )
    assert added.stdout.startswith("Saved entry #1 for ")
    found = run(program, "--data-dir", "data", "search", "wheel", "--json", cwd=outside)
    assert '"id": 1' in found.stdout
    checked = run(program, "--data-dir", "data", "check", cwd=outside)
    assert checked.stdout.startswith("OK: schema ")
    assert (outside / "data" / "journal.sqlite3").exists()

    probe = (
        "import importlib.resources as r, pmjournal\n"
        "print(pmjournal.__file__)\n"
        "print(r.files('pmjournal.migrations'))\n"
        "print(r.files('pmjournal.resources'))\n"
    )
    locations = [Path(line) for line in run(python, "-c", probe, cwd=outside).stdout.splitlines()]
    for location in locations:
        assert location.is_relative_to(site_packages), location
        assert not location.is_relative_to(REPO), location
    package, migrations, resources = locations[0].parent, locations[1], locations[2]
    assert package == site_packages / "pmjournal"
    assert shipped_files(source / "migrations") <= shipped_files(migrations)
    assert shipped_files(source / "resources") <= shipped_files(resources)
