"""Résumé bullets: 1–3 per project, built from the user's words and metrics, each with evidence.

Generation is deterministic (``domain.bullet_text``): the role's clauses give the verb and
the what, the approach gives the "by …", and each measured metric gives one bullet its
number, computed by ``domain.metrics``. A bullet claims that an action caused a result only
where the journal says so (the same sentence, or the metric's evidence naming the action);
a metric whose note disowns the change is left out. A bullet the user edited and pinned
replaces the generated one at its place, so regenerating never loses their wording.
Everything is read through ``load_snapshot``, so confidential work cannot reach a résumé.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from pmjournal.domain.bullet_lint import (
    MAX_OPENER_USES,
    LintWarning,
    lint_bullet,
    repeated_openers,
)
from pmjournal.domain.bullet_text import (
    CATEGORY_VERBS,
    DEFAULT_VERB,
    Action,
    action_clauses,
    compose,
    lead_with_strong,
    method_clauses,
    metric_label,
    plain_text,
    result_of,
    sentences,
)
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metrics import format_number
from pmjournal.domain.snapshot_views import CareerSnapshot, MetricView, ProjectView
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage import models
from pmjournal.storage.database import Journal
from pmjournal.storage.lookup import project_by_name

MAX_BULLETS = 3
NO_METRIC = LintWarning(
    "no-metric",
    "the project has no measured result of its own: add a metric with a baseline and a "
    "result, or pin an edit that states the expected result",
)
# A metric note saying the change has other causes ("not this project's alone", "not only",
# "other changes"): such a result is the user's to claim in a pinned edit, never ours.
_SHARED_CREDIT = re.compile(
    r"\bnot\b[^.;]{0,40}?\b(?:alone|only|solely|attribut\w*)\b"
    r"|\bother (?:changes|launches|projects|factors|causes)\b|\bconfounded\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[\w'-]+")


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


def _ranked(metrics: Sequence[MetricView]) -> list[MetricView]:
    """The measured metrics a bullet may carry, improvements first, else in the user's order.

    A result that got worse is stated honestly, but only when nothing else was measured: a
    résumé bullet is not the place for it, and the lint still wants a number. A result the
    user's note does not claim for the project is never a bullet's.
    """
    measured = [m for m in metrics if m.result is not None and not _SHARED_CREDIT.search(m.note)]
    ranked = sorted(
        measured, key=lambda m: (m.change.improved is not True, m.change.percent is None)
    )
    usable = [m for m in ranked if m.change.improved is not False]
    return usable or ranked[:1]


def _carries(text: str, metric: MetricView) -> bool:
    """Does the user's own sentence already state this metric's baseline and result?"""
    values = [q.value for q in (metric.baseline, metric.result) if q is not None]
    return all(re.search(rf"(?<![\d.,]){re.escape(format_number(v))}(?!\d)", text) for v in values)


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
    return tuple(found)


def generate_project_bullets(
    project: ProjectView, openers: Counter[str] | None = None, *, ascii_only: bool = False
) -> list[Bullet]:
    """The generated bullets of one project, before pinned edits: one per measured metric
    (at most three), or a single bullet when nothing was measured.

    ``openers`` counts the verbs already opening bullets of the same role, and is updated,
    so the next project's bullets can vary their verbs.
    """
    openers = Counter() if openers is None else openers
    measured = _ranked(project.metrics)
    units = _units(project)
    methods = [m for s in sentences(project.approach) if (m := method_clauses(s))]
    bullets: list[Bullet] = []

    def taken(verb: str) -> bool:
        return openers[verb] >= MAX_OPENER_USES

    for index in range(min(MAX_BULLETS, max(1, len(measured)))):
        metric = measured[index] if index < len(measured) else None
        reserved = [u for u in units if any(_carries(u.text, m) for m in measured)]
        own = next((u for u in reserved if metric and _carries(u.text, metric)), None)
        free = [u for u in units if u not in reserved]
        tied = [u for u in free if metric and _tied(u, metric, project)]
        unit = own or next(iter(tied + free), None)
        if unit is None and bullets:
            break
        unit = unit or _fallback(project)
        composed = compose(unit.actions, methods, None, taken)
        if not (own and metric and _carries(composed.text, metric)):
            result = result_of(metric.name, metric.change, ascii_only) if metric else None
            claim = bool(metric and (unit is own or unit in tied))
            composed = compose(unit.actions, methods, result, taken, tied=claim)
        if unit in units:
            at = units.index(unit)
            rest = lead_with_strong(unit.actions[composed.actions_used :])
            units[at : at + 1] = [_Unit(rest, unit.source, unit.sentence)] if rest else []
        sources = [unit.source]
        if composed.method_used is not None:
            methods.pop(composed.method_used)
            sources.append("approach")
        openers[composed.text.split(" ", 1)[0].lower()] += 1
        text = plain_text(composed.text) if ascii_only else composed.text
        bullets.append(Bullet(index, text, False, _evidence(project, sources, metric)))
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
    expects_number = bool(_ranked(project.metrics))
    linted = []
    for bullet in bullets:
        warnings = list(lint_bullet(bullet.text, expects_number=expects_number))
        if not expects_number and not (bullet.pinned and re.search(r"\d", bullet.text)):
            warnings.append(NO_METRIC)
        linted.append(replace(bullet, warnings=tuple(warnings)))
    return linted


def _role(project: ProjectView) -> int | None:
    return project.internship.id if project.internship else None


def build_bullets(snapshot: CareerSnapshot, *, ascii_only: bool = False) -> BulletReport:
    """Bullets for every project of the snapshot, pinned edits applied and linted.

    The repeated-verb rule looks across one role (internship), as a reader of the résumé
    does; projects without an internship count as one role.
    """
    groups = []
    openers: dict[int | None, Counter[str]] = {}
    for project in snapshot.projects:
        generated = generate_project_bullets(
            project, openers.setdefault(_role(project), Counter()), ascii_only=ascii_only
        )
        bullets = _linted(project, _with_edits(project, generated, ascii_only))
        groups.append(ProjectBullets(project, tuple(bullets)))
    roles: dict[int | None, list[tuple[int, int]]] = {}
    for g, group in enumerate(groups):
        roles.setdefault(_role(group.project), []).extend((g, b) for b in range(len(group.bullets)))
    for places in roles.values():
        texts = [groups[g].bullets[b].text for g, b in places]
        for index, warning in repeated_openers(texts).items():
            g, b = places[index]
            bullets = list(groups[g].bullets)
            bullets[b] = replace(bullets[b], warnings=(*bullets[b].warnings, warning))
            groups[g] = replace(groups[g], bullets=tuple(bullets))
    return BulletReport(snapshot, tuple(groups))


def load_bullets(
    journal: Journal,
    *,
    project_names: Sequence[str] = (),
    redact: bool = False,
    ascii_only: bool = False,
) -> BulletReport:
    snapshot = load_snapshot(journal, project_names=project_names, redact=redact)
    return build_bullets(snapshot, ascii_only=ascii_only)


def _check_position(position: int) -> None:
    if not 0 <= position < MAX_BULLETS:
        raise ValidationError(
            f"bullet positions run from 1 to {MAX_BULLETS}, not {position + 1}", "position"
        )


def _project_for_edit(session: Session, project_name: str) -> models.Project:
    project = project_by_name(session, project_name)
    if project.confidential:
        raise ValidationError(
            f"project {project.name!r} is confidential; its bullets are never exported", "project"
        )
    return project


def pin_bullet(journal: Journal, project_name: str, position: int, text: str) -> None:
    """Store the user's wording for the bullet at ``position`` (0-based) and pin it.

    Pinning the same place again replaces the text; the row is what export/import carry.
    """
    clean = " ".join(text.split())
    if not clean:
        raise ValidationError("a pinned bullet needs some text", "text")
    _check_position(position)
    with journal.transaction() as session:
        project = _project_for_edit(session, project_name)
        rows = [b for b in project.bullets if b.position == position]
        if rows:
            rows[-1].text, rows[-1].pinned = clean, True
        else:
            project.bullets.append(models.ResumeBullet(position=position, text=clean, pinned=True))


def unpin_bullet(journal: Journal, project_name: str, position: int) -> None:
    """Let the generated bullet back at ``position``; the edited text is kept, unpinned."""
    _check_position(position)
    with journal.transaction() as session:
        project = _project_for_edit(session, project_name)
        rows = [b for b in project.bullets if b.position == position and b.pinned]
        if not rows:
            raise ValidationError(
                f"bullet {position + 1} of {project.name!r} is not pinned", "position"
            )
        for row in rows:
            row.pinned = False


def _period(start: date | None, end: date | None, dash: str) -> str:
    if start is None:
        return ""
    until = f"{end:%b %Y}" if end else "present"
    return f"{start:%b %Y} {dash} {until}"


def _roles(report: BulletReport, dash: str) -> list[tuple[str, list[ProjectBullets]]]:
    """Projects under a heading per internship (organisation, title, dates), in order."""
    headed: dict[str, list[ProjectBullets]] = {}
    for group in report.projects:
        internship = group.project.internship
        if internship is None:
            heading = "Other projects"
        else:
            period = _period(internship.start_date, internship.end_date, dash)
            heading = f"{internship.organisation} {dash} {internship.title}"
            heading += f", {period}" if period else ""
        headed.setdefault(heading, []).append(group)
    return list(headed.items())


def evidence_line(bullet: Bullet) -> str:
    """'project role, approach; metric …; entry …' and whether the words are the user's edit."""
    fields = [e.label.rsplit(": ", 1)[-1] for e in bullet.evidence if e.kind == "project"]
    parts = [f"project {', '.join(fields)}"] if fields else []
    parts += [f"{e.kind} {e.label}" for e in bullet.evidence if e.kind != "project"]
    if bullet.pinned:
        parts.append("pinned edit")
    return "; ".join(parts)


def render_text(report: BulletReport) -> str:
    """Text with plain ASCII punctuation that pastes into any résumé form; build the report
    ``ascii_only`` (names and headings are made plain here)."""
    if not report.projects:
        return "No projects to write bullets for yet.\n"
    lines: list[str] = []
    for heading, groups in _roles(report, "-"):
        lines += [heading, ""]
        for group in groups:
            lines.append(f"  {group.project.name}")
            for bullet in group.bullets:
                lines.append(f"  {bullet.position + 1}. {bullet.text}")
                lines.append(f"     evidence: {evidence_line(bullet)}")
            lines.append("")
    return plain_text("\n".join(lines))


def render_markdown(report: BulletReport) -> str:
    if not report.projects:
        return "No projects to write bullets for yet.\n"
    lines = ["# Résumé bullets", ""]
    for heading, groups in _roles(report, "–"):
        lines += [f"## {heading}", ""]
        for group in groups:
            lines += [f"### {group.project.name}", ""]
            for bullet in group.bullets:
                lines.append(f"{bullet.position + 1}. {bullet.text}")
                lines.append(f"   - *Evidence:* {evidence_line(bullet)}")
            lines.append("")
    return "\n".join(lines)
