"""Neutral placeholders for organisation and people names in exported text (``--redact``).

One redactor serves every output so the portfolio, the bullets and the stories redact alike.
A name is replaced in every form people write it: the user's aliases for it, and sensible
defaults (a codename before a dash or colon, a company without its legal suffix, a
colleague's first name or surname, with or without a title such as "Dr."), the longest
form first so "Northwind Ledger GmbH" never becomes "Company A Ledger GmbH".
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
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
# Titles are not names: "Dr. Rao" is one mention of Rao, and the title goes with the name.
TITLES = ("Dr", "Prof", "Mr", "Mrs", "Ms", "Mx", "Sir", "Dame")
_TITLE = r"(?P<title>(?<![\w.])(?:" + "|".join(TITLES) + r")\.?\s+)?"
_TITLE_WORD = re.compile(r"^(?:" + "|".join(TITLES) + r")\.?$", re.IGNORECASE)
LEGAL_SUFFIXES = (
    "GmbH", "AG", "KG", "Inc.", "Inc", "Ltd.", "Ltd", "Limited", "LLC", "LLP", "plc", "PLC",
    "Corp.", "Corp", "Corporation", "Co.", "S.A.", "SA", "S.L.", "SL", "SAS", "S.A.S.", "SARL",
    "S.r.l.", "SRL", "S.p.A.", "SpA", "B.V.", "BV", "N.V.", "NV", "ApS", "A/S", "AS", "AB",
    "Oy", "Pty Ltd", "Pty", "sp. z o.o.", "Sp. z o.o.", "s.r.o.", "K.K.", "GK",
)  # fmt: skip
_SUFFIX = re.compile(
    r"[\s,]+(?:" + "|".join(re.escape(s) for s in LEGAL_SUFFIXES) + r")$", re.IGNORECASE
)
_CODENAME = re.compile(r"^(.+?)\s*(?:\s[—–-]\s|:\s)")


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
        return re.compile(rf"{_ARTICLE}{_TITLE}{_BEFORE}(?P<name>{alternatives}){_AFTER}")

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
        if placeholder.startswith(("a ", "my ", "the ")):
            article = ""
        start = match.start("name")
        for group in ("title", "article"):
            if match.group(group):
                start = match.start(group)
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


def without_legal_suffix(organisation: str) -> str:
    """'Northwind Ledger GmbH' → 'Northwind Ledger'; 'Acme sp. z o.o.' → 'Acme'."""
    name = organisation.strip()
    while (stripped := _SUFFIX.sub("", name)) != name and stripped:
        name = stripped
    return name


def codename(name: str) -> str | None:
    """The short name before a dash or a colon ('Falcon — audit readiness' → 'Falcon'), or
    after 'Project' ('Project Falcon' → 'Falcon'), when it is distinctive enough to look for."""
    match = _CODENAME.match(name.strip())
    short = match.group(1).strip() if match else ""
    if not short and name.strip().casefold().startswith("project "):
        short = name.strip()[8:].strip()
    if len(short) < 3 or short.casefold() in _GENERIC_WORDS or short == name.strip():
        return None
    return short


def organisation_forms(organisation: str) -> list[str]:
    """Every form of a company name notes use, longest first: in full, without its legal
    suffix, before a dash, and its first distinctive word."""
    bare = without_legal_suffix(organisation)
    suffix = organisation.strip()[len(bare) :].strip(" ,")
    spelt = [f"{bare} {suffix}", f"{bare}, {suffix}"] if suffix else []
    forms = [organisation.strip(), *spelt, bare, codename(bare), _short_name(bare)]
    return list(dict.fromkeys(f for f in forms if f))


def person_forms(name: str) -> tuple[str, list[str]]:
    """(full name without a title, [first name, surname]): 'Dr. Priya Rao' → ('Priya Rao',
    ['Priya', 'Rao']). A title is never a name; the redactor takes it along with the name."""
    words = [w for w in name.split() if not _TITLE_WORD.match(w)]
    full = " ".join(words)
    parts = {words[0], words[-1]} if len(words) > 1 else set()
    return full, sorted(p for p in parts if len(p) > 2)


def build_redactor(
    organisations: Iterable[str],
    people: Iterable[tuple[str, str]],
    confidential_projects: Iterable[str] = (),
    *,
    aliases: Mapping[str, Sequence[str]] | None = None,
    placeholders: Mapping[str, str] | None = None,
) -> Redactor:
    """A redactor for these organisations, (name, relationship) people and project names.

    Organisations become "Company A", "Company B"…, in every form (``organisation_forms``);
    people become their relationship ("my mentor", or from ``placeholders``), and their first
    names and surnames are replaced too, since notes mostly use one of them; confidential
    projects become "a confidential project", codename included. ``aliases`` maps a name to
    the other words the user has for it, which get the same placeholder.
    """
    aliases = aliases or {}
    by_relationship = placeholders or PLACEHOLDER_BY_RELATIONSHIP
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}

    def also(name: str, placeholder: str) -> None:
        for alias in aliases.get(name, ()):
            if alias.strip():
                folded.setdefault(alias.strip().casefold(), placeholder)

    for project in confidential_projects:
        if project.strip():
            folded.setdefault(project.strip().casefold(), CONFIDENTIAL_PROJECT_PLACEHOLDER)
            short = codename(project)
            if short:
                # As written only: "Pricing: enterprise tier" hides "Pricing", not "pricing".
                exact.setdefault(short, CONFIDENTIAL_PROJECT_PLACEHOLDER)
            also(project, CONFIDENTIAL_PROJECT_PLACEHOLDER)
    distinct = dict.fromkeys(o.strip() for o in organisations if o.strip())
    for index, organisation in enumerate(distinct):
        label = _company_label(index)
        for form in organisation_forms(organisation):
            if form == organisation or " " in form:
                folded.setdefault(form.casefold(), label)
            else:
                exact.setdefault(form, label)
        also(organisation, label)
    for name, relationship in people:
        clean = name.strip()
        if not clean:
            continue
        placeholder = by_relationship.get(relationship, DEFAULT_PERSON_PLACEHOLDER)
        full, parts = person_forms(clean)
        for form in dict.fromkeys((clean, full)):
            if form:
                folded.setdefault(form.casefold(), placeholder)
        for part in parts:
            exact.setdefault(part, placeholder)
        also(name, placeholder)
    return Redactor(tuple(folded.items()), tuple(exact.items()))
