"""Acronyms in résumé bullets: spelled out on first use in a role, or flagged.

A recruiter skimming a résumé does not know the team's shorthand ("SSO", "WAU"). Where the
journal spells an acronym out ("Net Promoter Score (NPS)" or "NPS (Net Promoter Score)"), the
first bullet of a role that uses it says it in full; where it never does, the lint says so,
since guessing an expansion would put words in the user's mouth. A few acronyms every reader
knows are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pmjournal.domain.bullet_lint import MAX_CHARS, MAX_WORDS, LintWarning

WELL_KNOWN = frozenset(
    {"AI", "API", "APIs", "CEO", "CSS", "CSV", "CTO", "EU", "HTML", "ID", "IDs", "iOS", "JSON"}
    | {"ML", "OK", "PDF", "PDFs", "QA", "SQL", "UI", "UK", "URL", "URLs", "US", "USA", "UX"}
)
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]*[A-Z0-9])(s?)(?![\w-])")
_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_AFTER = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]*[A-Z0-9])s?\s*\(([^()]{3,80})\)")
_MINOR = frozenset({"of", "and", "the", "for", "to", "a", "an", "in", "on", "&", "per"})
_WORDS = re.compile(r"[\w'&]+(?:-[\w']+)*")


def acronyms_in(text: str) -> list[str]:
    """The acronyms of ``text`` in order (plural 's' dropped), two capitals at least."""
    found = []
    for match in _ACRONYM.finditer(text):
        word = match.group(1)
        if sum(c.isupper() for c in word) >= 2 and word not in WELL_KNOWN:
            found.append(word)
    return list(dict.fromkeys(found))


def _initials(words: Sequence[str]) -> str:
    parts = [p for w in words if w.casefold() not in _MINOR for p in w.split("-")]
    return "".join(p[0] for p in parts if p).casefold()


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isalnum()).casefold()


def find_expansions(texts: Iterable[str]) -> dict[str, str]:
    """{'NPS': 'Net Promoter Score'} for every acronym the texts spell out."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _IN_BRACKETS.finditer(text):
            acronym = match.group(1)
            words = _WORDS.findall(text[: match.start()])[-8:]
            for size in range(1, len(words) + 1):
                if _initials(words[-size:]) == _letters(acronym):
                    found.setdefault(acronym, " ".join(words[-size:]))
                    break
        for match in _AFTER.finditer(text):
            acronym, inside = match.group(1), match.group(2).strip()
            if _initials(_WORDS.findall(inside)) == _letters(acronym):
                found.setdefault(acronym, inside)
    return found


def _fits(text: str) -> bool:
    return len(text) <= MAX_CHARS and len(text.split()) <= MAX_WORDS


def expand_first_uses(
    texts: Sequence[str], expansions: dict[str, str]
) -> tuple[list[str], dict[int, tuple[LintWarning, ...]]]:
    """The bullets of one role with each acronym spelled out where it first appears (when
    the journal spells it out and the bullet still fits), and warnings, by bullet index,
    for an acronym the journal never expands."""
    seen: set[str] = set()
    result = list(texts)
    warnings: dict[int, tuple[LintWarning, ...]] = {}
    for index, text in enumerate(texts):
        for acronym in acronyms_in(text):
            if acronym in seen:
                continue
            seen.add(acronym)
            full = expansions.get(acronym)
            if full is None:
                warnings[index] = (
                    *warnings.get(index, ()),
                    LintWarning(
                        "acronym",
                        f'uses "{acronym}", which the journal never spells out: write it in '
                        f'full on first use, e.g. "… ({acronym})"',
                    ),
                )
                continue
            if full.casefold() in result[index].casefold():
                continue
            pattern = rf"(?<![\w-]){re.escape(acronym)}(?=s?(?![\w-]))"
            spelled = re.sub(pattern, f"{full} ({acronym})", result[index], count=1)
            if _fits(spelled):
                result[index] = spelled
    return result, warnings
