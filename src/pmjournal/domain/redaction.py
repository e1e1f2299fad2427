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


def build_redactor(
    organisations: Iterable[str],
    people: Iterable[tuple[str, str]],
    confidential_projects: Iterable[str] = (),
) -> Redactor:
    """A redactor for these organisations, (name, relationship) people and project names.

    Organisations become "Company A", "Company B"…; people become their relationship ("my
    mentor"), and their first names are replaced too, since notes mostly use first names.
    """
    pairs: dict[str, str] = {}
    for project in confidential_projects:
        if project.strip():
            pairs.setdefault(project.strip().casefold(), CONFIDENTIAL_PROJECT_PLACEHOLDER)
    for index, organisation in enumerate(
        dict.fromkeys(o.strip() for o in organisations if o.strip())
    ):
        pairs.setdefault(organisation.casefold(), _company_label(index))
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
