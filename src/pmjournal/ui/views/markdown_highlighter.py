"""Markdown highlighting for the entry editor: headings, emphasis, code, lists and links."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument


def _format(
    *, bold: bool = False, italic: bool = False, colour: str | None = None, mono: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if colour:
        fmt.setForeground(QColor(colour))
    if mono:
        fmt.setFontFamilies(["monospace"])
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Line-by-line rules; the colours are mid-tones readable on light and dark backgrounds."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"^\s{0,3}#{1,6}\s.*$"), _format(bold=True, colour="#3d7fd6")),
            (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), _format(bold=True, colour="#c0782a")),
            (re.compile(r"^\s*>.*$"), _format(italic=True, colour="#808080")),
            (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), _format(bold=True)),
            (re.compile(r"(?<![*_])([*_])(?=\S)([^*_]+?)(?<=\S)\1(?![*_])"), _format(italic=True)),
            (re.compile(r"`[^`]+`"), _format(mono=True, colour="#b0508f")),
            (re.compile(r"\[[^\]]+\]\([^)]+\)"), _format(colour="#2a9d8f")),
        ]

    def highlightBlock(self, text: str) -> None:
        for pattern, fmt in self._rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
