"""The portfolio as plain values ready for the templates, built from the career snapshot.

The snapshot (``services.snapshot``) has already left out everything confidential and applied
``--redact``; this module decides what a reader sees first: which metric leads, which skills
show most, which entries tell the story. Templates only lay it out, so these rules are tested
without rendering a PDF. Markdown fields are rendered and sanitised here into ``Markup``; all
other user text is escaped by the templates and is never template source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from markupsafe import Markup

from pmjournal import version
from pmjournal.render.case_study import (
    CaseStudy,
    SkillShown,
    case_study,
    readiness_warning,
    unique_evidence,
)
from pmjournal.render.charts import Bucket
from pmjournal.render.impact import Callout, callout, day_label, month_label, span_label
from pmjournal.render.markdown_html import MarkdownRenderer

if TYPE_CHECKING:
    from pmjournal.domain.snapshot_views import CareerSnapshot, EvidenceView, ProjectView

MAX_CALLOUTS = 4
MAX_TOP_SKILLS = 8
MATRIX_COLUMNS = 6


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
    counts = [Counter(item.skill for item in unique_evidence([p])) for p in projects]
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
    studies = tuple(case_study(n, p, md) for n, p in enumerate(snapshot.projects, start=1))
    warnings = tuple(filter(None, (readiness_warning(p) for p in snapshot.projects)))
    cover = _cover(snapshot, md, made_on)
    warnings += md.warnings
    ranked = sorted(
        ((m, s) for s in studies for m in s.results if m.strength[0] >= 2),
        key=lambda pair: pair[0].strength,
        reverse=True,
    )
    evidence = unique_evidence(snapshot.projects, shared=True)
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
