"""The system check ``make`` runs first: it must see what really fails to load, and say so.

The libraries are loaded and ``ldd`` is run for real; a missing library is made by copying Qt's
xcb plugin away from the Qt it links, or by asking for a soname no system has.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import check_system
import pytest
import system_libs
import system_packages

REPO = Path(__file__).resolve().parents[1]
GHOST = "libpmjournal-ghost.so.3"
RESOLVED = re.compile(r"^\s*(\S+)\s+=>\s+(/\S+)", re.MULTILINE)
CACHED = re.compile(r"^\s+(\S+) \(.*\) => (/\S+)$", re.MULTILINE)
linux = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="ldd and Qt's xcb plugin are Linux's"
)


def xcb_plugin() -> Path:
    plugin = system_libs.qt_xcb_plugin()
    assert plugin is not None, "PySide6's xcb plugin moved: the ldd check would check nothing"
    return plugin


@pytest.fixture
def cut_off_plugin(tmp_path: Path) -> Path:
    """A copy of the xcb plugin whose Qt libraries cannot be found from where it lies."""
    copy = tmp_path / "libqxcb.so"
    shutil.copy2(xcb_plugin(), copy)
    return copy


@linux
def test_everything_pmjournal_loads_does_load_after_make_installed_it() -> None:
    assert system_libs.missing(system_libs.needed_here(), xcb_plugin()) == {}


@linux
def test_ldd_names_the_libraries_a_plugin_cannot_find(cut_off_plugin: Path) -> None:
    not_found = system_libs.ldd_not_found(cut_off_plugin)
    assert {"libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libQt6Core.so.6"} <= set(not_found)
    assert len(not_found) == len(set(not_found))
    assert not any(name.startswith(("libc.so", "libxcb")) for name in not_found)


@linux
def test_the_loader_blames_the_missing_dependency_not_the_library(cut_off_plugin: Path) -> None:
    # A fresh process, so no Qt library is loaded already and able to stand in.
    code = f"import system_libs; print(system_libs.load_failure({str(cut_off_plugin)!r}))"
    env = {**os.environ, "PYTHONPATH": str(REPO / "packaging")}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() in system_libs.ldd_not_found(cut_off_plugin)
    assert system_libs.load_failure(GHOST) == GHOST
    assert system_libs.load_failure("libc.so.6") is None


@linux
def test_what_does_not_load_is_reported_with_its_purpose(cut_off_plugin: Path) -> None:
    needed = {GHOST: "for a test", "libc.so.6": "for C"}
    assert system_libs.missing(needed, None) == {GHOST: "for a test"}
    failed = system_libs.missing(needed, cut_off_plugin)
    assert failed[GHOST] == "for a test"
    assert failed["libQt6XcbQpa.so.6"] == system_libs.WINDOW
    assert "libc.so.6" not in failed


def loader_cache() -> dict[str, set[str]]:
    """Each soname the loader knows, with its paths on both sides of Debian's /usr merge."""
    ldconfig = shutil.which("ldconfig", path=f"{os.defpath}:/sbin:/usr/sbin")
    assert ldconfig is not None
    listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True)
    paths: dict[str, set[str]] = {}
    for name, path in CACHED.findall(listing.stdout):
        merged = path.removeprefix("/usr")
        paths.setdefault(name, set()).update({merged, "/usr" + merged})
    return paths


@linux
def test_debian_names_are_the_packages_that_ship_the_libraries() -> None:
    """Checked against dpkg for every system library Qt's plugin and WeasyPrint load."""
    if shutil.which("dpkg") is None:
        pytest.skip("needs dpkg, so Debian or a derivative")
    ldd = subprocess.run(["ldd", str(xcb_plugin())], capture_output=True, text=True, check=True)
    sonames = {name for name, path in RESOLVED.findall(ldd.stdout) if "/site-packages/" not in path}
    sonames |= set(system_libs.LINUX_NEEDED)
    cache = loader_cache()
    paths = sorted(path for name in sonames for path in cache.get(name, ()))
    dpkg = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True)
    owners: dict[str, set[str]] = {}
    for line in dpkg.stdout.splitlines():
        packages, path = line.split(": ", 1)
        for package in packages.split(", "):
            owners.setdefault(Path(path).name, set()).add(package.split(":")[0])
    assert len(owners) > 40, dpkg.stderr
    for name in sorted(sonames & owners.keys()):
        expected = system_packages.debian_package(name)
        # Debian 13 and Ubuntu 24.04 renamed some (libglib2.0-0t64); apt takes the old name.
        assert owners[name] & {expected, expected + "t64"}, (name, expected, owners[name])


def test_the_soname_rule_names_libraries_no_table_lists() -> None:
    assert system_packages.debian_package("libxcb-xinput.so.0") == "libxcb-xinput0"
    assert system_packages.debian_package("libwayland-cursor.so.0") == "libwayland-cursor0"
    assert system_packages.debian_package("libQt9Foo2.so.9.1") == "libqt9foo2-9"
    assert system_packages.debian_package("not-a-soname") == "not-a-soname"


def test_each_package_manager_gets_its_own_command() -> None:
    libraries = ["libxcb-cursor.so.0", "libharfbuzz-subset.so.0", "libharfbuzz.so.0", GHOST]
    assert system_packages.install_lines(libraries, ["apt", "dnf", "pacman"]) == [
        "sudo apt-get install libxcb-cursor0 libharfbuzz-subset0 libharfbuzz0b libpmjournal-ghost3",
        "sudo dnf install 'libxcb-cursor.so.0()(64bit)' 'libharfbuzz-subset.so.0()(64bit)'"
        " 'libharfbuzz.so.0()(64bit)' 'libpmjournal-ghost.so.3()(64bit)'",
        "sudo pacman -S --needed xcb-util-cursor harfbuzz",
        f"pacman -F {GHOST}",
    ]
    dylibs = ["libharfbuzz-subset.0.dylib", "libpango-1.0.dylib", "libintl.8.dylib"]
    assert system_packages.install_lines(dylibs, ["brew"]) == ["brew install harfbuzz pango"]


def test_only_debian_and_its_derivatives_count_as_debian_like() -> None:
    assert system_packages.debian_like({"ID": "debian"})
    assert system_packages.debian_like({"ID": "linuxmint", "ID_LIKE": "ubuntu debian"})
    assert not system_packages.debian_like({"ID": "fedora"})
    assert not system_packages.debian_like({"ID": "arch", "ID_LIKE": ""})


def test_check_system_refuses_with_the_command_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert check_system.main([], needed={GHOST: "for a test"}) == 2
    err = capsys.readouterr().err
    assert f"do not load: {GHOST} (for a test)." in err
    for line in system_packages.install_lines([GHOST], system_packages.package_managers()):
        assert "\n    " + line + "\n" in err


def test_the_script_make_runs_says_nothing_when_everything_loads() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "check_system.py"), "--install"],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
