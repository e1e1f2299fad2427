"""Which shared libraries pmjournal loads from the system, and which of them fail to load.

Standard library only: ``make`` may run this with the system Python, before ``.venv`` exists.
The check loads the libraries for real (and asks ``ldd`` about Qt's xcb plugin) rather than
looking for files, because what matters is whether the loader succeeds, dependencies included,
and a later Qt may link a library no fixed list foresaw.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

PDF = "for the PDF"
QT = "for Qt"
WINDOW = "for the window"

# Libraries the product opens itself: WeasyPrint dlopens Pango, HarfBuzz (its subsetting
# library makes embedding fonts ten times faster) and fontconfig; Qt's xcb platform plugin
# (Qt >= 6.5) will not start without the xcb utility libraries.
LINUX_NEEDED: dict[str, str] = {
    "libgobject-2.0.so.0": PDF,
    "libpango-1.0.so.0": PDF,
    "libpangoft2-1.0.so.0": PDF,
    "libharfbuzz.so.0": PDF,
    "libharfbuzz-subset.so.0": PDF,
    "libfontconfig.so.1": PDF,
    "libGL.so.1": QT,
    "libEGL.so.1": QT,
    "libxkbcommon.so.0": QT,
    "libdbus-1.so.3": QT,
    "libxcb-cursor.so.0": WINDOW,
    "libxcb-icccm.so.4": WINDOW,
    "libxcb-keysyms.so.1": WINDOW,
    "libxcb-shape.so.0": WINDOW,
    "libxcb-render-util.so.0": WINDOW,
    "libxcb-image.so.0": WINDOW,
    "libxkbcommon-x11.so.0": WINDOW,
}

# On macOS only WeasyPrint needs anything (Qt draws with Cocoa); these are the names it tries.
MACOS_NEEDED: dict[str, str] = {
    "libgobject-2.0.0.dylib": PDF,
    "libpango-1.0.dylib": PDF,
    "libpangoft2-1.0.dylib": PDF,
    "libharfbuzz.0.dylib": PDF,
    "libharfbuzz-subset.0.dylib": PDF,
    "libfontconfig.1.dylib": PDF,
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def load_failure(library: str) -> str | None:
    """The library that stops ``library`` loading (itself or a dependency), or None if it loads.

    glibc's loader names the first file it could not open, so a missing dependency is reported
    as itself rather than as the library that needs it; any other failure blames ``library``.
    """
    try:
        ctypes.CDLL(library)
    except OSError as error:
        name, _, reason = str(error).partition(":")
        return Path(name.strip()).name if "cannot open shared object" in reason else library
    return None


def not_found(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` could not resolve, in the order it listed them."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def ldd_not_found(path: Path) -> list[str]:
    """What ``ldd`` cannot resolve for ``path`` and everything it depends on."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    done = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False)
    return not_found(done.stdout)


def qt_xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin in the PySide6 this Python sees, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    plugin = package / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def needed_here() -> dict[str, str]:
    """The libraries this platform must load; none where WeasyPrint and Qt ship their own."""
    if sys.platform == "darwin":
        return MACOS_NEEDED
    return LINUX_NEEDED if sys.platform.startswith("linux") else {}


def missing(needed: dict[str, str], plugin: Path | None) -> dict[str, str]:
    """Each library that fails to load, mapped to what it is for; empty when all is well.

    ``plugin`` is Qt's xcb plugin, or None before PySide6 is installed.
    """
    failed: dict[str, str] = {}
    for library, purpose in needed.items():
        culprit = load_failure(library)
        if culprit is not None:
            failed.setdefault(culprit, purpose)
    if plugin is not None:
        for soname in ldd_not_found(plugin):
            failed.setdefault(soname, WINDOW)
    return failed
