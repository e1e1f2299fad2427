"""Skills, skill categories and evidence: names kept unique, links kept through renames and
merges."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteImpact
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.paging import Page
from pmjournal.domain.skills import (
    EvidenceLink,
    EvidenceRecord,
    EvidenceSource,
    SkillCategoryRecord,
    SkillDraft,
    SkillRecord,
    joined_notes,
)
from pmjournal.storage import models
from pmjournal.storage.lookup import category_by_name, project_by_name, skill_by_name
from pmjournal.storage.repos.paging import page_of


def skill_record(session: Session, skill: models.Skill) -> SkillRecord:
    count = session.scalar(
        select(func.count())
        .select_from(models.Evidence)
        .where(models.Evidence.skill_id == skill.id)
    )
    return SkillRecord(
        id=skill.id,
        name=skill.name,
        category=skill.category.name if skill.category else None,
        description=skill.description,
        competency=skill.competency,
        evidence_count=count or 0,
    )


def category_record(category: models.SkillCategory) -> SkillCategoryRecord:
    return SkillCategoryRecord(
        id=category.id,
        name=category.name,
        position=category.position,
        skills=tuple(s.name for s in category.skills),
    )


def evidence_record(evidence: models.Evidence) -> EvidenceRecord:
    if evidence.entry is not None:
        source, source_id = "entry", evidence.entry.id
        label = f"entry #{evidence.entry.id} of {evidence.entry.date.isoformat()}"
    elif evidence.project is not None:
        source, source_id, label = "project", evidence.project.id, evidence.project.name
    else:
        assert evidence.feedback is not None
        source, source_id = "feedback", evidence.feedback.id
        label = f"feedback #{evidence.feedback.id} of {evidence.feedback.date.isoformat()}"
    return EvidenceRecord(evidence.id, evidence.skill.name, source, source_id, label, evidence.note)


def _name_free(
    session: Session,
    model: type[models.Skill | models.SkillCategory],
    name: str,
    noun: str,
    field: str,
    own_id: int | None = None,
) -> None:
    """Refuse a name another row has already (ignoring ASCII case, as the column does)."""
    other = session.execute(select(model.id, model.name).where(model.name == name)).first()
    if other is not None and other[0] != own_id:
        raise ValidationError(f"a {noun} named {other[1]!r} exists already", field)


def skill_page(
    session: Session, category: str | None, text: str | None, limit: int, offset: int
) -> Page[SkillRecord]:
    query = select(models.Skill).options(selectinload(models.Skill.category))
    if category:
        query = query.where(models.Skill.category_id == category_by_name(session, category).id)
    if text:
        pattern = f"%{text.strip()}%"
        query = query.where(
            or_(models.Skill.name.ilike(pattern), models.Skill.description.ilike(pattern))
        )
    query = query.order_by(models.Skill.name)
    return page_of(session, query, lambda s: skill_record(session, s), limit, offset)


def load_skill(session: Session, name: str) -> SkillRecord:
    return skill_record(session, skill_by_name(session, name))


def save_skill(session: Session, draft: SkillDraft, current: str | None = None) -> int:
    """Insert (``current`` None) or overwrite the skill called ``current``; returns its id."""
    skill = models.Skill() if current is None else skill_by_name(session, current)
    name = draft.name
    _name_free(session, models.Skill, name, "skill", "name", skill.id)
    skill.name = name
    skill.category = category_by_name(session, draft.category) if draft.category else None
    skill.description = draft.description.strip()
    skill.competency = (draft.competency or "").strip() or None
    session.add(skill)
    session.flush()
    return skill.id


def rename_skill(session: Session, current: str, new_name: str) -> int:
    skill = skill_by_name(session, current)
    _name_free(session, models.Skill, new_name, "skill", "name", skill.id)
    skill.name = new_name
    session.flush()
    return skill.id


def evidence_ids(session: Session, name: str) -> list[int]:
    skill = skill_by_name(session, name)
    return list(
        session.scalars(select(models.Evidence.id).where(models.Evidence.skill_id == skill.id))
    )


def skill_delete_impact(session: Session, name: str) -> DeleteImpact:
    """Its evidence notes go with it (or move, by choice); the entries, projects and feedback
    they cite are kept and stop showing the skill."""
    skill = skill_by_name(session, name)
    cited = set()
    for e in skill.evidence:
        if e.entry_id is not None:
            cited.add((Kind.ENTRY, e.entry_id))
        elif e.project_id is not None:
            cited.add((Kind.PROJECT, e.project_id))
        elif e.feedback_id is not None:
            cited.add((Kind.FEEDBACK, e.feedback_id))
    return DeleteImpact(
        target=(Kind.SKILL, skill.id),
        label=f"skill {skill.name!r}",
        removed=frozenset((Kind.EVIDENCE, e.id) for e in skill.evidence),
        touched=frozenset(cited),
    )


def evidence_links(session: Session, name: str) -> tuple[EvidenceLink, ...]:
    """Every evidence note of a skill as ids, oldest first: what an undo writes back."""
    skill = skill_by_name(session, name)
    return tuple(
        EvidenceLink(e.entry_id, e.project_id, e.feedback_id, e.note) for e in skill.evidence
    )


def move_evidence(session: Session, source: str, target: str) -> tuple[int, int, list[int]]:
    """Point every evidence note of ``source`` at ``target``; returns both skill ids and the ids
    of notes folded into a note ``target`` already had about the same entry, project or feedback.
    """
    old = skill_by_name(session, source)
    new = skill_by_name(session, target)
    if old.id == new.id:
        raise ValidationError(f"{old.name!r} cannot be merged into itself", "into")
    existing = {_source_key(e): e for e in new.evidence}
    folded: list[int] = []
    for evidence in list(old.evidence):
        twin = existing.get(_source_key(evidence))
        if twin is not None:
            twin.note = joined_notes(twin.note, evidence.note)
            folded.append(evidence.id)
            session.delete(evidence)
        else:
            evidence.skill = new
    session.flush()
    session.expire(old, ["evidence"])
    return old.id, new.id, folded


def _source_key(evidence: models.Evidence) -> tuple[int | None, int | None, int | None]:
    return (evidence.entry_id, evidence.project_id, evidence.feedback_id)


def delete_skill(session: Session, name: str) -> int:
    skill = skill_by_name(session, name)
    skill_id = skill.id
    session.delete(skill)
    session.flush()
    return skill_id


def category_list(session: Session) -> list[SkillCategoryRecord]:
    query = (
        select(models.SkillCategory)
        .options(selectinload(models.SkillCategory.skills))
        .order_by(models.SkillCategory.position, models.SkillCategory.name)
    )
    return [category_record(c) for c in session.scalars(query)]


def add_category(session: Session, name: str, position: int | None = None) -> SkillCategoryRecord:
    """A new category, last in the framework unless ``position`` puts it back where it was."""
    _name_free(session, models.SkillCategory, name, "skill category", "name")
    if position is None:
        position = (session.scalar(select(func.max(models.SkillCategory.position))) or 0) + 1
    category = models.SkillCategory(name=name, position=position)
    session.add(category)
    session.flush()
    return category_record(category)


def has_category(session: Session, name: str) -> bool:
    return (
        session.scalar(
            select(models.SkillCategory.id).where(models.SkillCategory.name == name.strip())
        )
        is not None
    )


def load_category(session: Session, name: str) -> SkillCategoryRecord:
    return category_record(category_by_name(session, name))


def rename_category(session: Session, current: str, new_name: str) -> SkillCategoryRecord:
    category = category_by_name(session, current)
    _name_free(session, models.SkillCategory, new_name, "skill category", "name", category.id)
    category.name = new_name
    session.flush()
    return category_record(category)


def category_delete_impact(session: Session, name: str) -> DeleteImpact:
    """Its skills are kept: moved to another category, or left uncategorised."""
    category = category_by_name(session, name)
    return DeleteImpact(
        target=(Kind.SKILL_CATEGORY, category.id),
        label=f"skill category {category.name!r}",
        detached=frozenset((Kind.SKILL, s.id) for s in category.skills),
    )


def delete_category(session: Session, name: str, move_to: str | None) -> tuple[int, list[int]]:
    """Delete a category; its skills move to ``move_to`` or are left uncategorised."""
    category = category_by_name(session, name)
    moved = [s.id for s in category.skills]
    if move_to is not None:
        target = category_by_name(session, move_to)
        if target.id == category.id:
            raise ValidationError("the skills cannot move to the category being deleted", "move_to")
        for skill in list(category.skills):
            skill.category = target
    else:
        for skill in list(category.skills):
            skill.category = None
    category_id = category.id
    session.flush()
    session.delete(category)
    session.flush()
    return category_id, moved


def add_evidence(session: Session, skill: str, source: EvidenceSource, note: str) -> int:
    """A new note of how ``skill`` was practised; one note per skill and source."""
    source.check()
    target = skill_by_name(session, skill)
    key = _resolve(session, source)
    twin = session.scalar(
        select(models.Evidence.id).where(
            models.Evidence.skill_id == target.id,
            models.Evidence.entry_id.is_not_distinct_from(key[0]),
            models.Evidence.project_id.is_not_distinct_from(key[1]),
            models.Evidence.feedback_id.is_not_distinct_from(key[2]),
        )
    )
    if twin is not None:
        raise ValidationError(
            f"{target.name!r} already has evidence #{twin} from there; edit that note", "skill"
        )
    evidence = models.Evidence(
        skill_id=target.id,
        entry_id=key[0],
        project_id=key[1],
        feedback_id=key[2],
        note=note.strip(),
    )
    session.add(evidence)
    session.flush()
    return evidence.id


def _resolve(session: Session, source: EvidenceSource) -> tuple[int | None, int | None, int | None]:
    if source.entry_id is not None:
        if session.get(models.Entry, source.entry_id) is None:
            raise ValidationError(f"no entry with id {source.entry_id}", "entry")
        return (source.entry_id, None, None)
    if source.project is not None:
        return (None, project_by_name(session, source.project).id, None)
    if session.get(models.Feedback, source.feedback_id) is None:
        raise ValidationError(f"no feedback with id {source.feedback_id}", "feedback")
    return (None, None, source.feedback_id)


def find_evidence(session: Session, evidence_id: int) -> models.Evidence:
    evidence = session.get(models.Evidence, evidence_id)
    if evidence is None:
        raise ValidationError(f"no evidence with id {evidence_id}", "evidence")
    return evidence


def update_evidence(session: Session, evidence_id: int, note: str) -> EvidenceRecord:
    evidence = find_evidence(session, evidence_id)
    evidence.note = note.strip()
    session.flush()
    return evidence_record(evidence)


def delete_evidence(session: Session, evidence_id: int) -> None:
    session.delete(find_evidence(session, evidence_id))
    session.flush()


def evidence_page(
    session: Session,
    skill: str | None,
    source: EvidenceSource,
    limit: int,
    offset: int,
) -> Page[EvidenceRecord]:
    query = select(models.Evidence).options(
        selectinload(models.Evidence.skill),
        selectinload(models.Evidence.entry),
        selectinload(models.Evidence.project),
        selectinload(models.Evidence.feedback),
    )
    if skill:
        query = query.where(models.Evidence.skill_id == skill_by_name(session, skill).id)
    if source.entry_id is not None:
        query = query.where(models.Evidence.entry_id == source.entry_id)
    if source.project is not None:
        query = query.where(
            models.Evidence.project_id == project_by_name(session, source.project).id
        )
    if source.feedback_id is not None:
        query = query.where(models.Evidence.feedback_id == source.feedback_id)
    return page_of(session, query.order_by(models.Evidence.id), evidence_record, limit, offset)
