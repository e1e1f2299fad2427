"""Typographic quotes and minus signs for every plain string the portfolio prints.

The metrics already use the typographic minus ("−29%"); a number the user typed ("-12") or
a straight quote beside it looked like a different document. Markdown fields get the same
treatment from the Markdown "smarty" extension; these rules cover the rest, as the
templates' ``finalize`` hook, so no template can forget them.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from pmjournal.domain.metrics import MINUS

_MINUS = re.compile(r"(?<![\w.,])-(?=\d)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=\w)'(?=s\b)|(?<=s)'(?=\s|$)")
_OPEN_DOUBLE = re.compile(r'(^|[\s(\[{—–-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{—–-])'")


def typographic(text: str) -> str:
    """'"Ship it," she said - it's -12' → '“Ship it,” she said - it’s −12'."""
    text = _MINUS.sub(MINUS, text)
    text = _APOSTROPHE.sub("’", text)
    text = _OPEN_DOUBLE.sub(r"\1“", text)
    text = _OPEN_SINGLE.sub(r"\1‘", text)
    return text.replace('"', "”").replace("'", "’")


def finalize(value: object) -> object:
    """Jinja's ``finalize``: plain strings made typographic; markup and other values kept."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return typographic(value)
    return value
