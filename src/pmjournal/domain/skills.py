"""Skills, their categories, and evidence: how a skill was practised, in an entry, project or
feedback."""

from __future__ import annotations

from dataclasses import dataclass

from pmjournal.domain.errors import ValidationError

MAX_COMPETENCY = 100


@dataclass(frozen=True)
class SkillRecord:
    id: int
    name: str
    category: str | None
    description: str
    competency: str | None
    evidence_count: int


@dataclass(frozen=True)
class SkillCategoryRecord:
    id: int
    name: str
    position: int
    skills: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceRecord:
    """``source`` is ``entry``, ``project`` or ``feedback``; ``label`` says which, for people."""

    id: int
    skill: str
    source: str
    source_id: int
    label: str
    note: str


@dataclass(frozen=True)
class SkillDraft:
    name: str
    category: str | None = None
    description: str = ""
    competency: str | None = None


@dataclass(frozen=True)
class EvidenceSource:
    """Exactly one of an entry id, a project name or a feedback id."""

    entry_id: int | None = None
    project: str | None = None
    feedback_id: int | None = None

    def check(self) -> None:
        given = [v for v in (self.entry_id, self.project, self.feedback_id) if v is not None]
        if len(given) != 1:
            raise ValidationError(
                "evidence comes from exactly one entry, project or feedback", "source"
            )


@dataclass(frozen=True)
class EvidenceLink:
    """One evidence note as ids, captured before a delete or merge so an undo can write it back.

    Exactly one of the three source ids is set, as in the ``evidence`` table.
    """

    entry_id: int | None
    project_id: int | None
    feedback_id: int | None
    note: str

    @property
    def key(self) -> tuple[int | None, int | None, int | None]:
        return (self.entry_id, self.project_id, self.feedback_id)


def validate_skill(draft: SkillDraft) -> None:
    if draft.competency is not None and len(draft.competency) > MAX_COMPETENCY:
        raise ValidationError(f"a competency is at most {MAX_COMPETENCY} characters", "competency")


def joined_notes(first: str, second: str) -> str:
    """Two evidence notes about the same source as one, so a merge loses neither."""
    parts = [n.strip() for n in (first, second) if n.strip()]
    return "; ".join(dict.fromkeys(parts))
