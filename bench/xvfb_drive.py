"""Drive the real app on a real X server (Xvfb, xcb platform), as a user would with keys.

    .venv/bin/python bench/xvfb_drive.py [--keep DIR]

Starts Xvfb, opens ``pmjournal --data-dir D`` (a journal with a profile, so no welcome),
focuses its window, presses Ctrl+N, types an entry, waits for autosave, presses Ctrl+Q, then
checks that the process exited cleanly, printed no error, and that ``pmjournal search`` finds
the entry. Needs ``Xvfb`` and ``xdotool`` (Debian: ``xvfb xdotool``) and Qt's xcb libraries
(``make check-system``). Exit code 0 when everything held.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORD = "xvfbcheck"
TEXT = f"Typed on a real X server {WORD} with xdotool"


def pmjournal(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pmjournal", *args], env=env, capture_output=True, text=True
    )


def free_display() -> int:
    for number in range(91, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise SystemExit("no free X display number")


def xdotool(*args: str, env: dict[str, str]) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=20
    ).stdout.strip()


def find_window(pid: int, env: dict[str, str], timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(
            "search", "--pid", str(pid), "--onlyvisible", "--name", "pmjournal", env=env
        )
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise SystemExit("the pmjournal window did not appear")


def drive(data_dir: Path) -> int:
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed (sudo apt-get install xvfb xdotool)", file=sys.stderr)
            return 2
    display = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PMJOURNAL_", "QT_QPA"))}
    env = {**base, "DISPLAY": f":{display}", "XDG_CONFIG_HOME": str(data_dir / "config")}
    try:
        time.sleep(1.0)
        made = pmjournal("--data-dir", str(data_dir), "profile", "--name", "Xvfb Tester", env=env)
        if made.returncode:
            print(made.stderr, file=sys.stderr)
            return 1
        app = subprocess.Popen(
            [sys.executable, "-m", "pmjournal", "--data-dir", str(data_dir)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        window = find_window(app.pid, env)
        xdotool("windowfocus", "--sync", window, env=env)
        time.sleep(0.5)
        xdotool("key", "--window", window, "ctrl+n", env=env)
        time.sleep(0.5)
        xdotool("type", "--delay", "20", TEXT, env=env)
        time.sleep(2.5)
        still_open = app.poll() is None
        xdotool("key", "--window", window, "ctrl+q", env=env)
        try:
            out, err = app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            out, err = app.communicate()
            print("pmjournal did not quit on Ctrl+Q", file=sys.stderr)
            return 1
    finally:
        xvfb.terminate()
        xvfb.wait()
    found = pmjournal("--data-dir", str(data_dir), "search", WORD, env=env)
    print(f"stayed open: {still_open}; exit code: {app.returncode}")
    print(f"stdout: {out.strip()!r}\nstderr: {err.strip()!r}")
    print(f"pmjournal search {WORD}: {found.stdout.strip()!r}")
    ok = still_open and app.returncode == 0 and not err.strip() and WORD in found.stdout
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="use (and keep) this data folder")
    args = parser.parse_args()
    if args.keep:
        return drive(args.keep)
    with tempfile.TemporaryDirectory(prefix="pmjournal-xvfb-") as folder:
        return drive(Path(folder))


if __name__ == "__main__":
    sys.exit(main())
