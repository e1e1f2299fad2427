"""A linear pre-check of user Markdown, before Python-Markdown sees it.

Python-Markdown recurses once per level of nested lists or block quotes (thousands of levels
end in ``RecursionError``) and scans forward from every unclosed ``[`` or ``(`` for its match,
which is quadratic: 9 KB of nested link and image syntax took 17 s, 1 MB over an hour. Text
that is nested deeper than anyone writes, or longer than any note, is shown as plain text
instead, and the caller warns about it. This check reads each character once.
"""

from __future__ import annotations

import re

# Deeper than any real note (lists of lists of quotes...), shallow enough to stay fast.
MAX_NESTING = 16
# Brackets, parentheses or angle brackets open at once within one paragraph.
MAX_OPEN_BRACKETS = 32
# Longer text is not formatted at all: Python-Markdown's cost per character grows with the
# text, and notes this long are pasted logs or dumps rather than something to typeset.
MAX_FORMATTED_CHARS = 30_000
# Python-Markdown's tree processing is quadratic in the number of blocks (paragraphs, list
# items): 3,300 one-character paragraphs took a second, 13,000 ten.
MAX_LINES = 600
# Prose is mostly letters; past this share of Markdown punctuation, text of some length is
# markup noise, whose emphasis and link patterns are Python-Markdown's slow paths.
MAX_PUNCTUATION_SHARE = 0.15
PUNCTUATION_CHECKED_FROM = 2_000
_MARKUP = frozenset("*_~`[]()<>!&\\#|\"'{}")

_CONTAINER = re.compile(r" {0,3}(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*")
_INDENT = re.compile(r"[ \t]*")


def _line_depth(line: str) -> int:
    """Levels of quote and list nesting a line opens: markers in a row, plus the indentation
    before them (an indented line with no marker is code or a continuation, not nesting)."""
    indent = _INDENT.match(line)
    position = indent.end() if indent else 0
    depth = 0
    while True:
        marker = _CONTAINER.match(line, position)
        if marker is None or marker.end() == position:
            break
        depth += 1
        position = marker.end()
    if depth and indent:
        depth += len(indent.group(0).expandtabs(4)) // 2
    return depth


def _bracket_depth_exceeded(text: str) -> bool:
    """True when too many ``[``, ``(`` or ``<`` are open at once in one paragraph (raw HTML
    and autolinks scan forward for their ``>`` as links do for ``]`` and ``)``)."""
    square = round_ = angle = 0
    escaped = False
    previous_newline = False
    for char in text:
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "\n":
            if previous_newline:
                square = round_ = angle = 0
            previous_newline = True
            continue
        elif char == "[":
            square += 1
        elif char == "]":
            square = max(0, square - 1)
        elif char == "(":
            round_ += 1
        elif char == ")":
            round_ = max(0, round_ - 1)
        elif char == "<":
            angle += 1
        elif char == ">":
            angle = max(0, angle - 1)
        if max(square, round_, angle) > MAX_OPEN_BRACKETS:
            return True
        if not char.isspace():
            previous_newline = False
    return False


def hostile_reason(text: str) -> str | None:
    """Why ``text`` must not be formatted as Markdown, or None when it is safe to."""
    if len(text) > MAX_FORMATTED_CHARS:
        return f"longer than {MAX_FORMATTED_CHARS:,} characters"
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_LINES:
        return f"more than {MAX_LINES:,} lines"
    for line in lines:
        if _line_depth(line) > MAX_NESTING:
            return f"lists or quotes nested more than {MAX_NESTING} levels deep"
    if _bracket_depth_exceeded(text):
        return f"more than {MAX_OPEN_BRACKETS} brackets open at once"
    if len(text) >= PUNCTUATION_CHECKED_FROM:
        markup = sum(1 for char in text if char in _MARKUP)
        if markup > MAX_PUNCTUATION_SHARE * len(text):
            return "mostly Markdown punctuation"
    return None
