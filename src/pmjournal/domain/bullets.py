"""Résumé bullets from a career snapshot: pure rules, no I/O.

Generation is deterministic (``domain.bullet_text``): the user's own clauses give the verb
and the what, each measured metric gives one bullet its number, computed by
``domain.metrics``. A bullet claims that an action caused a result only where the journal
says so (the same sentence, or the metric's evidencing entry naming the action); a metric
whose note disowns the change is left out. A bullet the user edited and pinned replaces the
generated one at its place, so regenerating never loses their wording. Each role keeps its
three to five strongest bullets, by measured result and evidence, as a reader of a résumé
expects; colleagues' names never reach a bullet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from pmjournal.domain.acronyms import expand_first_uses, find_expansions
from pmjournal.domain.bullet_lint import MAX_OPENER_USES, LintWarning, lint_bullet, repeated_openers
from pmjournal.domain.bullet_text import (
    CATEGORY_VERBS,
    DEFAULT_VERB,
    Action,
    action_clauses,
    compose,
    lead_with_strong,
    metric_label,
    plain_text,
    result_of,
)
from pmjournal.domain.metrics import MINUS, format_number
from pmjournal.domain.redaction import Redactor, build_redactor
from pmjournal.domain.sentences import sentences
from pmjournal.domain.snapshot_views import CareerSnapshot, MetricView, ProjectView

MAX_BULLETS = 3
MIN_PER_ROLE = 3
MAX_PER_ROLE = 5
NO_METRIC = LintWarning(
    "no-metric",
    "the project has no measured result of its own: add a metric with a baseline and a "
    "result, or pin an edit that states the expected result",
)
# A colleague in a bullet becomes their relationship: a résumé names no one.
BULLET_PLACEHOLDERS = {
    "mentor": "a mentor",
    "manager": "the manager",
    "peer": "a peer",
    "user": "a user",
    "stakeholder": "a stakeholder",
}
# A metric note saying the change has other causes ("not this project's alone", "not only",
# "other changes"): such a result is the user's to claim in a pinned edit, never ours.
_SHARED_CREDIT = re.compile(
    r"\bnot\b[^.;]{0,40}?\b(?:alone|only|solely|attribut\w*)\b"
    r"|\bother (?:changes|launches|projects|factors|causes)\b|\bconfounded\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[\w'-]+")
_TEXT_FIELDS = ("summary", "context", "problem", "role", "approach", "outcome", "expected_result")


@dataclass(frozen=True)
class BulletEvidence:
    """Where a bullet's words or number came from: a metric, an entry or a project field."""

    kind: str
    label: str
    id: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Bullet:
    position: int
    text: str
    pinned: bool
    evidence: tuple[BulletEvidence, ...]
    warnings: tuple[LintWarning, ...] = ()


@dataclass(frozen=True)
class ProjectBullets:
    project: ProjectView
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True)
class BulletReport:
    snapshot: CareerSnapshot
    projects: tuple[ProjectBullets, ...]

    @property
    def warnings(self) -> list[tuple[str, Bullet, LintWarning]]:
        return [
            (group.project.name, bullet, warning)
            for group in self.projects
            for bullet in group.bullets
            for warning in bullet.warnings
        ]


@dataclass
class _Unit:
    """An action the user wrote, as clauses, with the sentence and project field it came from."""

    actions: list[Action]
    source: str
    sentence: str

    @property
    def text(self) -> str:
        return " ".join(a.past for a in self.actions)


def ranked_metrics(metrics: Sequence[MetricView]) -> list[MetricView]:
    """The measured metrics a bullet may carry, improvements first, else in the user's order.

    A result that got worse is stated honestly, but only when nothing else was measured: a
    résumé bullet is not the place for it, and the lint still wants a number. A result the
    user's note does not claim for the project is never a bullet's.
    """
    measured = [m for m in metrics if m.result is not None and not _SHARED_CREDIT.search(m.note)]
    ranked = sorted(
        measured, key=lambda m: (m.change.improved is not True, not m.change.comparable)
    )
    usable = [m for m in ranked if m.change.improved is not False]
    return usable or ranked[:1]


def _number_pattern(value: float) -> str:
    """The number as the user may have typed it, with a hyphen or a typographic minus."""
    shown = re.escape(format_number(abs(value)))
    return rf"[-{MINUS}]{shown}" if value < 0 else shown


def _carries(text: str, metric: MetricView) -> bool:
    """Does the user's own sentence already state this metric's baseline and result?"""
    values = [q.value for q in (metric.baseline, metric.result) if q is not None]
    return all(re.search(rf"(?<![\d.,]){_number_pattern(v)}(?!\d)", text) for v in values)


def _words(text: str) -> str:
    """' a b c ': lower-case words with spaces around, so ``in`` matches whole words only."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _tied(unit: _Unit, metric: MetricView, project: ProjectView) -> bool:
    """May the bullet say the unit's actions brought the metric about? Only when the user
    wrote them together: the action's sentence states the metric (its name or numbers), or
    the metric's evidence entry or note repeats three words of an action in a row, two of
    them long and not just the metric's own name ("the import hints")."""
    label = _words(metric_label(metric.name))
    if _carries(unit.sentence, metric) or label in _words(unit.sentence):
        return True
    entry = next((e for e in project.entries if e.id == metric.entry_id), None)
    evidence = _words(f"{metric.note} {entry.title} {entry.body}" if entry else metric.note)
    for action in unit.actions:
        words = _words(action.past).split()[1:]
        for run in zip(words, words[1:], words[2:], strict=False):
            long = [w for w in run if len(w) >= 5]
            topical = all(f" {w} " in label for w in long)
            if len(long) >= 2 and not topical and _words(" ".join(run)) in evidence:
                return True
    return False


def _units(project: ProjectView) -> list[_Unit]:
    found = []
    for field in ("role", "summary", "outcome", "approach"):
        for sentence in sentences(getattr(project, field)):
            actions = action_clauses(sentence)
            if actions:
                found.append(_Unit(actions, field, sentence))
    return found


def _fallback(project: ProjectView) -> _Unit:
    """When no sentence opens with a strong verb: a verb for the project's main skill."""
    categories = {e.skill: e.category for e in project.evidence}
    top = project.skills[0][0] if project.skills else ""
    verb = CATEGORY_VERBS.get(categories.get(top, "").casefold(), DEFAULT_VERB)
    name = metric_label(project.name)
    what = name if name.casefold().endswith("project") else f"{name} project"
    return _Unit([Action(f"{verb.lower()} the {what}", None)], "name", project.name)


def _evidence(
    project: ProjectView, sources: Sequence[str], metric: MetricView | None
) -> tuple[BulletEvidence, ...]:
    found = [BulletEvidence("project", f"{project.name}: {s}", project.id) for s in sources]
    if metric is not None:
        found.append(
            BulletEvidence("metric", f"{metric.name}: {metric.text}", metric.id, metric.measured_on)
        )
        entry = next((e for e in project.entries if e.id == metric.entry_id), None)
        if entry is not None:
            found.append(
                BulletEvidence("entry", f'{entry.date} "{entry.title}"', entry.id, entry.date)
            )
    return tuple(dict.fromkeys(found))


def generate_project_bullets(
    project: ProjectView, openers: Counter[str] | None = None, *, ascii_only: bool = False
) -> list[Bullet]:
    """The generated bullets of one project, before pinned edits: one per measured metric
    (at most three), or a single bullet when nothing was measured; then, up to three, one
    for each action the user wrote that no bullet used yet, in case the role needs them.

    ``openers`` counts the verbs already opening bullets of the same role, and is updated,
    so the next project's bullets can vary their verbs.
    """
    openers = Counter() if openers is None else openers
    measured = ranked_metrics(project.metrics)
    units = _units(project)
    bullets: list[Bullet] = []

    def taken(verb: str) -> bool:
        return openers[verb] >= MAX_OPENER_USES

    for index in range(MAX_BULLETS):
        metric = measured[index] if index < len(measured) else None
        reserved = [u for u in units if any(_carries(u.text, m) for m in measured)]
        own = next((u for u in reserved if metric and _carries(u.text, metric)), None)
        free = [u for u in units if u not in reserved]
        tied = [u for u in free if metric and _tied(u, metric, project)]
        unit = own or next(iter(tied + free), None)
        if unit is None and bullets:
            break
        unit = unit or _fallback(project)
        composed = compose(unit.actions, None, taken)
        if metric and not (own and _carries(composed.text, metric)):
            result = result_of(metric.name, metric.change, ascii_only)
            claim = unit is own or unit in tied
            composed = compose(unit.actions, result, taken, tied=claim)
        if unit in units:
            at = units.index(unit)
            rest = lead_with_strong(unit.actions[composed.actions_used :])
            units[at : at + 1] = [_Unit(rest, unit.source, unit.sentence)] if rest else []
        openers[composed.text.split(" ", 1)[0].lower()] += 1
        text = plain_text(composed.text) if ascii_only else composed.text
        bullets.append(Bullet(index, text, False, _evidence(project, [unit.source], metric)))
    return bullets


def _with_edits(project: ProjectView, generated: list[Bullet], ascii_only: bool) -> list[Bullet]:
    """Pinned edits replace the generated bullet at their position, or follow the others."""
    edits = {e.position: e for e in sorted(project.bullet_edits, key=lambda e: e.id) if e.pinned}
    by_position = {b.position: b for b in generated}
    merged = []
    for position in sorted(by_position.keys() | edits.keys()):
        edit = edits.get(position)
        if edit is None:
            merged.append(by_position[position])
            continue
        replaced = by_position.get(position)
        evidence = replaced.evidence if replaced else ()
        text = plain_text(edit.text) if ascii_only else edit.text
        merged.append(Bullet(position, text, True, evidence))
    return merged


def _linted(project: ProjectView, bullets: list[Bullet]) -> list[Bullet]:
    """Lint every bullet; without a measured result, only the user's own figures (a pinned
    edit stating an expected result) lift the "no metric" flag."""
    expects_number = bool(ranked_metrics(project.metrics))
    linted = []
    for bullet in bullets:
        warnings = list(lint_bullet(bullet.text, expects_number=expects_number))
        if not expects_number and not (bullet.pinned and re.search(r"\d", bullet.text)):
            warnings.append(NO_METRIC)
        linted.append(replace(bullet, warnings=tuple(warnings)))
    return linted


def _role(project: ProjectView) -> int | None:
    return project.internship.id if project.internship else None


def _colleagues(snapshot: CareerSnapshot) -> Redactor:
    """A redactor that names every colleague only by relationship ("a peer")."""
    people = [(name, p.relationship) for p in snapshot.people for name in (p.name, *p.aliases)]
    return build_redactor((), people, placeholders=BULLET_PLACEHOLDERS)


def _without_colleagues(names: Redactor, project: ProjectView) -> ProjectView:
    """The project's text with every colleague named only by relationship."""
    if not names.active:
        return project
    return replace(
        project,
        summary=names(project.summary),
        context=names(project.context),
        problem=names(project.problem),
        role=names(project.role),
        approach=names(project.approach),
        outcome=names(project.outcome),
        expected_result=names(project.expected_result),
    )


def _strength(project: ProjectView, bullet: Bullet) -> tuple[int, int, int, int, int]:
    """How strongly a bullet speaks for the role: pinned by the user, then an improved and
    comparable measured result, then the evidence behind the project; earlier ones first."""
    metrics = {m.id: m for m in project.metrics}
    used = [metrics[e.id] for e in bullet.evidence if e.kind == "metric" and e.id in metrics]
    improved = any(m.change.improved for m in used)
    comparable = any(m.change.comparable for m in used)
    return (bullet.pinned, improved, comparable, len(project.evidence), -bullet.position)


def _choose(groups: list[tuple[ProjectView, list[Bullet]]], primary: set[int]) -> set[int]:
    """Which bullets (by ``id``) a role keeps: its strongest ``MAX_PER_ROLE`` first bullets
    (a metric's, or a project's only one), topped up to ``MIN_PER_ROLE`` with the rest."""
    ranked = sorted(
        ((g, b) for g, (_, bullets) in enumerate(groups) for b in bullets),
        key=lambda pair: _strength(groups[pair[0]][0], pair[1]),
        reverse=True,
    )
    first = [id(b) for _, b in ranked if id(b) in primary or b.pinned][:MAX_PER_ROLE]
    others = [id(b) for _, b in ranked if id(b) not in first]
    return set(first + others[: max(0, MIN_PER_ROLE - len(first))])


def build_bullets(snapshot: CareerSnapshot, *, ascii_only: bool = False) -> BulletReport:
    """Three to five bullets for each role of the snapshot, pinned edits applied and linted.

    The repeated-verb and acronym rules look across one role (internship), as a reader of
    the résumé does; projects without an internship count as one role.
    """
    by_role: dict[int | None, list[tuple[ProjectView, list[Bullet]]]] = {}
    primary: set[int] = set()
    openers: dict[int | None, Counter[str]] = {}
    names = _colleagues(snapshot)
    for project in snapshot.projects:
        clean = _without_colleagues(names, project)
        generated = generate_project_bullets(
            clean, openers.setdefault(_role(project), Counter()), ascii_only=ascii_only
        )
        firsts = max(1, len(ranked_metrics(project.metrics)))
        primary |= {id(b) for b in generated[:firsts]}
        merged = _with_edits(clean, generated, ascii_only)
        by_role.setdefault(_role(project), []).append((project, merged))
    expansions = find_expansions(_journal_text(snapshot))
    kept_groups: dict[int, ProjectBullets] = {}
    for groups in by_role.values():
        kept = _choose(groups, primary)
        texts = [b.text for _, bullets in groups for b in bullets if id(b) in kept]
        spelled, acronym_warnings = expand_first_uses(texts, expansions)
        repeated = repeated_openers(spelled)
        index = 0
        for project, bullets in groups:
            chosen = []
            for bullet in (b for b in bullets if id(b) in kept):
                text = spelled[index] if not bullet.pinned else bullet.text
                [linted] = _linted(project, [replace(bullet, text=text)])
                extra = (*acronym_warnings.get(index, ()), *filter(None, [repeated.get(index)]))
                chosen.append(replace(linted, warnings=(*linted.warnings, *extra)))
                index += 1
            if chosen:
                kept_groups[project.id] = ProjectBullets(project, tuple(chosen))
    ordered = tuple(kept_groups[p.id] for p in snapshot.projects if p.id in kept_groups)
    return BulletReport(snapshot, ordered)


def _journal_text(snapshot: CareerSnapshot) -> list[str]:
    """Everything the user wrote that may spell out an acronym."""
    texts = [getattr(p, f) for p in snapshot.projects for f in _TEXT_FIELDS]
    texts += [m.name + " " + m.note for p in snapshot.projects for m in p.metrics]
    texts += [f"{e.title} {e.body}" for e in snapshot.entries]
    return texts
