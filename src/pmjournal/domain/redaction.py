"""Neutral placeholders for organisation and people names in exported text (``--redact``).

One redactor serves every output so the portfolio and the résumé bullets redact alike.
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


@dataclass(frozen=True)
class Redactor:
    """Replaces whole-word, case-insensitive names with placeholders, longest name first."""

    replacements: tuple[tuple[str, str], ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.replacements)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.replacements:
            return None
        names = sorted((name for name, _ in self.replacements), key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in names)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    @cached_property
    def _lookup(self) -> dict[str, str]:
        return {name.casefold(): placeholder for name, placeholder in self.replacements}

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        placeholder = self._lookup[match.group(0).casefold()]
        before = match.string[: match.start()].rstrip()
        if not before or before[-1] in ".!?\n":
            return placeholder[0].upper() + placeholder[1:]
        return placeholder

    def placeholder_for(self, name: str) -> str:
        """The placeholder of a known name, or the name run through the redactor."""
        return self._lookup.get(name.strip().casefold(), self(name))


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
    relationship ("my mentor"), and their first names are replaced too, since notes mostly use
    first names; confidential project names become "a confidential project".
    """
    pairs: dict[str, str] = {}
    for project in confidential_projects:
        if project.strip():
            pairs.setdefault(project.strip().casefold(), CONFIDENTIAL_PROJECT_PLACEHOLDER)
    distinct = dict.fromkeys(o.strip() for o in organisations if o.strip())
    for index, organisation in enumerate(distinct):
        label = _company_label(index)
        pairs.setdefault(organisation.casefold(), label)
        short = _short_name(organisation)
        if short:
            pairs.setdefault(short.casefold(), label)
    for name, relationship in people:
        clean = name.strip()
        if not clean:
            continue
        placeholder = PLACEHOLDER_BY_RELATIONSHIP.get(relationship, DEFAULT_PERSON_PLACEHOLDER)
        pairs.setdefault(clean.casefold(), placeholder)
        first = clean.split()[0]
        if len(first) > 2:
            pairs.setdefault(first.casefold(), placeholder)
    return Redactor(tuple(pairs.items()))
