"""Neutral placeholders for organisation and people names in exported text (``--redact``).

One redactor serves every output so the portfolio, the bullets and the stories redact alike.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

PLACEHOLDER_BY_RELATIONSHIP = {
    "mentor": "my mentor",
    "manager": "my manager",
    "peer": "a peer",
    "user": "a user",
    "stakeholder": "a stakeholder",
}
DEFAULT_PERSON_PLACEHOLDER = "a colleague"
CONFIDENTIAL_PROJECT_PLACEHOLDER = "a confidential project"

# Not inside a word, an email address or a domain ("ana@quillmark.example" stays whole).
_BEFORE = r"(?<![\w@.])"
_AFTER = r"(?![\w@]|\.\w)"
_ARTICLE = r"(?P<article>(?<!\w)[Tt]he\s+)?"


@dataclass(frozen=True)
class Redactor:
    """Replaces names with placeholders, longest name first.

    ``replacements`` match whatever their case (full names); ``exact`` match only as written
    (first names, surnames, short company names), so a colleague called Will does not turn
    every "will" into a placeholder.
    """

    replacements: tuple[tuple[str, str], ...] = ()
    exact: tuple[tuple[str, str], ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.replacements or self.exact)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        names = [(name, True) for name, _ in self.replacements]
        names += [(name, False) for name, _ in self.exact]
        if not names:
            return None
        names.sort(key=lambda item: len(item[0]), reverse=True)
        alternatives = "|".join(
            f"(?i:{re.escape(name)})" if folded else re.escape(name) for name, folded in names
        )
        return re.compile(rf"{_ARTICLE}{_BEFORE}(?P<name>{alternatives}){_AFTER}")

    @cached_property
    def _folded(self) -> dict[str, str]:
        return {name.casefold(): placeholder for name, placeholder in self.replacements}

    @cached_property
    def _exact(self) -> dict[str, str]:
        return dict(self.exact)

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        name = match.group("name")
        placeholder = self._exact.get(name) or self._folded[name.casefold()]
        article = match.group("article") or ""
        if placeholder.startswith(("a ", "my ")):
            article = ""
        start = match.start("article") if match.group("article") else match.start("name")
        before = match.string[:start].rstrip()
        text = article + placeholder
        if not before or before[-1] in ".!?\n":
            return text[0].upper() + text[1:]
        return text

    def placeholder_for(self, name: str) -> str:
        """The placeholder of a known full name, or the name run through the redactor."""
        return self._folded.get(name.strip().casefold(), self(name))


def _company_label(index: int) -> str:
    letters = string.ascii_uppercase
    return "Company " + (letters[index] if index < len(letters) else str(index + 1))


_GENERIC_WORDS = frozenset({"the", "a", "an", "new", "big", "global", "open", "united", "first"})


def _short_name(organisation: str) -> str | None:
    """The first word of a multi-word name, which notes use on its own ("Quillmark").

    Only a distinctive word counts: "The", "New" or "Global" alone would redact ordinary text.
    """
    words = organisation.split()
    if len(words) < 2:
        return None
    first = words[0].strip(",.")
    if len(first) < 4 or first.casefold() in _GENERIC_WORDS:
        return None
    return first


def build_redactor(
    organisations: Iterable[str],
    people: Iterable[tuple[str, str]],
    confidential_projects: Iterable[str] = (),
) -> Redactor:
    """A redactor for these organisations, (name, relationship) people and project names.

    Organisations become "Company A", "Company B"…, short forms included; people become their
    relationship ("my mentor"), and their first names and surnames are replaced too, since
    notes mostly use one of them; confidential project names become "a confidential project".
    """
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for project in confidential_projects:
        if project.strip():
            folded.setdefault(project.strip().casefold(), CONFIDENTIAL_PROJECT_PLACEHOLDER)
    distinct = dict.fromkeys(o.strip() for o in organisations if o.strip())
    for index, organisation in enumerate(distinct):
        label = _company_label(index)
        folded.setdefault(organisation.casefold(), label)
        short = _short_name(organisation)
        if short:
            exact.setdefault(short, label)
    for name, relationship in people:
        clean = name.strip()
        if not clean:
            continue
        placeholder = PLACEHOLDER_BY_RELATIONSHIP.get(relationship, DEFAULT_PERSON_PLACEHOLDER)
        folded.setdefault(clean.casefold(), placeholder)
        parts = clean.split()
        for part in {parts[0], parts[-1]} if len(parts) > 1 else set():
            if len(part) > 2:
                exact.setdefault(part, placeholder)
    return Redactor(tuple(folded.items()), tuple(exact.items()))
