"""Skills and their categories: unique names, renames and merges that keep every evidence note,
and deletes that move the notes or refuse."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.names import clean_name
from pmjournal.domain.paging import Page
from pmjournal.domain.skills import SkillCategoryRecord, SkillDraft, SkillRecord, validate_skill
from pmjournal.storage.database import Journal
from pmjournal.storage.lookup import skill_by_name
from pmjournal.storage.repos import skills as repo
from pmjournal.storage.repos import timeline

__all__ = [
    "SkillCategoryRecord",
    "SkillDraft",
    "SkillRecord",
    "add_skill",
    "add_skill_category",
    "delete_skill",
    "delete_skill_category",
    "get_skill",
    "list_skill_categories",
    "list_skills",
    "merge_skills",
    "rename_skill",
    "rename_skill_category",
    "skill_practice",
    "update_skill",
]


def _checked(draft: SkillDraft) -> SkillDraft:
    validate_skill(draft)
    return replace(draft, name=clean_name(draft.name, "name", noun="skill"))


def _published(journal: Journal, value: SkillRecord, changes: Changes) -> Outcome[SkillRecord]:
    journal.changes.publish(changes)
    return Outcome(value, changes)


def add_skill(journal: Journal, draft: SkillDraft) -> Outcome[SkillRecord]:
    """A new skill; a name in use (ignoring case) or an unknown category is refused."""
    draft = _checked(draft)
    with journal.transaction() as session:
        skill_id = repo.save_skill(session, draft)
        record = repo.load_skill(session, draft.name)
    return _published(journal, record, Changes.of(created=[(Kind.SKILL, skill_id)]))


def update_skill(journal: Journal, name: str, draft: SkillDraft) -> Outcome[SkillRecord]:
    """Overwrite the skill called ``name`` (a new name in the draft renames it)."""
    draft = _checked(draft)
    with journal.transaction() as session:
        skill_id = repo.save_skill(session, draft, current=name)
        record = repo.load_skill(session, draft.name)
    return _published(journal, record, Changes.of(updated=[(Kind.SKILL, skill_id)]))


def rename_skill(journal: Journal, name: str, new_name: str) -> Outcome[SkillRecord]:
    """Rename keeping every link (evidence points at the skill's id, not its name)."""
    clean = clean_name(new_name, "name", noun="skill")
    with journal.transaction() as session:
        skill_id = repo.rename_skill(session, name, clean)
        record = repo.load_skill(session, clean)
    return _published(journal, record, Changes.of(updated=[(Kind.SKILL, skill_id)]))


def merge_skills(journal: Journal, source: str, into: str) -> Outcome[SkillRecord]:
    """Move every evidence note of ``source`` to ``into`` and delete ``source``.

    Where both skills had a note about the same entry, project or feedback the two notes are
    joined into one, so no wording is lost and no source counts twice.
    """
    with journal.transaction() as session:
        old_id, new_id, folded = repo.move_evidence(session, source, into)
        repo.delete_skill(session, source)
        record = repo.load_skill(session, into)
    changes = Changes.of(
        updated=[(Kind.SKILL, new_id)],
        deleted=[(Kind.SKILL, old_id), *((Kind.EVIDENCE, e) for e in folded)],
    )
    return _published(journal, record, changes)


def delete_skill(
    journal: Journal, name: str, *, move_evidence_to: str | None = None
) -> Outcome[None]:
    """Delete a skill; its evidence notes move to ``move_evidence_to``, or the delete is
    refused while it has any (the message says how many)."""
    with journal.transaction() as session:
        notes = repo.evidence_ids(session, name)
        folded: list[int] = []
        target: list[tuple[Kind, int]] = []
        if notes and move_evidence_to is None:
            raise ValidationError(
                f"skill {name.strip()!r} has {len(notes)} evidence note"
                f"{'s' if len(notes) > 1 else ''}; move {'them' if len(notes) > 1 else 'it'} "
                "to another skill "
                "(--move-evidence-to) or merge the skills",
                "skill",
            )
        if move_evidence_to is not None:
            _, new_id, folded = repo.move_evidence(session, name, move_evidence_to)
            target = [(Kind.SKILL, new_id)]
        skill_id = repo.delete_skill(session, name)
    changes = Changes.of(
        updated=target, deleted=[(Kind.SKILL, skill_id), *((Kind.EVIDENCE, e) for e in folded)]
    )
    journal.changes.publish(changes)
    return Outcome(None, changes)


def get_skill(journal: Journal, name: str) -> SkillRecord:
    """The skill called ``name``; an unknown name suggests the closest ones."""
    with journal.reading() as session:
        return repo.load_skill(session, name)


def list_skills(
    journal: Journal,
    *,
    category: str | None = None,
    text: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[SkillRecord]:
    """Skills by name, with how much evidence each has."""
    with journal.reading() as session:
        return repo.skill_page(session, category, text, limit, offset)


def add_skill_category(journal: Journal, name: str) -> Outcome[SkillCategoryRecord]:
    clean = clean_name(name, "name", noun="skill category")
    with journal.transaction() as session:
        record = repo.add_category(session, clean)
    changes = Changes.of(created=[(Kind.SKILL_CATEGORY, record.id)])
    journal.changes.publish(changes)
    return Outcome(record, changes)


def rename_skill_category(
    journal: Journal, name: str, new_name: str
) -> Outcome[SkillCategoryRecord]:
    clean = clean_name(new_name, "name", noun="skill category")
    with journal.transaction() as session:
        record = repo.rename_category(session, name, clean)
    changes = Changes.of(updated=[(Kind.SKILL_CATEGORY, record.id)])
    journal.changes.publish(changes)
    return Outcome(record, changes)


def delete_skill_category(
    journal: Journal, name: str, *, move_skills_to: str | None = None
) -> Outcome[None]:
    """Delete a category; its skills move to ``move_skills_to``, or it must be empty."""
    with journal.transaction() as session:
        category_id, moved = repo.delete_category(session, name, move_skills_to)
    changes = Changes.of(
        updated=[(Kind.SKILL, s) for s in moved], deleted=[(Kind.SKILL_CATEGORY, category_id)]
    )
    journal.changes.publish(changes)
    return Outcome(None, changes)


def list_skill_categories(journal: Journal) -> list[SkillCategoryRecord]:
    with journal.reading() as session:
        return repo.category_list(session)


def skill_practice(
    journal: Journal, skill: str | None, *, weeks: int = 12, today: date | None = None
) -> list[int]:
    """Entries practising ``skill`` (any skill when None) per week, oldest week first."""
    if not 1 <= weeks <= 520:
        raise ValidationError("a practice chart covers 1 to 520 weeks", "weeks")
    with journal.reading() as session:
        skill_id = skill_by_name(session, skill).id if skill is not None else None
        return timeline.practice_per_week(session, skill_id, weeks, today or date.today())
