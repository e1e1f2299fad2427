"""Check that the system libraries pmjournal loads really load; install the missing ones.

``make run`` and ``make test`` run this with ``--install`` so a fresh machine needs no other
command: as root it calls apt-get, otherwise sudo, which asks for the password. Where neither
works, or the system is not Debian-like, it prints the command to run and exits 2, the
project's code for "refused". Standard library only: it may run before ``.venv`` exists.
"""

from __future__ import annotations

import argparse
import sys

import system_libs
import system_packages

REFUSED = 2


def describe(failed: dict[str, str]) -> str:
    return ", ".join(f"{library} ({purpose})" for library, purpose in failed.items())


def refuse(failed: dict[str, str], reason: str) -> int:
    """Say what does not load, why make did not install it, and the command that does."""
    lines = system_packages.install_lines(list(failed), system_packages.package_managers())
    intro = "Run this" if len(lines) == 1 else "Run the lines for your system"
    print(f"pmjournal: these system libraries do not load: {describe(failed)}.", file=sys.stderr)
    print(f"{reason}. {intro}, then make again:", file=sys.stderr)
    for line in lines:
        print("    " + line, file=sys.stderr)
    return REFUSED


def install(failed: dict[str, str], needed: dict[str, str]) -> int:
    """Install packages until everything loads, giving up when a round brings nothing new."""
    if not system_packages.can_use_apt():
        return refuse(failed, "make installs them itself only on Debian-like systems")
    prefix = system_packages.privilege()
    if prefix is None:
        return refuse(failed, "make runs neither as root nor with a sudo that can ask you")
    tried: set[str] = set()
    while failed:
        packages = [p for p in system_packages.debian_packages(failed) if p not in tried]
        if not packages:
            return refuse(failed, "installing their packages did not make them load")
        how = "sudo apt-get" if prefix else "apt-get"
        print(
            f"pmjournal: installing {' '.join(packages)} with {how}, because these system "
            f"libraries do not load: {describe(failed)}",
            flush=True,
        )
        if not system_packages.apt_install(prefix, packages):
            return refuse(failed, "apt-get could not install them")
        tried.update(packages)
        failed = system_libs.missing(needed, system_libs.qt_xcb_plugin())
    return 0


def main(argv: list[str] | None = None, needed: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="install what does not load")
    args = parser.parse_args(argv)
    if needed is None:
        needed = system_libs.needed_here()
    failed = system_libs.missing(needed, system_libs.qt_xcb_plugin())
    if not failed:
        return 0
    if not args.install:
        return refuse(failed, "make check-system only checks (make install-system installs)")
    return install(failed, needed)


if __name__ == "__main__":
    sys.exit(main())
