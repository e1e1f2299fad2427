"""Run the built bundle as a user's machine would, and validate its desktop files.

``make dist-check`` runs this after ``make dist``. The bundle is started with ``env -i``'s
worth of environment (``PATH=/usr/bin:/bin``, a new empty ``HOME``, ``LANG``): no project
virtual environment, no ``PYTHONPATH``, no developer settings, so whatever it needs must be
inside it. Standard library only, like the system check: it must not lean on ``.venv``.

Checks: ``--version`` names the version in ``pyproject.toml``; ``demo``, ``portfolio --out``
and ``bullets`` work on a temporary data folder; the window opens offscreen and closes again
(``PMJOURNAL_QUIT_AFTER_START=1``; skipped while the bundle has no desktop app); nothing the
app does not use is shipped; ``desktop-file-validate`` and ``appstreamcli validate`` accept
the ``.desktop`` file and the metainfo, their Debian packages installed when missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import system_packages

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
APP_ID = "io.github.pmjournal"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
# The tool each validation needs, and the Debian package that ships it.
TOOLS: dict[str, str] = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}
# The desktop app reads this and quits once its window has been painted (ui/app.py).
QUIT_AFTER_START = "PMJOURNAL_QUIT_AFTER_START"
NO_DESKTOP_APP = "desktop app is not built yet"
# Files no part of the app uses: Qt's web engine, 3D and QML stacks, and test libraries.
FORBIDDEN = (
    re.compile(r"Qt6?(WebEngine|3D|Quick|Qml)"),
    re.compile(r"^(_?pytest|pytestqt|hypothesis|pypdf|jsonschema)([._-]|$)"),
)


class CheckFailed(Exception):
    """One check did not pass; the message says what was seen."""


@dataclass(frozen=True)
class Result:
    name: str
    passed: bool
    detail: str
    seconds: float


def clean_environment(home: Path) -> dict[str, str]:
    """What a freshly logged-in user's shell would pass, and nothing from this one."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def pyproject_version(pyproject: Path = REPO / "pyproject.toml") -> str:
    return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])


def newest_release(metainfo: Path) -> str:
    """The version of the first ``<release>``, which AppStream orders newest first."""
    release = ET.parse(metainfo).getroot().find("releases/release")
    if release is None or not release.get("version"):
        raise CheckFailed(f"{metainfo.name}: no <release version=…>")
    return str(release.get("version"))


def forbidden_files(bundle: Path) -> list[str]:
    """Paths inside ``bundle`` that belong to something the app does not use."""
    found = []
    for path in sorted(bundle.rglob("*")):
        name = path.name
        if any(pattern.search(name) for pattern in FORBIDDEN):
            found.append(path.relative_to(bundle).as_posix())
    return found


def pdf_objects(body: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated: its metadata sits in a compressed
    object stream, which only ``zlib`` (not a PDF library) is needed to read."""
    inflated = [body]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", body, re.DOTALL):
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def install_tools(missing: list[str]) -> None:
    """Install the validators' Debian packages the way the system check installs libraries."""
    packages = [TOOLS[tool] for tool in missing]
    command = "sudo apt-get install " + " ".join(packages)
    if not system_packages.can_use_apt():
        raise CheckFailed(f"{', '.join(missing)} not found; install them ({command} on Debian)")
    prefix = system_packages.privilege()
    if prefix is None:
        raise CheckFailed(f"{', '.join(missing)} not found; run: {command}")
    print(f"dist-check: installing {' '.join(packages)} for {', '.join(missing)}", flush=True)
    if not system_packages.apt_install(prefix, packages) or missing_tools():
        raise CheckFailed(f"apt-get could not install {' '.join(packages)}")


def run(
    command: Sequence[str | Path], env: dict[str, str], cwd: Path, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            [str(part) for part in command],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"still running after {timeout:.0f} s") from None
    if done.returncode != 0:
        output = (done.stderr.strip() or done.stdout.strip()).splitlines()[-5:]
        raise CheckFailed(f"exit code {done.returncode}: " + " | ".join(output))
    return done


def validate_desktop_file(path: Path = DESKTOP_FILE) -> str:
    done = run(["desktop-file-validate", path], env=_tool_env(), cwd=path.parent)
    if done.stdout.strip():
        raise CheckFailed(done.stdout.strip().replace("\n", " | "))
    return "valid"


def validate_metainfo(path: Path = METAINFO_FILE) -> str:
    done = run(["appstreamcli", "validate", "--no-net", path], env=_tool_env(), cwd=path.parent)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "valid"


def _tool_env() -> dict[str, str]:
    return clean_environment(Path(tempfile.gettempdir()))


class BundleRun:
    """The bundled program, run in a clean environment against one temporary data folder."""

    def __init__(self, program: Path, scratch: Path) -> None:
        self.program = program
        self.home = scratch / "home"
        self.data = scratch / "data"
        self.home.mkdir()
        self.env = clean_environment(self.home)

    def __call__(
        self, *args: str | Path, extra_env: dict[str, str] | None = None, timeout: float = 180
    ) -> subprocess.CompletedProcess[str]:
        command = [self.program, "--data-dir", self.data, *args]
        return run(command, env={**self.env, **(extra_env or {})}, cwd=self.home, timeout=timeout)

    def version(self, expected: str) -> str:
        done = run([self.program, "--version"], env=self.env, cwd=self.home)
        if done.stdout.strip() != f"pmjournal, version {expected}":
            raise CheckFailed(f"printed {done.stdout.strip()!r}, expected version {expected}")
        return done.stdout.strip()

    def demo(self) -> str:
        self("demo")
        if not (self.data / "journal.sqlite3").is_file():
            raise CheckFailed(f"no journal in {self.data}")
        return "journal filled"

    def portfolio(self, expected: str) -> str:
        pdf = self.home / "portfolio.pdf"
        self("portfolio", "--out", pdf)
        body = pdf.read_bytes() if pdf.is_file() else b""
        if not body.startswith(b"%PDF-"):
            raise CheckFailed(f"{pdf} is not a PDF")
        if f"/Creator (pmjournal {expected})".encode() not in pdf_objects(body):
            raise CheckFailed(f"the PDF's metadata does not name pmjournal {expected}")
        return f"{len(body) // 1024} KiB"

    def bullets(self) -> str:
        lines = self("bullets").stdout.strip().splitlines()
        if not lines:
            raise CheckFailed("printed no bullets")
        return f"{len(lines)} lines"

    def window(self, timeout: float = 120) -> str:
        """Open the app offscreen; it quits after its first paint when told to."""
        env = {"QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_START: "1"}
        done = self(extra_env=env, timeout=timeout)
        if NO_DESKTOP_APP in done.stdout:
            return "skipped: this bundle has no desktop app yet"
        return "opened and closed"


def check(name: str, action: Callable[[], str], results: list[Result]) -> None:
    started = time.perf_counter()
    try:
        detail, passed = action(), True
    except (CheckFailed, OSError) as error:
        detail, passed = str(error), False
    result = Result(name, passed, detail, time.perf_counter() - started)
    results.append(result)
    mark = "ok  " if passed else "FAIL"
    print(f"dist-check: {mark} {name} ({result.seconds:.1f} s): {detail}", flush=True)


def check_all(bundle: Path, install: bool) -> list[Result]:
    results: list[Result] = []
    program = bundle / "pmjournal"
    expected = pyproject_version()

    def tools() -> str:
        missing = missing_tools()
        if missing and install:
            install_tools(missing)
        elif missing:
            raise CheckFailed(f"{', '.join(missing)} not found")
        return "desktop-file-validate and appstreamcli present"

    def release() -> str:
        newest = newest_release(METAINFO_FILE)
        if newest != expected:
            raise CheckFailed(f"metainfo's newest release is {newest}, pyproject says {expected}")
        return newest

    check("validators", tools, results)
    check(".desktop file", validate_desktop_file, results)
    check("metainfo", validate_metainfo, results)
    check("metainfo release", release, results)
    if not program.is_file():
        check("bundle", _fail(f"{program} not found; run make dist"), results)
        return results
    check("nothing unused shipped", lambda: _nothing_forbidden(bundle), results)
    with tempfile.TemporaryDirectory(prefix="pmjournal-dist-check-") as scratch:
        app = BundleRun(program, Path(scratch))
        check("--version", lambda: app.version(expected), results)
        check("demo", app.demo, results)
        check("portfolio", lambda: app.portfolio(expected), results)
        check("bullets", app.bullets, results)
        check("window", app.window, results)
    return results


def _nothing_forbidden(bundle: Path) -> str:
    found = forbidden_files(bundle)
    if found:
        raise CheckFailed(f"{len(found)} unused files, e.g. {', '.join(found[:3])}")
    return "no web engine, 3D, QML or test libraries"


def _fail(message: str) -> Callable[[], str]:
    def fail() -> str:
        raise CheckFailed(message)

    return fail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "bundle",
        nargs="?",
        type=Path,
        default=REPO / "dist" / "pmjournal",
        help="the one-folder bundle (default: dist/pmjournal)",
    )
    parser.add_argument(
        "--no-install",
        dest="install",
        action="store_false",
        help="fail instead of installing missing validators",
    )
    args = parser.parse_args(argv)
    results = check_all(args.bundle.resolve(), args.install)
    failed = sum(not r.passed for r in results)
    print(f"dist-check: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
