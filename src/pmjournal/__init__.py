"""pmjournal: a local-first work journal that compiles into career outputs.

The version is written in one place, ``pyproject.toml``, and read here from the installed
package's metadata (the bundle carries that metadata too). It is looked up on first use of
``pmjournal.__version__``: ``importlib.metadata`` costs about 20 ms to import, which every
``pmjournal add`` would otherwise pay.
"""

from __future__ import annotations

from functools import cache

DISTRIBUTION = "pmjournal"
# What a source tree that was never installed reports: a valid PEP 440 version that sorts
# below every release, so nothing mistakes it for one.
UNKNOWN_VERSION = "0+unknown"


@cache
def version() -> str:
    """The installed distribution's version, or ``UNKNOWN_VERSION`` without metadata."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
