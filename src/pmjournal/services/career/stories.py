"""Interview stories: STAR (situation, task, action, result) by competency, with evidence.

Behavioural interviews ask for a time you did X; the journal already holds those times. Each
competency maps to the skills that show it (``domain.competencies``: by the user's choice,
by name, by the words of the name, by category), and a project becomes its story
when the user recorded evidence of those skills on it. The story quotes the user's own
project notes, evidence notes, metrics and feedback, names where each came from, and invents
nothing; a competency with no such evidence is listed as a gap with the skills that would
fill it. Read through ``load_snapshot``, so confidential work never becomes a story.
"""

from __future__ import annotations

from dataclasses import dataclass

from pmjournal.domain.competencies import COMPETENCIES, Competency, competencies_of
from pmjournal.domain.sentences import sentences
from pmjournal.domain.snapshot_views import CareerSnapshot, EvidenceView, FeedbackView, ProjectView
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage.database import Journal

MAX_STORIES = 2
MAX_ACTIONS = 4


@dataclass(frozen=True)
class Story:
    competency: Competency
    project: str
    situation: str
    task: str
    actions: tuple[str, ...]
    result: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class StoryBook:
    stories: tuple[Story, ...]
    gaps: tuple[Competency, ...]

    def for_competency(self, competency: Competency) -> tuple[Story, ...]:
        return tuple(s for s in self.stories if s.competency == competency)


def _first(text: str, count: int = 1) -> str:
    return " ".join(sentences(text)[:count])


def _matches(competency: Competency, project: ProjectView) -> list[EvidenceView]:
    return [
        e
        for e in project.evidence
        if competency in competencies_of(e.skill, e.category, e.competency)
    ]


def _required_feedback(competency: Competency, project: ProjectView) -> list[FeedbackView]:
    return [f for f in project.feedback if f.kind in competency.feedback_kinds]


def _score(competency: Competency, project: ProjectView) -> int:
    """How much the user recorded of this competency on this project (0: no story)."""
    feedback = _required_feedback(competency, project)
    if competency.feedback_kinds and not feedback:
        return 0
    return len(_matches(competency, project)) + 2 * len(feedback)


def _source(project: ProjectView, evidence: EvidenceView) -> str:
    if evidence.source == "entry":
        entry = next((e for e in project.entries if e.id == evidence.source_id), None)
        title = f" “{entry.title}”" if entry and entry.title else ""
        return f"entry {evidence.day}{title}"
    if evidence.source == "feedback":
        item = next((f for f in project.feedback if f.id == evidence.source_id), None)
        return f"feedback {evidence.day} from {item.person}" if item else "feedback"
    return "project notes"


def _said(item: FeedbackView) -> str:
    who = item.person or "a colleague"
    title = f", {item.person_title}" if item.person_title else f", {item.relationship}"
    return f"“{item.text}” ({who}{title}, {item.date})"


def _praise(competency: Competency, project: ProjectView) -> FeedbackView | None:
    """Praise about the project, preferring words about this competency's skills."""
    praise = [f for f in project.feedback if f.kind == "praise"]
    on_topic = [f for f in praise if any(competency in competencies_of(s) for s in f.skills)]
    chosen = on_topic or praise
    return chosen[0] if chosen else None


def _story(competency: Competency, project: ProjectView) -> Story:
    """One STAR story from what the user wrote about ``project``."""
    internship = project.internship
    where = f"At {internship.organisation} ({internship.title}). " if internship else ""
    situation = where + (_first(project.context, 2) or _first(project.summary))
    role = _first(project.role)
    task = " ".join(p for p in (_first(project.problem, 2), role and f"My role: {role}") if p)
    actions: list[str] = []
    evidence: list[str] = []
    for item in _required_feedback(competency, project):
        actions.append(f"Feedback: {_said(item)}")
        if item.follow_up:
            actions.append(f"What I changed: {item.follow_up}")
        evidence.append(f"feedback {item.date} from {item.person or item.relationship}")
    for found in [] if competency.feedback_kinds else _matches(competency, project):
        note = found.note.strip()
        if note and len(actions) < MAX_ACTIONS and not any(note in a for a in actions):
            actions.append(f"{note.rstrip('.')}. ({found.skill}, {_source(project, found)})")
            evidence.append(_source(project, found))
    if not actions and project.approach:
        actions.append(_first(project.approach, 2))
        evidence.append("project notes")
    # A trade-off weighed is what "tell me about a hard call" asks for; feedback stories are
    # about what the user changed, so it joins only the others, and only in their words.
    if project.tradeoff and not competency.feedback_kinds and len(actions) < MAX_ACTIONS:
        actions.append(f"Trade-off I weighed: {_first(project.tradeoff, 2)}")
        evidence.append("project notes")
    result = [f"{m.name}: {m.text}" for m in project.metrics if m.result is not None]
    evidence += [
        f"metric {m.name}" + (f" (entry {m.entry_date})" if m.entry_date else "")
        for m in project.metrics
        if m.result is not None
    ]
    if project.outcome:
        result.append(_first(project.outcome, 2))
    elif project.expected_result:
        result.append(f"Expected: {_first(project.expected_result)}")
    praise = _praise(competency, project)
    if praise:
        result.append(f"Said about it: {_said(praise)}")
        evidence.append(f"feedback {praise.date} from {praise.person or praise.relationship}")
    if competency.feedback_kinds and project.learnings:
        result.append(f"What I learned: {_first(project.learnings, 2)}")
    return Story(
        competency=competency,
        project=project.name,
        situation=situation,
        task=task,
        actions=tuple(actions),
        result=tuple(result),
        evidence=tuple(dict.fromkeys(evidence)),
    )


def build_stories(snapshot: CareerSnapshot) -> StoryBook:
    """Up to two stories per competency, the projects with the most evidence first."""
    stories: list[Story] = []
    gaps: list[Competency] = []
    for competency in COMPETENCIES:
        scored = [(_score(competency, p), i, p) for i, p in enumerate(snapshot.projects)]
        chosen = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))
        if not chosen:
            gaps.append(competency)
        stories += [_story(competency, p) for _, _, p in chosen[:MAX_STORIES]]
    return StoryBook(tuple(stories), tuple(gaps))


def load_stories(journal: Journal, *, redact: bool = False) -> StoryBook:
    return build_stories(load_snapshot(journal, redact=redact))


def _gap_line(competency: Competency) -> str:
    *most, last = competency.skills
    need = f"{', '.join(most)} or {last}" if most else last
    line = f"{competency.name}: no story yet. Skills that would fill it: {need}"
    if competency.feedback_kinds:
        line += (
            f", with {' or '.join(competency.feedback_kinds)} feedback on a project you acted on"
        )
    return line + "."


def render_markdown(book: StoryBook) -> str:
    lines = ["# Interview stories", ""]
    for competency in COMPETENCIES:
        told = book.for_competency(competency)
        if not told:
            continue
        lines += [f"## {competency.name}", "", f"*{competency.question}*", ""]
        for story in told:
            lines += [f"### {story.project}", ""]
            lines += [f"- **Situation:** {story.situation}", f"- **Task:** {story.task}"]
            lines += ["- **Action:**", *(f"  - {a}" for a in story.actions)]
            lines += ["- **Result:**", *(f"  - {r}" for r in story.result)]
            lines += [f"- *Evidence:* {'; '.join(story.evidence)}", ""]
    if book.gaps:
        lines += ["## Gaps", "", *(f"- {_gap_line(c)}" for c in book.gaps), ""]
    return "\n".join(lines)


def render_text(book: StoryBook) -> str:
    lines = ["INTERVIEW STORIES", ""]
    for competency in COMPETENCIES:
        told = book.for_competency(competency)
        if not told:
            continue
        lines += [competency.name.upper(), competency.question, ""]
        for story in told:
            lines += [f"  {story.project}", f"  Situation: {story.situation}"]
            lines += [f"  Task: {story.task}", "  Action:", *(f"    - {a}" for a in story.actions)]
            lines += ["  Result:", *(f"    - {r}" for r in story.result)]
            lines += [f"  Evidence: {'; '.join(story.evidence)}", ""]
    if book.gaps:
        lines += ["GAPS", *(f"- {_gap_line(c)}" for c in book.gaps), ""]
    return "\n".join(lines)
