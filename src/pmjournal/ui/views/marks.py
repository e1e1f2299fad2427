"""Marks in lists: the lock on confidential records, in a glyph the installed fonts have.

Many Linux desktops have no colour-emoji font, and a missing glyph paints as an empty box;
then the word is used instead.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

LOCK_CODEPOINT = 0x1F512
NO_BREAK_HYPHEN = 0x2011


@cache
def lock_mark() -> str:
    """'🔒 ' where a font can draw it, else '(confidential) '."""
    if QFontMetrics(QApplication.font()).inFontUcs4(LOCK_CODEPOINT):
        return "🔒 "
    return "(confidential) "


def locked(text: str, confidential: bool) -> str:
    return f"{lock_mark()}{text}" if confidential else text


def confidential_label() -> str:
    return f"{lock_mark().strip()} Confidential" if lock_mark() == "🔒 " else "Confidential"


@cache
def _no_break_hyphen() -> str:
    return (
        chr(NO_BREAK_HYPHEN)
        if QFontMetrics(QApplication.font()).inFontUcs4(NO_BREAK_HYPHEN)
        else "-"
    )


def unbroken(name: str) -> str:
    """A name a wrapped line never splits ("Cross-functional collaboration" stays whole)."""
    return name.replace(" ", "&nbsp;").replace("-", _no_break_hyphen())


def indicator_style(selector: str) -> str:
    """Check boxes inside item views (``QListWidget``, ``QTableWidget``) drawn so they show on
    the dark theme too: the style's own are dark grey on near-black there."""
    return (
        f"{selector}::indicator {{ width: 13px; height: 13px; border: 1px solid palette(text);"
        " border-radius: 2px; background: palette(base); }"
        f" {selector}::indicator:checked {{ background: palette(highlight); }}"
    )
