"""The portfolio as plain values ready for the templates, built from the career snapshot.

The snapshot (``services.snapshot``) has already left out everything confidential and applied
``--redact``; this module decides what a reader sees first: which metric leads, which skills
show most, which entries tell the story. Templates only lay it out, so these rules are tested
without rendering a PDF. Markdown fields are rendered and sanitised here into ``Markup``; all
other user text is escaped by the templates and is never template source.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from markupsafe import Markup

from pmjournal import version
from pmjournal.domain.entry_templates import without_prompts
from pmjournal.render.charts import Bucket
from pmjournal.render.impact import (
    Callout,
    MetricLine,
    callout,
    day_label,
    headline,
    metric_line,
    month_label,
    span_label,
)
from pmjournal.render.markdown_html import (
    MarkdownRenderer,
    first_sentence,
    split_first_sentence,
)

if TYPE_CHECKING:
    from pmjournal.domain.snapshot_views import CareerSnapshot, EntryView, EvidenceView, ProjectView

STATUS_LABELS = {
    "shipped": "Shipped",
    "active": "In progress",
    "planned": "Planned",
    "paused": "Paused",
    "cancelled": "Cancelled",
}
MAX_CALLOUTS = 4
MAX_TOP_SKILLS = 8
MAX_SKILLS_PER_STUDY = 8
MAX_EVIDENCE_LINES = 2
MAX_QUOTES = 3
MAX_TIMELINE = 6
MATRIX_COLUMNS = 6


@dataclass(frozen=True)
class SkillShown:
    name: str
    count: int
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    text: Markup
    who: str
    role: str
    day: str


@dataclass(frozen=True)
class Moment:
    day: str
    text: str


@dataclass(frozen=True)
class Section:
    """A case-study section of Markdown prose; only non-empty ones are built."""

    anchor: str
    title: str
    body: Markup


@dataclass(frozen=True)
class CaseStudy:
    anchor: str
    number: int
    title: str
    tagline: str
    meta: tuple[str, ...]
    brief: str
    headline: Callout | None
    expected: str
    sections: tuple[Section, ...]
    results: tuple[MetricLine, ...]
    outcome: Markup
    skills: tuple[SkillShown, ...]
    learned: Markup
    quotes: tuple[Quote, ...]
    timeline: tuple[Moment, ...]

    @property
    def has_results(self) -> bool:
        return bool(self.results or self.outcome or self.expected)


@dataclass(frozen=True)
class MatrixBlock:
    """A slice of the skills × projects matrix, narrow enough to fit the page."""

    projects: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class Cover:
    name: str
    headline: str
    contact: tuple[str, ...]
    about: Markup
    roles: tuple[str, ...]
    prepared: str


@dataclass(frozen=True)
class PortfolioView:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    created: str
    generator: str
    cover: Cover
    callouts: tuple[Callout, ...]
    top_skills: tuple[SkillShown, ...]
    activity_unit: str
    activity: tuple[Bucket, ...]
    studies: tuple[CaseStudy, ...]
    matrix: tuple[MatrixBlock, ...]
    warnings: tuple[str, ...]


def readiness_warning(project: ProjectView) -> str | None:
    """'project X is not portfolio-ready: no role, no result', or None when it is ready."""
    missing = [m for m in project.missing if m in ("role", "result")]
    if not missing:
        return None
    return f"project {project.name!r} is not portfolio-ready: " + ", ".join(
        f"no {m}" for m in missing
    )


def _evidence_key(item: EvidenceView) -> tuple[str, str, int]:
    return (item.skill, item.source, item.source_id)


def _unique_evidence(projects: Iterable[ProjectView]) -> list[EvidenceView]:
    """Evidence across projects, once each: an entry linked to two projects counts once."""
    seen: dict[tuple[str, str, int], EvidenceView] = {}
    for project in projects:
        for item in project.evidence:
            seen.setdefault(_evidence_key(item), item)
    return list(seen.values())


def _skills_shown(project: ProjectView) -> tuple[SkillShown, ...]:
    """Each skill with its evidence count and a few distinct notes, dated by first use."""
    titles = {e.id: e.title for e in project.entries}
    counts: Counter[str] = Counter()
    notes: dict[str, dict[str, date | None]] = defaultdict(dict)
    for item in sorted(_unique_evidence([project]), key=lambda e: (e.day or date.min, e.skill)):
        counts[item.skill] += 1
        fallback = titles.get(item.source_id, "") if item.source == "entry" else ""
        note = first_sentence(item.note or fallback, 110)
        if note:
            notes[item.skill].setdefault(note, item.day)
    shown = []
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines = tuple(
            f"{note} ({day_label(day)})" if day else note
            for note, day in list(notes[name].items())[:MAX_EVIDENCE_LINES]
        )
        shown.append(SkillShown(name, count, lines))
    return tuple(shown[:MAX_SKILLS_PER_STUDY])


def _quotes(project: ProjectView, md: MarkdownRenderer) -> tuple[Quote, ...]:
    """Up to three quotes, praise first, shown in date order with who said them."""
    order = {"praise": 0, "suggestion": 1, "constructive": 2}
    chosen = sorted(project.feedback, key=lambda f: (order.get(f.kind, 3), f.date))[:MAX_QUOTES]
    quotes = []
    for item in sorted(chosen, key=lambda f: f.date):
        relation = item.relationship.replace("_", " ")
        who = item.person or relation
        extra = (item.person_title, relation)
        role = ", ".join(x for x in extra if x and x.lower() not in who.lower())
        text = md.html(item.text, f"feedback of {day_label(item.date)}")
        quotes.append(Quote(text, who[:1].upper() + who[1:], role, day_label(item.date)))
    return tuple(quotes)


def _timeline(project: ProjectView, md: MarkdownRenderer) -> tuple[Moment, ...]:
    """The entries that carry the story: metric evidence, the project's own weekly reviews,
    skill-rich days. An entry about this project alone comes before one shared with others,
    so a weekly review of everything does not fill every case study's timeline."""
    evidencing = {m.entry_id for m in project.metrics if m.entry_id is not None}

    def weight(entry: EntryView) -> tuple[int, int, date]:
        own_review = entry.kind == "weekly" and len(entry.projects) <= 1
        score = 3 * (entry.id in evidencing) + 2 * own_review
        score += min(len(entry.skills), 3) + bool(entry.title)
        return (score, -len(entry.projects), entry.date)

    picked = sorted(project.entries, key=weight, reverse=True)[:MAX_TIMELINE]
    return tuple(
        Moment(
            day_label(entry.date),
            entry.title.strip()
            or first_sentence(
                md.plain(
                    without_prompts(entry.body), f"entry #{entry.id} of {day_label(entry.date)}"
                ),
                120,
            ),
        )
        for entry in sorted(picked, key=lambda e: (e.date, e.id))
    )


def _brief(
    project: ProjectView, md: MarkdownRenderer, expected_boxed: bool
) -> tuple[str, dict[str, str]]:
    """Problem, my role, outcome: one sentence each, taken from what the user wrote; and the
    sentence taken from each field, so the sections below can leave it out.

    Unshipped work has no outcome: its expected result stands in, marked "Expected:" so it
    never reads as done, unless the headline box beside the brief already shows it.
    """
    taken = {
        field: first_sentence(md.plain(getattr(project, field), _where(project)))
        for field in ("problem", "role", "outcome")
    }
    parts = [taken["problem"], taken["role"], taken["outcome"]]
    if not taken["outcome"] and not expected_boxed:
        expected = first_sentence(md.plain(project.expected_result, _where(project)))
        parts.append(f"Expected: {expected}" if expected else "")
    return " ".join(s for s in parts if s), taken


def _after(text: str, sentence: str, md: MarkdownRenderer) -> str:
    """``text`` without its opening sentence when the brief already quotes it whole."""
    head, rest = split_first_sentence(text)
    return rest if sentence and md.plain(head) == sentence else text


def _where(project: ProjectView) -> str:
    name = project.name if len(project.name) <= 60 else project.name[:59] + "…"
    return f"project “{name}”"


def _case_study(number: int, project: ProjectView, md: MarkdownRenderer) -> CaseStudy:
    anchor = f"case-{number}"
    metrics = tuple(metric_line(m) for m in project.metrics)
    lead = headline(metrics)
    title = project.name
    intern = project.internship
    dates = span_label(project.start_date, project.end_date)
    if not dates and intern:
        dates = span_label(intern.start_date, intern.end_date)
    meta = (
        intern.organisation if intern else "",
        dates,
        STATUS_LABELS.get(project.status, project.status.capitalize()),
    )
    expected = "" if project.outcome.strip() else project.expected_result.strip()
    brief, taken = _brief(project, md, expected_boxed=bool(expected) and lead is None)
    # The brief sits a few lines above these sections: they go on from where it stops.
    sections = [
        Section(f"{anchor}-{key}", label, md.html(text, _where(project)))
        for key, label, text in (
            ("context", "Context", project.context),
            ("problem", "Problem", _after(project.problem, taken["problem"], md)),
            ("role", "My role", _after(project.role, taken["role"], md)),
            ("approach", "Approach", project.approach),
        )
        if text.strip()
    ]
    return CaseStudy(
        anchor=anchor,
        number=number,
        title=title,
        tagline=first_sentence(md.plain(project.summary, _where(project)), 200),
        meta=tuple(x for x in meta if x),
        brief=brief,
        headline=callout(lead, title, anchor) if lead else None,
        expected=expected,
        sections=tuple(sections),
        results=metrics,
        outcome=md.html(project.outcome, _where(project)),
        skills=_skills_shown(project),
        learned=md.html(project.learnings, _where(project)),
        quotes=_quotes(project, md),
        timeline=_timeline(project, md),
    )


def _period_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    months = 1 if unit == "month" else 3
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def _period_label(start: date, unit: str) -> str:
    if unit == "week":
        return f"{start.day} {month_label(start).split()[0]}"
    if unit == "month":
        return month_label(start)
    return f"Q{(start.month - 1) // 3 + 1} {start.year}"


def _activity(evidence: Sequence[EvidenceView]) -> tuple[str, tuple[Bucket, ...]]:
    """Skills practised per week (per month or quarter for long journals), empty periods kept."""
    days = [item.day for item in evidence if item.day]
    if not days:
        return "week", ()
    first, last = min(days), max(days)
    span = (last - first).days
    unit = "week" if span <= 26 * 7 else "month" if span <= 3 * 366 else "quarter"
    counts = Counter(_period_start(day, unit) for day in days)
    step = timedelta(days=7 if unit == "week" else 32 if unit == "month" else 95)
    buckets, current = [], _period_start(first, unit)
    while current <= last:
        buckets.append(Bucket(_period_label(current, unit), counts.get(current, 0)))
        current = _period_start(current + step, unit)
    return unit, tuple(buckets)


def _top_skills(evidence: Sequence[EvidenceView]) -> tuple[SkillShown, ...]:
    counts = Counter(item.skill for item in evidence)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOP_SKILLS]
    return tuple(SkillShown(name, count) for name, count in ranked)


def _matrix(
    studies: tuple[CaseStudy, ...], projects: Sequence[ProjectView]
) -> tuple[MatrixBlock, ...]:
    counts = [Counter(item.skill for item in _unique_evidence([p])) for p in projects]
    totals = sum(counts, Counter())
    skills = sorted(totals, key=lambda s: (-totals[s], s))
    blocks = []
    for start in range(0, len(studies), MATRIX_COLUMNS):
        chunk = range(start, min(start + MATRIX_COLUMNS, len(studies)))
        rows = tuple((s, tuple(counts[i][s] for i in chunk)) for s in skills)
        used = tuple(row for row in rows if any(row[1]))
        if used:
            blocks.append(MatrixBlock(tuple(studies[i].title for i in chunk), used))
    return tuple(blocks)


def _cover(snapshot: CareerSnapshot, md: MarkdownRenderer, made_on: date) -> Cover:
    """Who the portfolio is about; roles are the internships of the chosen projects."""
    profile = snapshot.profile
    links = tuple(link.split("://", 1)[-1].rstrip("/") for link in profile.links)
    contact = tuple(x for x in (profile.email, profile.phone, profile.location, *links) if x)
    used = {p.internship.id for p in snapshot.projects if p.internship}
    roles = tuple(
        f"{i.title}, {i.organisation} · {span_label(i.start_date, i.end_date)}"
        for i in snapshot.internships
        if i.id in used
    )
    return Cover(
        name=profile.name,
        headline=profile.headline,
        contact=contact,
        about=md.html(profile.summary, "the profile summary"),
        roles=roles,
        prepared=day_label(made_on),
    )


def build_view(snapshot: CareerSnapshot, *, made_on: date) -> PortfolioView:
    """The whole portfolio for the snapshot's chosen projects."""
    md = MarkdownRenderer()
    studies = tuple(_case_study(n, p, md) for n, p in enumerate(snapshot.projects, start=1))
    warnings = tuple(filter(None, (readiness_warning(p) for p in snapshot.projects)))
    cover = _cover(snapshot, md, made_on)
    warnings += md.warnings
    ranked = sorted(
        ((m, s) for s in studies for m in s.results if m.strength[0] >= 2),
        key=lambda pair: pair[0].strength,
        reverse=True,
    )
    evidence = _unique_evidence(snapshot.projects)
    unit, buckets = _activity(evidence)
    top = _top_skills(evidence)
    name = snapshot.profile.name.strip()
    return PortfolioView(
        title=f"{name} — Product portfolio" if name else "Product portfolio",
        author=name,
        subject="Case studies: " + ", ".join(s.title for s in studies),
        keywords=("product management", "portfolio", *(s.name for s in top[:5])),
        created=made_on.isoformat(),
        generator=f"pmjournal {version()}",
        cover=cover,
        callouts=tuple(callout(m, s.title, s.anchor) for m, s in ranked[:MAX_CALLOUTS]),
        top_skills=top,
        activity_unit=unit,
        activity=buckets,
        studies=studies,
        matrix=_matrix(studies, snapshot.projects),
        warnings=warnings,
    )
