"""Résumé bullet lint: the rules of PRODUCT.md ("Bullets") as checks that say what to fix.

A reviewer gives a résumé six to eight seconds, so a bullet must open with a strong past-tense
verb, carry a number, say how, and fit on two lines. The same rules judge generated bullets
and the ones the user edits by hand, so a pinned edit is never taken on trust either.
The verb lists are curated here, in one place, because generation draws its openers from them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MAX_CHARS = 200
ONE_LINE = 110
MAX_WORDS = 30
MAX_OPENER_USES = 2


def _pairs(table: str) -> tuple[tuple[str, str], ...]:
    """'lead/led cut' → (('lead', 'led'), ('cut', 'cut')): verb tables kept readable."""
    return tuple((w.split("/")[0], w.split("/")[-1]) for w in table.split())


# (base, past) of strong action verbs; the past forms open bullets, the base and gerund forms
# let generation turn "I interview users" or "responsible for defining" into an opener.
STRONG_VERBS = _pairs(
    """
    accelerate/accelerated align/aligned analyse/analysed analyze/analyzed audit/audited
    automate/automated benchmark/benchmarked bring/brought build/built calculate/calculated
    champion/championed choose/chose clarify/clarified coach/coached compare/compared
    conduct/conducted consolidate/consolidated convince/convinced coordinate/coordinated
    create/created cut define/defined deliver/delivered design/designed develop/developed
    diagnose/diagnosed document/documented draft/drafted drive/drove establish/established
    estimate/estimated evaluate/evaluated expand/expanded facilitate/facilitated find/found
    forecast frame/framed grow/grew hold/held identify/identified implement/implemented
    improve/improved increase/increased instrument/instrumented integrate/integrated
    interview/interviewed introduce/introduced launch/launched lead/led lower/lowered map/mapped
    measure/measured mentor/mentored migrate/migrated model/modelled moderate/moderated
    negotiate/negotiated onboard/onboarded organise/organised organize/organized own/owned
    partner/partnered persuade/persuaded pilot/piloted plan/planned present/presented
    prioritise/prioritised prioritize/prioritized produce/produced propose/proposed
    prototype/prototyped publish/published quantify/quantified raise/raised rebuild/rebuilt
    recommend/recommended redesign/redesigned reduce/reduced research/researched
    resolve/resolved restructure/restructured rewrite/rewrote run/ran scope/scoped
    secure/secured segment/segmented sell/sold set ship/shipped shorten/shortened
    simplify/simplified size/sized specify/specified standardise/standardised
    streamline/streamlined structure/structured survey/surveyed synthesise/synthesised
    synthesize/synthesized teach/taught test/tested track/tracked train/trained triage/triaged
    unify/unified validate/validated win/won write/wrote
    """
)
STRONG_PAST = frozenset(past for _, past in STRONG_VERBS)

# Verbs that may continue a bullet or describe a method but are too plain to open one.
PLAIN_VERBS = _pairs(
    """
    add/added agree/agreed ask/asked call/called check/checked code/coded collect/collected
    count/counted decide/decided explain/explained fix/fixed gather/gathered get/got give/gave
    help/helped join/joined keep/kept listen/listened make/made meet/met move/moved pair/paired
    pitch/pitched practise/practised prepare/prepared put read rehearse/rehearsed
    review/reviewed roll/rolled send/sent shadow/shadowed share/shared show/showed sort/sorted
    study/studied summarise/summarised support/supported tag/tagged take/took talk/talked
    turn/turned update/updated use/used walk/walked watch/watched work/worked
    """
)

# Openers that describe presence rather than achievement; the first four are the issue's own.
WEAK_OPENERS: tuple[str, ...] = (
    "responsible for",
    "helped",
    "worked on",
    "assisted with",
    "assisted in",
    "assisted",
    "was responsible",
    "in charge of",
    "tasked with",
    "duties included",
    "participated in",
    "involved in",
    "was involved",
    "was part of",
    "part of",
    "worked with",
    "contributed to",
    "supported",
    "handled",
    "tried to",
    "attempted to",
)

BUZZWORDS: tuple[str, ...] = (
    "leveraged",
    "leverage",
    "spearheaded",
    "synergy",
    "synergies",
    "synergised",
    "synergized",
    "utilised",
    "utilized",
    "actioned",
    "ideated",
    "best-in-class",
    "world-class",
    "cutting-edge",
    "game-changing",
    "move the needle",
    "moved the needle",
    "thought leadership",
    "results-driven",
    "rockstar",
    "ninja",
    "passionate",
    "team player",
    "go-getter",
)

_FIRST_PERSON = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}
    | {"we", "we're", "we've", "we'd", "we'll", "our", "ours", "ourselves", "us"}
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_METHOD = re.compile(r"\b(?:by|using|through|via)\b", re.IGNORECASE)
_NOT_PLAIN = re.compile(r"\*\*|__|`|\]\(|[→←↑↓•●★✓✔▪►]|[\U0001F300-\U0001FAFF]")


@dataclass(frozen=True)
class LintWarning:
    """One broken rule: a stable code for tests and tools, and a message that says the fix."""

    code: str
    message: str


def opening_word(text: str) -> str:
    """The bullet's first word, lower-cased, without punctuation ('' if it has none)."""
    match = _WORD.search(text.strip())
    return match.group(0).lower().replace("’", "'") if match else ""


def is_strong_past(word: str) -> bool:
    """A curated strong verb, or a regular past form ('-ed') that is not a weak one."""
    word = word.lower()
    if word in STRONG_PAST:
        return True
    weak_words = {opener.split()[0] for opener in WEAK_OPENERS}
    return len(word) > 4 and word.endswith("ed") and word not in weak_words


def _weak_opener(text: str) -> str | None:
    lowered = " ".join(text.lower().split())
    for opener in WEAK_OPENERS:
        if lowered == opener or lowered.startswith(opener + " "):
            return opener
    return None


def _first_person(text: str) -> list[str]:
    """Pronouns as written; 'US' and 'ME' in capitals are places, not people."""
    found = []
    for word in _WORD.findall(text):
        clean = word.replace("’", "'")
        singular = clean == "I" or clean.startswith("I'")
        if singular or (clean.lower() in _FIRST_PERSON and clean != clean.upper()):
            found.append(word)
    return list(dict.fromkeys(found))


def _buzzwords(text: str) -> list[str]:
    lowered = text.lower()
    return [b for b in BUZZWORDS if re.search(rf"(?<![\w-]){re.escape(b)}(?![\w-])", lowered)]


def lint_bullet(text: str, *, expects_number: bool) -> tuple[LintWarning, ...]:
    """Every rule a single bullet breaks, in the order a reader would notice them.

    ``expects_number`` is true when the project has a measured result: then a bullet
    without a figure is leaving the best evidence out.
    """
    warnings: list[LintWarning] = []
    weak = _weak_opener(text)
    first = opening_word(text)
    if weak:
        warnings.append(
            LintWarning(
                "weak-opener",
                f'starts with "{weak}": open with what you did, in a strong past-tense verb '
                '("Led", "Built", "Cut")',
            )
        )
    elif not is_strong_past(first):
        shown = first or "nothing"
        warnings.append(
            LintWarning(
                "not-past-tense-verb",
                f'starts with "{shown}", not a past-tense action verb: begin with one such as '
                '"Designed", "Ran" or "Reduced"',
            )
        )
    pronouns = _first_person(text)
    if pronouns:
        warnings.append(
            LintWarning(
                "first-person",
                f"uses first person ({', '.join(pronouns)}): drop the pronoun, a résumé implies it",
            )
        )
    if expects_number and not re.search(r"\d", text):
        warnings.append(
            LintWarning(
                "no-number",
                "has no number although the project has a measured result: add the metric "
                "with its baseline",
            )
        )
    if not _METHOD.search(text):
        warnings.append(
            LintWarning("no-method", 'does not say how: add a method ("by …", "using …")')
        )
    buzz = _buzzwords(text)
    if buzz:
        warnings.append(
            LintWarning(
                "buzzword",
                f"uses buzzwords ({', '.join(buzz)}): say plainly what you did",
            )
        )
    words = len(text.split())
    if len(text) > MAX_CHARS:
        warnings.append(
            LintWarning(
                "too-long",
                f"is {len(text)} characters; two résumé lines hold about {MAX_CHARS}: "
                "cut context, keep the verb, the method and the number",
            )
        )
    elif words > MAX_WORDS:
        warnings.append(
            LintWarning(
                "too-many-words",
                f"has {words} words; keep it to {MAX_WORDS} or fewer",
            )
        )
    if _NOT_PLAIN.search(text):
        warnings.append(
            LintWarning(
                "not-plain-text",
                "has formatting or symbols an applicant-tracking system may garble "
                "(**, `, links, arrows, emoji): write it as plain text",
            )
        )
    return tuple(warnings)


def repeated_openers(texts: Sequence[str]) -> dict[int, LintWarning]:
    """Warnings for bullets of one role whose opening verb already opened two earlier ones."""
    seen: Counter[str] = Counter()
    found: dict[int, LintWarning] = {}
    for index, text in enumerate(texts):
        word = opening_word(text)
        if not word:
            continue
        seen[word] += 1
        if seen[word] > MAX_OPENER_USES:
            found[index] = LintWarning(
                "repeated-verb",
                f'"{word.capitalize()}" already opens {MAX_OPENER_USES} bullets of this role: '
                "vary the verb",
            )
    return found
