"""Fuzzy matching for the command palette: the typed letters in order, word starts preferred."""

from __future__ import annotations


def fuzzy_score(typed: str, label: str) -> int | None:
    """A higher score for a better match; None when the letters do not appear in order.

    Letters that start a word or follow the previous match score more, as in Sublime Text's
    and VS Code's palettes, so "ne" ranks "New entry" above "Open calendar".
    """
    query = typed.casefold().replace(" ", "")
    text = label.casefold()
    if not query:
        return 0
    score, position, previous = 0, 0, -2
    starts = [i for i, c in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
    for char in query:
        found = text.find(char, position)
        if found < 0:
            return None
        if found != previous + 1:
            found = next((i for i in starts if i >= position and text[i] == char), found)
        score += 1
        if found == 0 or not text[found - 1].isalnum():
            score += 8
        if found == previous + 1:
            score += 4
        previous, position = found, found + 1
    return score * 100 - len(text)


def ranked(typed: str, labels: list[str]) -> list[str]:
    scored = [(fuzzy_score(typed, label), label) for label in labels]
    return [
        label
        for score, label in sorted(
            ((s, lbl) for s, lbl in scored if s is not None), key=lambda p: -p[0]
        )
    ]
