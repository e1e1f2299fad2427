"""Undoable skill deletes and merges, and skill-category deletes.

A merge is undone by splitting the skills again: the source skill comes back with its
category, description and exactly the evidence it had, taken back from the skill it was
merged into; a note the two skills shared gets its wording from before the merge.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from pmjournal.domain.changes import Changes, Kind, Outcome, Ref
from pmjournal.domain.skills import EvidenceLink, SkillDraft, SkillRecord
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import relink
from pmjournal.storage.repos import skills as skills_repo


def _sources(links: Iterable[EvidenceLink]) -> list[Ref]:
    """The entries, projects and feedback whose shown skills change with these notes."""
    refs: list[Ref] = []
    for link in links:
        if link.entry_id is not None:
            refs.append((Kind.ENTRY, link.entry_id))
        elif link.project_id is not None:
            refs.append((Kind.PROJECT, link.project_id))
        elif link.feedback_id is not None:
            refs.append((Kind.FEEDBACK, link.feedback_id))
    return refs


def _draft(record: SkillRecord) -> SkillDraft:
    return SkillDraft(record.name, record.category, record.description, record.competency)


def _recreate(session: Session, draft: SkillDraft) -> int:
    """The skill again; a category deleted since leaves it uncategorised rather than refused."""
    if draft.category is not None and not skills_repo.has_category(session, draft.category):
        draft = replace(draft, category=None)
    return skills_repo.save_skill(session, draft)


@dataclass(frozen=True)
class DeletedSkill:
    draft: SkillDraft
    evidence: tuple[EvidenceLink, ...]

    def write_back(self, session: Session) -> tuple[int, Changes]:
        skill_id = _recreate(session, self.draft)
        written = relink.give_evidence_back(session, skill_id, self.evidence)
        return skill_id, Changes.of(created=[(Kind.SKILL, skill_id)], updated=_sources(written))


@dataclass(frozen=True)
class MergedSkill:
    """A skill merged into ``into_id``, and the notes ``into_id`` had where both had one."""

    draft: SkillDraft
    evidence: tuple[EvidenceLink, ...]
    into_id: int
    notes_before: tuple[EvidenceLink, ...]

    def write_back(self, session: Session) -> tuple[int, Changes]:
        skill_id = _recreate(session, self.draft)
        written = relink.give_evidence_back(
            session,
            skill_id,
            self.evidence,
            merged_into=self.into_id,
            notes_before={n.key: n.note for n in self.notes_before},
        )
        return skill_id, Changes.of(
            created=[(Kind.SKILL, skill_id)],
            updated=[(Kind.SKILL, self.into_id), *_sources(written)],
        )


@dataclass(frozen=True)
class DeletedCategory:
    name: str
    position: int
    skill_ids: tuple[int, ...]

    def write_back(self, session: Session) -> tuple[int, Changes]:
        category = skills_repo.add_category(session, self.name, self.position)
        moved = relink.put_back_in_category(session, category.id, self.skill_ids)
        return category.id, Changes.of(
            created=[(Kind.SKILL_CATEGORY, category.id)],
            updated=[(Kind.SKILL, s) for s in moved],
        )


def delete_skill_undoably(journal: Journal, name: str) -> Outcome[DeletedSkill]:
    """Delete a skill and its evidence notes (the entries, projects and feedback stay)."""
    with journal.transaction() as session:
        record = skills_repo.load_skill(session, name)
        links = skills_repo.evidence_links(session, name)
        notes = skills_repo.evidence_ids(session, name)
        skills_repo.delete_skill(session, name)
    changes = Changes.of(
        deleted=[(Kind.SKILL, record.id), *((Kind.EVIDENCE, n) for n in notes)],
        updated=_sources(links),
    )
    return published(journal, DeletedSkill(_draft(record), links), changes)


def merge_skills_undoably(journal: Journal, source: str, into: str) -> Outcome[MergedSkill]:
    """``merge_skills``, capturing both skills' notes first so an undo can split them again."""
    with journal.transaction() as session:
        record = skills_repo.load_skill(session, source)
        links = skills_repo.evidence_links(session, source)
        keys = {link.key for link in links}
        before = tuple(n for n in skills_repo.evidence_links(session, into) if n.key in keys)
        old_id, new_id, folded = skills_repo.move_evidence(session, source, into)
        skills_repo.delete_skill(session, source)
    merged = MergedSkill(_draft(record), links, new_id, before)
    changes = Changes.of(
        updated=[(Kind.SKILL, new_id), *_sources(links)],
        deleted=[(Kind.SKILL, old_id), *((Kind.EVIDENCE, e) for e in folded)],
    )
    return published(journal, merged, changes)


def delete_skill_category_undoably(journal: Journal, name: str) -> Outcome[DeletedCategory]:
    """Delete a category; its skills stay, uncategorised, until an undo files them back."""
    with journal.transaction() as session:
        category = skills_repo.load_category(session, name)
        category_id, skill_ids = skills_repo.delete_category(session, name, None)
    captured = DeletedCategory(category.name, category.position, tuple(skill_ids))
    changes = Changes.of(
        deleted=[(Kind.SKILL_CATEGORY, category_id)], updated=[(Kind.SKILL, s) for s in skill_ids]
    )
    return published(journal, captured, changes)
