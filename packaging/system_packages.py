"""Which package provides a shared library, and how to install packages on this system.

Standard library only, like the rest of the system check. Only Debian-like systems get an
automatic install; for the others the check prints the command, so the names here only need
to be right, not complete: an unknown library is named as itself.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable

# Debian packages whose names do not follow the soname rule in ``debian_package``.
APT_EXCEPTIONS: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libGLdispatch.so.0": "libglvnd0",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libz.so.1": "zlib1g",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
}

PACMAN: dict[str, str] = {
    "libgobject-2.0.so.0": "glib2",
    "libpango-1.0.so.0": "pango",
    "libpangoft2-1.0.so.0": "pango",
    "libharfbuzz.so.0": "harfbuzz",
    "libharfbuzz-subset.so.0": "harfbuzz",
    "libfontconfig.so.1": "fontconfig",
    "libGL.so.1": "libglvnd",
    "libEGL.so.1": "libglvnd",
    "libxkbcommon.so.0": "libxkbcommon",
    "libdbus-1.so.3": "dbus",
    "libxcb-cursor.so.0": "xcb-util-cursor",
    "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-shape.so.0": "libxcb",
    "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-image.so.0": "xcb-util-image",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11",
}

BREW: dict[str, str] = {
    "libgobject-2.0.0.dylib": "glib",
    "libharfbuzz.0.dylib": "harfbuzz",
    "libharfbuzz-subset.0.dylib": "harfbuzz",
    "libfontconfig.1.dylib": "fontconfig",
}

_LINUX_MANAGERS = {"apt": "apt-get", "dnf": "dnf", "pacman": "pacman"}
_SONAME = re.compile(r"(lib.+)\.so\.(\d+)(?:\.\d+)*")


def debian_package(soname: str) -> str:
    """The Debian package that ships ``soname``, by Debian Policy 8.1's naming rule.

    The rule: the library's name and its major version (libxcb-cursor.so.0 -> libxcb-cursor0),
    with a hyphen between them when the name ends in a digit (libxkbcommon-x11.so.0 ->
    libxkbcommon-x11-0), lower case. It also names a library a later Qt links, which no
    table here lists yet.
    """
    if soname in APT_EXCEPTIONS:
        return APT_EXCEPTIONS[soname]
    match = _SONAME.fullmatch(soname)
    if match is None:
        return soname
    name, major = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def debian_packages(libraries: Iterable[str]) -> list[str]:
    """The packages for ``libraries``, each once, in their order."""
    return list(dict.fromkeys(debian_package(library) for library in libraries))


def install_lines(libraries: list[str], managers: list[str]) -> list[str]:
    """The command line, for each package manager in ``managers``, that installs ``libraries``.

    Fedora's dnf installs by soname ("libxcb-cursor.so.0()(64bit)"), so it needs no table.
    """
    bits = "()(64bit)" if sys.maxsize > 2**32 else ""
    lines = []
    for manager in managers:
        if manager == "apt":
            lines.append("sudo apt-get install " + " ".join(debian_packages(libraries)))
        elif manager == "dnf":
            lines.append("sudo dnf install " + " ".join(f"'{lib}{bits}'" for lib in libraries))
        elif manager == "pacman":
            known = dict.fromkeys(PACMAN[lib] for lib in libraries if lib in PACMAN)
            if known:
                lines.append("sudo pacman -S --needed " + " ".join(known))
            lines += [f"pacman -F {lib}" for lib in libraries if lib not in PACMAN]
        elif manager == "brew":
            packages = dict.fromkeys(BREW.get(lib, "pango") for lib in libraries)
            lines.append("brew install " + " ".join(packages))
    return lines


def package_managers() -> list[str]:
    """The package managers to give commands for: those present, or all when none is."""
    if sys.platform == "darwin":
        return ["brew"]
    present = [manager for manager, exe in _LINUX_MANAGERS.items() if shutil.which(exe)]
    return present or list(_LINUX_MANAGERS)


def debian_like(os_release: dict[str, str]) -> bool:
    """Whether ``os_release`` (the fields of /etc/os-release) names Debian or a derivative."""
    names = f"{os_release.get('ID', '')} {os_release.get('ID_LIKE', '')}".split()
    return "debian" in names or "ubuntu" in names


def can_use_apt() -> bool:
    """Whether this is a Debian-like system with apt-get, where the check installs by itself."""
    try:
        release = platform.freedesktop_os_release()
    except OSError:
        return False
    return debian_like(release) and shutil.which("apt-get") is not None


def privilege() -> list[str] | None:
    """The prefix that runs apt-get as root, or None when there is no way to.

    Root needs none; otherwise sudo, when it can ask for the password in a terminal or needs
    none (as on CI runners).
    """
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo is None:
        return None
    if sys.stdin.isatty():
        return [sudo]
    quiet = subprocess.run([sudo, "-n", "true"], capture_output=True, check=False)
    return [sudo] if quiet.returncode == 0 else None


def apt_install(prefix: list[str], packages: list[str]) -> bool:
    """Install ``packages`` with apt-get, refreshing its lists first; True when it succeeded.

    The refresh may fail offline with lists that are still good enough, so only the install's
    result counts.
    """
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False)
    install = [*prefix, "apt-get", "install", "-y", "-qq", *packages]
    return subprocess.run(install, check=False).returncode == 0
