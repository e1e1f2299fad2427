"""Turning the user's own sentences into résumé bullets, by fixed rules.

PRODUCT.md rules out generated prose: a bullet is assembled from what the user wrote about a
project (their role, their approach) and the metric arithmetic of ``domain.metrics``. These
helpers only split a sentence into its verb clauses, re-inflect a verb (past or gerund), cut
and join; when a sentence does not fit the rules they return nothing, so the caller quotes
less rather than guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile

from pmjournal.domain.bullet_lint import (
    MAX_CHARS,
    MAX_WORDS,
    ONE_LINE,
    PLAIN_VERBS,
    STRONG_VERBS,
    is_strong_past,
)
from pmjournal.domain.metrics import (
    MetricChange,
    Quantity,
    format_delta,
    format_number,
    format_quantity,
)

_DOUBLED = frozenset({"cut", "map", "plan", "ship", "run", "win", "set", "model", "tag", "put"})


def gerund(base: str) -> str:
    """'interview' → 'interviewing', 'map' → 'mapping', 'size' → 'sizing'."""
    if base in _DOUBLED:
        return base + base[-1] + "ing"
    if base.endswith("e") and not base.endswith("ee"):
        return base[:-1] + "ing"
    return base + "ing"


_ALL_VERBS = STRONG_VERBS + PLAIN_VERBS
_PAST_BY_BASE = dict(_ALL_VERBS)
_BASE_BY_PAST = {past: base for base, past in _ALL_VERBS}
_BASE_BY_GERUND = {gerund(base): base for base, _ in _ALL_VERBS}

# The opener for a project whose own words give none, by the category of its main skill;
# verbs that claim taking part, not shipping, since the project may still be under way.
CATEGORY_VERBS: dict[str, str] = {
    "strategy & discovery": "Researched",
    "execution": "Drove",
    "analytical": "Analysed",
    "people": "Coordinated",
    "technical": "Designed",
}
DEFAULT_VERB = "Drove"
# Openers for a measured improvement, varied so no verb opens more than two bullets of a role.
RESULT_VERBS = {True: ("raise", "increase", "grow"), False: ("cut", "reduce", "lower")}

_SUBJECT = re.compile(
    r"^(?:as (?:the |a |an |our |my )?[^,]{1,60},\s*)?"
    r"(?:(?:i|we)\s+(?:(?:was|were|am|are)\s+(?:asked|brought in|hired|there)\s+to\s+)?"
    r"|my (?:role|job|task|part) (?:was|is)(?: to)?\s+)"
    r"(?:(?:also|then|first|personally|mostly|mainly)\s+)?",
    re.IGNORECASE,
)
_PIECE_SUBJECT = re.compile(r"^(?:i|we)\s+(?=\w)", re.IGNORECASE)
_RESPONSIBLE = re.compile(
    r"^(?:was\s+|were\s+)?(?:responsible for|in charge of|tasked with)\s+", re.IGNORECASE
)
_BOUNDARY = re.compile(r",\s+|;\s+|:\s+|\s+[—–-]\s+|\s+(?:and|while|so|which|because|but)\s+")
_SPLIT = re.compile(r"(,\s+(?:and\s+|then\s+)?|;\s+|\s+and\s+(?:then\s+)?|\s+then\s+)")
_POSSESSIVE = re.compile(r"\b(?:my|our)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:I|[Ww]e|[Mm]e|[Uu]s)\b|\bI['’]")
_PLAIN = str.maketrans(
    {"→": "->", "−": "-", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'}
    | {"…": "...", "\u00a0": " ", "×": "x", "·": "|", "•": "-"}
)


def plain_text(text: str) -> str:
    """ASCII punctuation for applicant-tracking systems (as ``format_change(ascii_only=True)``)."""
    return text.translate(_PLAIN)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _finish(clause: str) -> str:
    return clause.strip().rstrip(".!?;:,").strip()


def depersonalise(text: str) -> str | None:
    """'my mentor' becomes 'the mentor'; text still needing 'I' or 'we' is cut before it.

    None when the pronoun comes before any place to cut: the text cannot lose it.
    """
    text = _POSSESSIVE.sub(lambda m: "The" if m.group(0)[0].isupper() else "the", text)
    pronoun = _PRONOUN.search(text)
    if pronoun is None:
        return text
    cuts = [m.start() for m in _BOUNDARY.finditer(text, 0, pronoun.start())]
    kept = _finish(text[: cuts[-1]]) if cuts else ""
    return kept or None


@dataclass(frozen=True)
class Action:
    """One verb clause the user wrote, in both forms a bullet needs.

    ``gerund`` is None when a verb is not in the curated lists (an unknown '-ed' word):
    it can be quoted as written but not re-inflected.
    """

    past: str
    gerund: str | None

    @property
    def verb(self) -> str:
        return self.past.split(" ", 1)[0].lower()


def _verb_base(word: str, *, base_form_ok: bool, gerund_ok: bool = False) -> str | None:
    """The base of a verb we can inflect, '' for an unknown regular past ('-ed'), else None."""
    lower = word.lower()
    if lower in _BASE_BY_PAST:
        return _BASE_BY_PAST[lower]
    if base_form_ok and lower in _PAST_BY_BASE:
        return lower
    if gerund_ok and lower in _BASE_BY_GERUND:
        return _BASE_BY_GERUND[lower]
    if len(lower) > 4 and lower.endswith("ed"):
        return ""
    return None


def _pieces(sentence: str) -> tuple[list[str], bool, bool]:
    """The sentence without its subject, split at clause joints; whether a subject went (so a
    base form is a verb); and whether the verbs are gerunds after "responsible for".

    "Responsible for defining X and aligning Y" becomes "defined X", "aligned Y": the user's
    verbs, not an upgrade.
    """
    text = _finish(sentence)
    stripped = _SUBJECT.sub("", text, count=1)
    responsible = _RESPONSIBLE.match(stripped)
    if responsible:
        stripped = stripped[responsible.end() :]
        if stripped.split(" ", 1)[0].lower() not in _BASE_BY_GERUND:
            return [], False, False
    return _SPLIT.split(stripped), stripped != text, responsible is not None


def _actions(sentence: str) -> list[Action]:
    """The verb clauses of a sentence about what someone did, in the order written.

    'I read and coded 148 tickets, interviewed six users' → 'read and coded 148 tickets',
    'interviewed six users'. A piece with no verb of its own belongs to the clause before it;
    a sentence that opens with no verb gives nothing.
    """
    pieces, base_form_ok, gerund_ok = _pieces(sentence)
    groups: list[tuple[list[tuple[str, str]], list[str], str]] = []
    joiner = ""
    for index, piece in enumerate(pieces):
        if index % 2:
            joiner = piece
            continue
        if groups:
            piece = _PIECE_SUBJECT.sub("", piece, count=1)
        word, _, rest = piece.partition(" ")
        base = _verb_base(word, base_form_ok=not groups and base_form_ok, gerund_ok=gerund_ok)
        if base is not None and groups and not groups[-1][2]:
            verbs, joiners, _ = groups[-1]
            groups[-1] = ([*verbs, (base, word)], [*joiners, joiner], rest)
        elif base is not None:
            groups.append(([(base, word)], [], rest))
        elif not groups:
            return []
        else:
            verbs, joiners, previous = groups[-1]
            groups[-1] = (verbs, joiners, f"{previous}{joiner}{piece}" if previous else piece)
    found = []
    for verbs, joiners, rest in groups:
        clean = depersonalise(rest) if rest else None
        if clean is None:
            break
        past = [_PAST_BY_BASE[b] if b else w.lower() for b, w in verbs]
        gerunds = [gerund(b) for b, _ in verbs if b]
        found.append(
            Action(
                _join_verbs(past, joiners, clean),
                _join_verbs(gerunds, joiners, clean) if len(gerunds) == len(verbs) else None,
            )
        )
        if clean != rest:
            break
    return found


def _join_verbs(verbs: list[str], joiners: list[str], rest: str) -> str:
    words = verbs[0] + "".join(j + v for j, v in zip(joiners, verbs[1:], strict=True))
    return f"{words} {rest}"


def lead_with_strong(actions: list[Action]) -> list[Action]:
    """The actions with the first strong-verb one moved to the front; [] if none can lead.

    Weak openers ("helped", "worked on") may follow but never lead, since upgrading them
    would claim more than the user wrote.
    """
    strong = next((a for a in actions if is_strong_past(a.verb)), None)
    if strong is None:
        return []
    return [strong, *(a for a in actions if a is not strong)]


def _gerunds(actions: list[Action]) -> list[str]:
    """The leading actions as gerunds, up to the first that cannot be re-inflected."""
    return [a.gerund for a in takewhile(lambda a: a.gerund is not None, actions) if a.gerund]


def action_clauses(sentence: str) -> list[Action]:
    """'I own the analysis and presented it' → 'owned the analysis', 'presented it'."""
    return lead_with_strong(_actions(sentence))


def join_clauses(clauses: list[str]) -> str:
    if len(clauses) <= 1:
        return "".join(clauses)
    return ", ".join(clauses[:-1]) + " and " + clauses[-1]


def metric_label(name: str) -> str:
    """'Activation rate' → 'activation rate'; 'NPS' and 'D7 retention' keep their capitals."""
    name = name.strip()
    first = name.split(" ", 1)[0]
    if len(first) == 1 or any(c.isupper() or c.isdigit() for c in first[1:]):
        return name
    return name[:1].lower() + name[1:]


def _span(change: MetricChange, ascii_only: bool = False) -> str:
    """'from 37 to 22 tickets/week': a word unit said once, symbols kept on both numbers."""
    assert change.baseline is not None and change.result is not None
    result = format_quantity(change.result, ascii_only)
    number = format_number(change.result.value, ascii_only)
    same_word_unit = (
        change.baseline.unit.strip() == change.result.unit.strip()
        and result.startswith(number + " ")
    )
    baseline = (
        format_number(change.baseline.value, ascii_only)
        if same_word_unit
        else format_quantity(change.baseline, ascii_only)
    )
    return f"from {baseline} to {result}"


def _value(quantity: Quantity, label: str, ascii_only: bool = False) -> str:
    """'120' for 'dashboard viewers' in viewers; the unit only when the label lacks it."""
    unit = quantity.unit.strip().lower()
    if unit.isalpha() and re.search(rf"\b{re.escape(unit)}\b", label.lower()):
        return format_number(quantity.value, ascii_only)
    return format_quantity(quantity, ascii_only)


@dataclass(frozen=True)
class Result:
    """A measured result as words: ``up`` says which way an improvement went (None: the
    change is not an improvement and is only stated); ``phrase`` follows a verb; ``alone``
    states it as a clause of its own about the project, for a result the journal does not
    tie to the action."""

    up: bool | None
    phrase: str
    alone: str

    def trailing(self, verb: str) -> str:
        return f"{gerund(verb)} {self.phrase}" if self.up is not None else self.phrase


def result_of(name: str, change: MetricChange, ascii_only: bool = False) -> Result | None:
    """'activation from 31% to 42% (+35%)'; only an improvement gets an active verb."""
    if change.result is None:
        return None
    label = metric_label(name)
    if change.baseline is None:
        stated = f"with {label} at {_value(change.result, label, ascii_only)}"
    elif change.absolute is None:
        stated = f"with {label} going {_span(change, ascii_only)}"
    elif change.absolute == 0:
        stated = f"with {label} unchanged at {_value(change.result, label, ascii_only)}"
    else:
        delta = format_delta(change, ascii_only)
        span = f"{_span(change, ascii_only)} ({delta})" if delta else _span(change, ascii_only)
        if change.improved:
            went = "rose" if change.absolute > 0 else "fell"
            alone = f"over the project, {label} {went} {span}"
            return Result(change.absolute > 0, f"{label} {span}", alone)
        stated = f"with {label} {span}"
    return Result(None, stated, stated)


_QUALIFIER = re.compile(r"\s+(?:for|that|which|who|whom|where|when|with|without|so that)\s+")
_METHOD_WORD = re.compile(r"\b(?:by|using|through|via)\s+\S+\s+\S+")


def trimmed(text: str) -> list[str]:
    """Shorter forms of a clause without its trailing qualifiers, longest first:
    "… by pre-computing summary tables for the three reports new users open" → "… by
    pre-computing summary tables". A whole phrase goes, never part of one; the verb and
    its object stay (four words at least), and so does every number and a method's first
    two words."""
    keep_from = max((m.end() for m in re.finditer(r"\d", text)), default=0)
    method = _METHOD_WORD.search(text)
    if method:
        keep_from = max(keep_from, method.end())
    found = []
    for match in reversed(list(_QUALIFIER.finditer(text, keep_from))):
        head = text[: match.start()].rstrip(" ,;")
        if len(head.split()) >= 4 and not head.endswith(("(", " the", " a", " an")):
            found.append(head)
    return found


def fits(text: str) -> bool:
    return len(text) <= MAX_CHARS and len(text.split()) <= MAX_WORDS


@dataclass(frozen=True)
class Composed:
    text: str
    actions_used: int


def _how(clauses: list[str]) -> str:
    joined = join_clauses(clauses)
    return joined if joined.startswith("using ") else "by " + joined


def compose(
    actions: list[Action],
    result: Result | None,
    taken: Callable[[str], bool] = lambda _verb: False,
    *,
    tied: bool = True,
) -> Composed:
    """The best bullet that fits, preferring one résumé line, trying two shapes in turn:

    1. the result first, the user's actions as the method: "Cut Z from A to B by doing X";
    2. the user's actions as written, then the result: "Framed X and wrote Y, raising Z".

    A method or a cause is never stitched on from another sentence: only a result ``tied``
    to the actions by the journal may claim them as its cause (shape 1, or "…, raising Z");
    an untied one is stated as a separate clause about the project ("…; over the project,
    Z rose from A to B"), and a missing method is left for the lint to flag.

    Clauses are dropped from the end, never cut mid-way; the result is never dropped, since
    it carries the number. The richest form that fits one line (``ONE_LINE`` characters)
    wins, else the richest that fits two. An opener for which ``taken`` is true (already
    used twice in the role) is avoided while another fits; if nothing fits, the shortest
    form is returned for the lint to flag.
    """
    verb = RESULT_VERBS[result.up][0] if result and result.up is not None else ""
    tail = ""
    if result:
        tail = f", {result.trailing(verb)}" if tied or result.up is None else f"; {result.alone}"
    options: list[Composed] = []
    if result and result.up is not None and tied:
        gerunds = _gerunds(actions)
        for lead in RESULT_VERBS[result.up]:
            past = capitalise(_PAST_BY_BASE[lead])
            options += [
                Composed(f"{past} {result.phrase} {_how(gerunds[:n])}", n)
                for n in range(len(gerunds), 0, -1)
            ]
    pasts = [a.past for a in actions]
    options += [
        Composed(capitalise(text) + tail, n)
        for n in range(len(pasts), 0, -1)
        for text in (join_clauses(pasts[:n]), *trimmed(join_clauses(pasts[:n])))
    ]
    fitting = [o for o in options if fits(o.text)]
    short = [o for o in fitting if len(o.text) <= ONE_LINE]
    for group in (short, fitting):
        fresh = [o for o in group if not taken(o.text.split(" ", 1)[0].lower())]
        if fresh:
            return fresh[0]
    return (short or fitting or [options[-1]])[0]
