"""One case study as plain values: the brief, its sections in a fixed order, the evidence.

A reader gives a case study 30–45 seconds: a role line (title, team, dates) under the title,
a two- or three-sentence brief above the first heading, then context, problem, my role,
approach, the trade-offs and alternatives weighed, results and learnings, as far as the
journal has them, so every case study reads in the same order. Evidence counts for a project
only when the snapshot tied it to the project; the brief never takes a whole section away
from below it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from markupsafe import Markup

from pmjournal.domain.entry_templates import without_prompts
from pmjournal.domain.sentences import first_sentence, split_first_sentence
from pmjournal.render.impact import (
    Callout,
    MetricLine,
    callout,
    day_label,
    headline,
    metric_line,
    span_label,
)
from pmjournal.render.markdown_html import MarkdownRenderer
from pmjournal.render.resources import attachment_url

if TYPE_CHECKING:
    from pmjournal.domain.snapshot_views import EntryView, EvidenceView, ProjectView

STATUS_LABELS = {
    "shipped": "Shipped",
    "active": "In progress",
    "planned": "Planned",
    "paused": "Paused",
    "cancelled": "Cancelled",
}
MAX_SKILLS_PER_STUDY = 8
MAX_EVIDENCE_LINES = 2
MAX_QUOTES = 3
MAX_TIMELINE = 6
MAX_FIGURES = 4


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
    key: str = ""
    """The field it shows ("approach", "tradeoff"…), the class the stylesheet knows it by."""


@dataclass(frozen=True)
class Figure:
    url: str
    caption: str


@dataclass(frozen=True)
class CaseStudy:
    anchor: str
    number: int
    title: str
    tagline: str
    meta: tuple[str, ...]
    role_line: str
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
    figures: tuple[Figure, ...] = ()
    tight: bool = False

    @property
    def has_results(self) -> bool:
        return bool(self.results or self.outcome or self.expected)


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


def unique_evidence(projects: Iterable[ProjectView], *, shared: bool = False) -> list[EvidenceView]:
    """Evidence across projects, once each: an entry linked to two projects counts once.
    ``shared`` adds the evidence of notes about several projects tied to none of them,
    which counts for the user's skills overall."""
    seen: dict[tuple[str, str, int], EvidenceView] = {}
    for project in projects:
        for item in (*project.evidence, *(project.shared_evidence if shared else ())):
            seen.setdefault(_evidence_key(item), item)
    return list(seen.values())


def _skills_shown(project: ProjectView) -> tuple[SkillShown, ...]:
    """Each skill with its evidence count and a few distinct notes, dated by first use."""
    titles = {e.id: e.title for e in project.entries}
    counts: Counter[str] = Counter()
    notes: dict[str, dict[str, date | None]] = defaultdict(dict)
    for item in sorted(unique_evidence([project]), key=lambda e: (e.day or date.min, e.skill)):
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
    """``text`` without its opening sentence when the brief already quotes it whole, unless
    that sentence is all there is: the brief summarises a section, it never replaces one."""
    head, rest = split_first_sentence(text)
    return rest if sentence and rest.strip() and md.plain(head) == sentence else text


def _role_line(project: ProjectView, dates: str) -> str:
    """'Product Management Intern · Growth team · Jun – Aug 2026': who I was on the project."""
    intern = project.internship
    parts = (intern.title, intern.team) if intern else ()
    dates = dates.replace(" ", "\u00a0")
    return " · ".join(p.strip() for p in (*parts, dates) if p.strip())


def _figures(project: ProjectView) -> tuple[Figure, ...]:
    """The project's attached images, served by the fetcher from the journal's attachments."""
    found = ((attachment_url(f.stored_name), f.caption) for f in project.figures[:MAX_FIGURES])
    return tuple(Figure(url, caption) for url, caption in found if url)


def _where(project: ProjectView) -> str:
    """How a warning names the project whose text was shown as plain text."""
    name = project.name if len(project.name) <= 60 else project.name[:59] + "…"
    return f"project “{name}”"


def case_study(number: int, project: ProjectView, md: MarkdownRenderer) -> CaseStudy:
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
        STATUS_LABELS.get(project.status, project.status.capitalize()),
    )
    expected = "" if project.outcome.strip() else project.expected_result.strip()
    brief, taken = _brief(project, md, expected_boxed=bool(expected) and lead is None)
    # The brief sits a few lines above these sections: they go on from where it stops.
    sections = [
        Section(f"{anchor}-{key}", label, md.html(text, _where(project)), key)
        for key, label, text in (
            ("context", "Context", project.context),
            ("problem", "Problem", _after(project.problem, taken["problem"], md)),
            ("role", "My role", _after(project.role, taken["role"], md)),
            ("approach", "Approach", project.approach),
            # The judgement a reviewer looks for, right before what came of it.
            ("tradeoff", "Trade-offs and alternatives", project.tradeoff),
        )
        if text.strip()
    ]
    return CaseStudy(
        anchor=anchor,
        number=number,
        title=title,
        tagline=first_sentence(md.plain(project.summary, _where(project)), 200),
        meta=tuple(x for x in meta if x),
        role_line=_role_line(project, dates),
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
        figures=_figures(project),
    )
