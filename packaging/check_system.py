"""Say which system libraries are missing, and the apt-get line that installs them.

Run by ``make``; standard library only, because it runs before the virtual environment exists.
"""

from __future__ import annotations

import ctypes.util
import sys

# The library each Debian package provides, as ctypes.util.find_library names it.
LIBRARY_OF = {
    "libpango-1.0-0": "pango-1.0",
    "libpangoft2-1.0-0": "pangoft2-1.0",
    "libharfbuzz-subset0": "harfbuzz-subset",
    "libgl1": "GL",
    "libegl1": "EGL",
    "libxkbcommon0": "xkbcommon",
    "libfontconfig1": "fontconfig",
    "libdbus-1-3": "dbus-1",
    "libglib2.0-0": "glib-2.0",
}


def main(packages: list[str]) -> int:
    if not sys.platform.startswith("linux"):
        return 0
    missing = [p for p in packages if ctypes.util.find_library(LIBRARY_OF.get(p, p)) is None]
    if not missing:
        return 0
    print("pmjournal needs system libraries that are not installed:", ", ".join(missing))
    print("Install them with:  sudo apt-get install " + " ".join(missing))
    print("(or run: sudo make install-system)")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
