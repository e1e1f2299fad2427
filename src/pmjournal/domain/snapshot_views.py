"""The frozen values an output reads: projects, metrics, evidence, feedback, entries.

Built by ``services.snapshot.load_snapshot``, which has already applied the confidentiality and
redaction rules, so whoever holds these values may show all of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from pmjournal.domain.metrics import MetricChange, Quantity, format_change
from pmjournal.domain.records import EntryRecord, ProfileRecord
from pmjournal.domain.redaction import Redactor
from pmjournal.domain.vocab import Direction


@dataclass(frozen=True)
class InternshipView:
    id: int
    organisation: str
    title: str
    team: str
    location: str
    start_date: date
    end_date: date | None
    description: str


@dataclass(frozen=True)
class MetricView:
    id: int
    name: str
    baseline: Quantity | None
    result: Quantity | None
    better: Direction
    change: MetricChange
    measured_on: date | None
    entry_id: int | None
    entry_date: date | None
    note: str

    @property
    def text(self) -> str:
        """'42% → 31% (−26%)': the only way a metric is written in any output."""
        return format_change(self.change)


@dataclass(frozen=True)
class EvidenceView:
    skill: str
    category: str
    note: str
    source: str
    source_id: int
    day: date | None
    competency: str = ""


@dataclass(frozen=True)
class FeedbackView:
    id: int
    date: date
    person: str
    person_title: str
    relationship: str
    kind: str
    text: str
    follow_up: str
    projects: tuple[str, ...]
    skills: tuple[str, ...]


# An entry as outputs see it: the same record the journal lists, with its text redacted and its
# confidential projects dropped.
EntryView = EntryRecord


@dataclass(frozen=True)
class BulletEdit:
    id: int
    position: int
    text: str
    pinned: bool


@dataclass(frozen=True)
class FigureView:
    """An image the user attached to a project, as the portfolio shows it."""

    stored_name: str
    caption: str


@dataclass(frozen=True)
class ProjectView:
    id: int
    name: str
    summary: str
    context: str
    problem: str
    role: str
    approach: str
    tradeoff: str
    outcome: str
    expected_result: str
    learnings: str
    status: str
    start_date: date | None
    end_date: date | None
    internship: InternshipView | None
    metrics: tuple[MetricView, ...]
    evidence: tuple[EvidenceView, ...]
    feedback: tuple[FeedbackView, ...]
    entries: tuple[EntryView, ...]
    bullet_edits: tuple[BulletEdit, ...]
    # Evidence from notes about several projects that does not name this one: it counts for
    # the user's skills overall, never for this project's case study or matrix column.
    shared_evidence: tuple[EvidenceView, ...] = ()
    figures: tuple[FigureView, ...] = ()

    @property
    def skills(self) -> tuple[tuple[str, int], ...]:
        """(skill, evidence count), the most practised first."""
        counts = Counter(e.skill for e in self.evidence)
        return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    @property
    def missing(self) -> tuple[str, ...]:
        """What a case study of this project lacks to be portfolio-ready."""
        lacks = []
        if not self.role.strip():
            lacks.append("role")
        has_result = any(m.result is not None for m in self.metrics)
        if not (self.outcome.strip() or self.expected_result.strip() or has_result):
            lacks.append("result")
        if not self.problem.strip():
            lacks.append("problem")
        return tuple(lacks)


@dataclass(frozen=True)
class SkillView:
    name: str
    category: str
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class PersonView:
    """A colleague as outputs may name them (a placeholder under ``--redact``), with the
    other words the user has for them, so an output that names no one can find them all."""

    name: str
    relationship: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CareerSnapshot:
    profile: ProfileRecord
    internships: tuple[InternshipView, ...]
    projects: tuple[ProjectView, ...]
    skills: tuple[SkillView, ...]
    feedback: tuple[FeedbackView, ...]
    entries: tuple[EntryView, ...]
    redacted: bool
    redactor: Redactor
    people: tuple[PersonView, ...] = ()
