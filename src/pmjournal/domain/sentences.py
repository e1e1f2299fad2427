"""Where a sentence ends: the one splitter every output uses.

Bullets, stories, the weekly update and the portfolio's brief all quote the user's first
sentence or split their notes into sentences; when two splitters disagreed (one cut at
"e.g.", the other did not) the brief and the sections below it quoted different sentences.
A sentence ends at '.', '!', '?' or '…' (a closing quote or bracket may follow) before a
space and a capital letter or a digit, except after a common abbreviation or a title.
"""

from __future__ import annotations

import re

# Lower-cased words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    {"e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "incl.", "no.", "fig.", "st."}
    | {"dr.", "prof.", "mr.", "mrs.", "ms.", "mx.", "jr.", "sr."}
)
_END = re.compile(r"[.!?…][\"”’)\]]*(\s+)")
_OPENING = "\"“‘'([¿¡"
_LIST_MARK = re.compile(r"^\s*(?:[-*+>]|\d+[.)]|#+)\s+")
# Spans that stop at the next bracket and are bounded: unbounded ones scan to the end of the
# text from every "[" with no match, which is quadratic (1 MB of link syntax took minutes).
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\[\]\s]{0,2000}\)")
_EMPHASIS = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")


def clean_markdown(text: str) -> str:
    """The words of a Markdown line without list marks, links or emphasis."""
    return " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", _LIST_MARK.sub("", text))).split())


def _starts_sentence(text: str) -> bool:
    head = text.lstrip(_OPENING)[:1]
    return bool(head) and (head.isupper() or head.isdigit())


def _ends_sentence(text: str, end: int) -> bool:
    """Does the punctuation just before ``end`` close a sentence (not "e.g." or "Dr.")?"""
    word = text[:end].rsplit(None, 1)[-1].lstrip(_OPENING).rstrip('"”’)]').casefold()
    return word not in ABBREVIATIONS and not re.fullmatch(r"(?:\w\.){2,}", word)


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph of plain text, in order, stripped."""
    found: list[str] = []
    start = 0
    for match in _END.finditer(text):
        cut = match.start(1)
        if _starts_sentence(text[match.end() :]) and _ends_sentence(text, cut):
            found.append(text[start:cut])
            start = match.end()
    found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


def sentences(text: str) -> list[str]:
    """Sentences of free text; each line of a Markdown list counts as its own sentence."""
    found: list[str] = []
    for line in text.splitlines():
        clean = clean_markdown(line)
        if clean:
            found.extend(split_sentences(clean))
    return found


def split_first_sentence(text: str) -> tuple[str, str]:
    """('First sentence.', 'the rest') of plain text."""
    text = text.strip()
    for match in _END.finditer(text):
        cut = match.start(1)
        if _starts_sentence(text[match.end() :]) and _ends_sentence(text, cut):
            return text[:cut], text[match.end() :]
    return text, ""


def first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence of plain text, cut at a word boundary if it runs past ``limit``."""
    sentence = split_first_sentence(text)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
