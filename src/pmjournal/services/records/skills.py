"""Skills and their categories: unique names, renames and merges that keep every evidence note,
and deletes that refuse, move the notes or delete them, as the user chooses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.names import clean_name
from pmjournal.domain.paging import Page
from pmjournal.domain.skills import SkillCategoryRecord, SkillDraft, SkillRecord, validate_skill
from pmjournal.services.records.published import published
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
    "skill_category_delete_impact",
    "skill_delete_impact",
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


def _move_target(choice: DeleteChoice, move_to: str | None, noun: str) -> str | None:
    """``move_to`` goes with ``DeleteChoice.MOVE`` and with nothing else."""
    if choice is DeleteChoice.MOVE and not (move_to or "").strip():
        raise ValidationError(f"name the {noun} to move them to", "move_to")
    if choice is not DeleteChoice.MOVE and move_to is not None:
        raise ValidationError(f"a {noun} to move to goes with the move choice", "move_to")
    return move_to


def skill_delete_impact(journal: Journal, name: str) -> DeleteImpact:
    """Its evidence notes: deleted with it, or moved to another skill by choice."""
    with journal.reading() as session:
        return repo.skill_delete_impact(session, name)


def delete_skill(
    journal: Journal, name: str, *, choice: DeleteChoice, move_to: str | None = None
) -> Outcome[None]:
    """Delete a skill; one with evidence notes needs a choice.

    ``MOVE`` puts its notes under the skill ``move_to`` (as a merge does); ``DETACH`` deletes
    the notes with it, keeping the entries, projects and feedback they cite.
    """
    target = _move_target(choice, move_to, "skill")
    with journal.transaction() as session:
        impact = repo.skill_delete_impact(session, name)
        impact.check(choice, movable=True)
        changes = impact.changes()
        if target is not None:
            _, new_id, folded = repo.move_evidence(session, name, target)
            changes = Changes.of(
                updated=[(Kind.SKILL, new_id), *impact.touched],
                deleted=[impact.target, *((Kind.EVIDENCE, e) for e in folded)],
            )
        repo.delete_skill(session, name)
    return published(journal, None, changes)


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


def skill_category_delete_impact(journal: Journal, name: str) -> DeleteImpact:
    """Its skills, kept either way: moved to another category or left uncategorised."""
    with journal.reading() as session:
        return repo.category_delete_impact(session, name)


def delete_skill_category(
    journal: Journal, name: str, *, choice: DeleteChoice, move_to: str | None = None
) -> Outcome[None]:
    """Delete a category; one holding skills needs a choice: ``MOVE`` files them under the
    category ``move_to``, ``DETACH`` leaves them uncategorised."""
    target = _move_target(choice, move_to, "skill category")
    with journal.transaction() as session:
        impact = repo.category_delete_impact(session, name)
        impact.check(choice, movable=True)
        category_id, moved = repo.delete_category(session, name, target)
    changes = Changes.of(
        updated=[(Kind.SKILL, s) for s in moved], deleted=[(Kind.SKILL_CATEGORY, category_id)]
    )
    return published(journal, None, changes)


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
