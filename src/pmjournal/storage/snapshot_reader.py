"""Reading the snapshot every output is built from (see ``services.snapshot``).

Portfolio, résumé bullets, stories and weekly updates all read through ``load_snapshot`` so
the rules of PRODUCT.md are decided once: confidential projects, metrics, feedback and people
never appear; confidential names are replaced wherever public text mentions them; and
``redact`` replaces organisation and people names everywhere. Of the profile only the free text
(headline, summary) is redacted, never the user's own name and contact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.attachments import stored_name
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metrics import Quantity, change_display, compute_change
from pmjournal.domain.redaction import Redactor, build_redactor, codename
from pmjournal.domain.snapshot_views import (
    BulletEdit,
    CareerSnapshot,
    EntryView,
    EvidenceView,
    FeedbackView,
    FigureView,
    InternshipView,
    MetricView,
    PersonView,
    ProjectView,
    SkillView,
)
from pmjournal.domain.vocab import Direction
from pmjournal.storage import models
from pmjournal.storage.convert import entry_record, profile_record
from pmjournal.storage.lookup import project_by_name

V = TypeVar("V")


def _aliases(row: models.Person | models.Project | models.Internship) -> tuple[str, ...]:
    """The user's other words for a person, project or organisation."""
    return tuple(a.strip() for a in row.aliases or () if isinstance(a, str) and a.strip())


def _names(text: str, project: models.Project) -> bool:
    """Does ``text`` mention the project, by name, codename or alias?"""
    forms = [project.name, codename(project.name) or "", *_aliases(project)]
    folded = text.casefold()
    return any(form and form.casefold() in folded for form in forms)


def read_snapshot(
    session: Session,
    *,
    project_names: Sequence[str] = (),
    redact: bool = False,
    include_empty: bool = False,
    period: tuple[date, date] | None = None,
) -> CareerSnapshot:
    """Everything an output may show, with confidentiality and redaction already applied.

    ``period`` (first and last day) limits the entries and feedback read, so a weekly update
    of a journal of years reads one week of notes, not all of them.
    """
    return _Builder(session, redact, period).build(project_names, include_empty)


class _Builder:
    """Turns ORM rows into views inside one read session."""

    def __init__(self, session: Session, redact: bool, period: tuple[date, date] | None) -> None:
        self.session = session
        self.redact = redact
        self.period = period
        self.projects = list(
            session.scalars(
                select(models.Project)
                .order_by(models.Project.start_date, models.Project.id)
                .options(
                    selectinload(models.Project.internship),
                    selectinload(models.Project.metrics).selectinload(models.Metric.entry),
                    selectinload(models.Project.evidence)
                    .selectinload(models.Evidence.skill)
                    .selectinload(models.Skill.category),
                    selectinload(models.Project.bullets),
                    selectinload(models.Project.attachments),
                )
            )
        )
        self.hidden_projects = {p.id for p in self.projects if p.confidential}
        self.people = list(session.scalars(select(models.Person).order_by(models.Person.id)))
        self.redactor = self._redactor(redact)
        self.entries = self._load_entries()
        self.feedback = self._load_feedback()
        self.entries_by_project = self._by_project(self.entries)
        self.feedback_by_project = self._by_project(self.feedback)
        self.shared_by_project = self._shared_index()

    @staticmethod
    def _by_project(
        loaded: Sequence[tuple[models.Entry | models.Feedback, V, list[EvidenceView]]],
    ) -> dict[int, list[tuple[V, list[EvidenceView]]]]:
        """Each project's entries or feedback, with the evidence that counts for it.

        A note about several projects shows a skill on the one it names, not on all of
        them: its evidence counts for a project only when the note is about that project
        alone, or the evidence (or the entry's title) names it.
        """
        index: dict[int, list[tuple[V, list[EvidenceView]]]] = {}
        for row, view, evidence in loaded:
            for project in row.projects:
                tied = evidence
                if len(row.projects) > 1:
                    title = getattr(row, "title", "")
                    tied = [e for e in evidence if _names(f"{e.note} {title}", project)]
                index.setdefault(project.id, []).append((view, tied))
        return index

    def _shared_index(self) -> dict[int, list[EvidenceView]]:
        """For each project, the evidence of its notes about several projects that does not
        name it: shown overall, never on this project (see ``_by_project``)."""
        index: dict[int, list[EvidenceView]] = {}
        rows: list[tuple[models.Entry | models.Feedback, list[EvidenceView]]] = [
            (row, found) for row, _, found in self.entries
        ]
        rows += [(row, found) for row, _, found in self.feedback]
        for row, evidence in rows:
            if len(row.projects) < 2:
                continue
            title = getattr(row, "title", "")
            for project in row.projects:
                untied = [e for e in evidence if not _names(f"{e.note} {title}", project)]
                index.setdefault(project.id, []).extend(untied)
        return index

    def _redactor(self, redact: bool) -> Redactor:
        """Confidential project and people names are always replaced; ``redact`` adds the rest.

        An entry linked to a public and a confidential project is exported, and its text may
        name the confidential one, so removing records alone would not keep the secret.
        """
        people = self.people
        secret_projects = [p.name for p in self.projects if p.confidential]
        internships = list(self.session.scalars(select(models.Internship)))
        aliases: dict[str, list[str]] = {}
        for project in self.projects:
            aliases.setdefault(project.name, []).extend(_aliases(project))
        for person in people:
            aliases.setdefault(person.name, []).extend(_aliases(person))
        for internship in internships:
            aliases.setdefault(internship.organisation, []).extend(_aliases(internship))
        if not redact:
            secret_people = [(p.name, p.relationship_kind) for p in people if p.confidential]
            return build_redactor((), secret_people, secret_projects, aliases=aliases)
        organisations = [i.organisation for i in internships]
        organisations += [p.organisation for p in people]
        everyone = [(p.name, p.relationship_kind) for p in people]
        return build_redactor(organisations, everyone, secret_projects, aliases=aliases)

    def _visible(self, projects: Sequence[models.Project]) -> bool:
        """Linked to any confidential project means confidential itself.

        A note about a public and a confidential project mostly tells of the confidential
        one too, often with its figures, which no name replacement would catch.
        """
        return not any(p.id in self.hidden_projects for p in projects)

    def _project_names(self, projects: Sequence[models.Project]) -> tuple[str, ...]:
        return tuple(self.redactor(p.name) for p in projects)

    def _evidence(
        self, rows: Sequence[models.Evidence], source: str, source_id: int, day: date | None
    ) -> list[EvidenceView]:
        return [
            EvidenceView(
                skill=self.redactor(e.skill.name),
                category=self.redactor(e.skill.category.name) if e.skill.category else "",
                note=self.redactor(e.note),
                source=source,
                source_id=source_id,
                day=day,
                competency=e.skill.competency or "",
            )
            for e in rows
        ]

    def _load_entries(self) -> list[tuple[models.Entry, EntryView, list[EvidenceView]]]:
        query = select(models.Entry)
        if self.period:
            query = query.where(models.Entry.date.between(*self.period))
        rows = self.session.scalars(
            query.order_by(models.Entry.date, models.Entry.id).options(
                selectinload(models.Entry.projects),
                selectinload(models.Entry.tags),
                selectinload(models.Entry.evidence)
                .selectinload(models.Evidence.skill)
                .selectinload(models.Skill.category),
            )
        )
        loaded = []
        for entry in rows:
            if not self._visible(entry.projects):
                continue
            record = entry_record(entry)
            view = replace(
                record,
                title=self.redactor(record.title),
                body=self.redactor(record.body),
                projects=self._project_names(entry.projects),
                skills=tuple(map(self.redactor, record.skills)),
                tags=tuple(map(self.redactor, record.tags)),
            )
            loaded.append(
                (entry, view, self._evidence(entry.evidence, "entry", entry.id, entry.date))
            )
        return loaded

    def _load_feedback(self) -> list[tuple[models.Feedback, FeedbackView, list[EvidenceView]]]:
        query = select(models.Feedback)
        if self.period:
            query = query.where(models.Feedback.date.between(*self.period))
        rows = self.session.scalars(
            query.order_by(models.Feedback.date, models.Feedback.id).options(
                selectinload(models.Feedback.person),
                selectinload(models.Feedback.projects),
                selectinload(models.Feedback.evidence)
                .selectinload(models.Evidence.skill)
                .selectinload(models.Skill.category),
            )
        )
        loaded = []
        for item in rows:
            person = item.person
            if item.confidential or (person and person.confidential):
                continue
            if not self._visible(item.projects):
                continue
            name = person.name if person else ""
            view = FeedbackView(
                id=item.id,
                date=item.date,
                person=self.redactor.placeholder_for(name),
                person_title=self.redactor(person.title) if person else "",
                relationship=item.relationship_kind,
                kind=item.kind,
                text=self.redactor(item.text),
                follow_up=self.redactor(item.follow_up),
                projects=self._project_names(item.projects),
                skills=tuple(self.redactor(e.skill.name) for e in item.evidence),
            )
            loaded.append(
                (item, view, self._evidence(item.evidence, "feedback", item.id, item.date))
            )
        return loaded

    def _internship(self, internship: models.Internship) -> InternshipView:
        return InternshipView(
            id=internship.id,
            organisation=self.redactor.placeholder_for(internship.organisation),
            title=self.redactor(internship.title),
            team=self.redactor(internship.team),
            location=internship.location,
            start_date=internship.start_date,
            end_date=internship.end_date,
            description=self.redactor(internship.description),
        )

    def _metric(self, metric: models.Metric) -> MetricView:
        better = Direction(metric.better)
        unit = metric.unit or ""
        result = Quantity(metric.result, unit) if metric.result is not None else None
        baseline = None
        if metric.baseline is not None:
            baseline = Quantity(metric.baseline, metric.baseline_unit or unit)
        return MetricView(
            id=metric.id,
            name=self.redactor(metric.name),
            baseline=baseline,
            result=result,
            better=better,
            change=compute_change(
                baseline, result, better, change_display(metric.change_display, unit, metric.name)
            ),
            measured_on=metric.measured_on,
            entry_id=metric.entry_id,
            entry_date=metric.entry.date if metric.entry else None,
            note=self.redactor(metric.note),
        )

    def _project(self, project: models.Project) -> ProjectView:
        entries = self.entries_by_project.get(project.id, [])
        feedback = self.feedback_by_project.get(project.id, [])
        evidence = self._evidence(project.evidence, "project", project.id, project.start_date)
        for _, found in (*entries, *feedback):
            evidence.extend(found)
        text = self.redactor
        return ProjectView(
            id=project.id,
            name=text(project.name),
            summary=text(project.summary),
            context=text(project.context),
            problem=text(project.problem),
            role=text(project.role),
            approach=text(project.approach),
            tradeoff=text(project.tradeoff),
            outcome=text(project.outcome),
            expected_result=text(project.expected_result),
            learnings=text(project.learnings),
            status=project.status,
            start_date=project.start_date,
            end_date=project.end_date,
            internship=self._internship(project.internship) if project.internship else None,
            metrics=tuple(self._metric(m) for m in project.metrics if not m.confidential),
            evidence=tuple(evidence),
            feedback=tuple(v for v, _ in feedback),
            entries=tuple(v for v, _ in entries),
            bullet_edits=tuple(
                BulletEdit(b.id, b.position, text(b.text), b.pinned) for b in project.bullets
            ),
            shared_evidence=tuple(self.shared_by_project.get(project.id, ())),
            figures=tuple(
                FigureView(stored_name(a.sha256, a.media_type), text(_caption(a.filename)))
                for a in project.attachments
                if a.media_type.startswith("image/")
            ),
        )

    def _choose(self, names: Sequence[str], include_empty: bool) -> list[models.Project]:
        if names:
            chosen = []
            for name in names:
                project = project_by_name(self.session, name)
                if project.confidential:
                    raise ValidationError(
                        f"project {project.name!r} is confidential and is never exported", "project"
                    )
                if project not in chosen:
                    chosen.append(project)
            order = {p.id: i for i, p in enumerate(self.projects)}
            return sorted(chosen, key=lambda p: order[p.id])
        visible = [p for p in self.projects if not p.confidential]
        return visible if include_empty else [p for p in visible if self._has_content(p)]

    def _has_content(self, project: models.Project) -> bool:
        texts = (project.summary, project.role, project.problem, project.outcome)
        return any(t.strip() for t in texts) or bool(project.metrics) or bool(project.entries)

    def build(self, names: Sequence[str], include_empty: bool) -> CareerSnapshot:
        projects = tuple(self._project(p) for p in self._choose(names, include_empty))
        internship_rows = self.session.scalars(
            select(models.Internship).order_by(models.Internship.start_date)
        )
        profile = profile_record(self.session.get(models.Profile, 1))
        profile = replace(
            profile,
            headline=self.redactor(profile.headline),
            summary=self.redactor(profile.summary),
        )
        return CareerSnapshot(
            profile=profile,
            internships=tuple(self._internship(i) for i in internship_rows),
            projects=projects,
            skills=self._skills(projects),
            feedback=tuple(v for _, v, _ in self.feedback),
            entries=tuple(v for _, v, _ in self.entries),
            redacted=self.redact,
            redactor=self.redactor,
            people=tuple(
                PersonView(
                    self.redactor.placeholder_for(p.name),
                    p.relationship_kind,
                    tuple(self.redactor(a) for a in _aliases(p)),
                )
                for p in self.people
                if not p.confidential
            ),
        )

    def _skills(self, projects: Sequence[ProjectView]) -> tuple[SkillView, ...]:
        by_skill: dict[str, list[EvidenceView]] = {}
        seen: set[tuple[str, str, int]] = set()
        sources = [ev for _, _, found in (*self.entries, *self.feedback) for ev in found]
        sources += [ev for p in projects for ev in p.evidence]
        for evidence in sources:
            key = (evidence.skill, evidence.source, evidence.source_id)
            if key in seen:
                continue
            seen.add(key)
            by_skill.setdefault(evidence.skill, []).append(evidence)
        views = [
            SkillView(name, found[0].category, tuple(found)) for name, found in by_skill.items()
        ]
        return tuple(sorted(views, key=lambda s: (-len(s.evidence), s.name)))


def _caption(filename: str) -> str:
    """'reminder-flow.png' → 'Reminder flow': the user's own name for the image."""
    stem = filename.rsplit(".", 1)[0].replace("_", " ").replace("-", " ").strip()
    return " ".join(stem.split())[:1].upper() + " ".join(stem.split())[1:]
