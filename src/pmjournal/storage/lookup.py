"""Finding records by the names users type, with errors that suggest the right one."""

from __future__ import annotations

import difflib

from sqlalchemy import select
from sqlalchemy.orm import Session

from pmjournal.domain.errors import ValidationError
from pmjournal.storage import models


def _plural(kind: str) -> str:
    return {"person": "people", "skill category": "skill categories"}.get(kind, kind + "s")


def unknown_name(
    kind: str, name: str, known: list[str], field: str, count: int | None = None
) -> ValidationError:
    """The refusal for a name nobody has, suggesting the closest names that exist.

    ``count`` is how many records exist when ``known`` lists more than one name for each.
    """
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    if close:
        hint = "did you mean " + " or ".join(repr(c) for c in close) + "?"
    elif known:
        existing = len(known) if count is None else count
        counted = f"1 {kind} exists" if existing == 1 else f"{existing} {_plural(kind)} exist"
        hint = f"{counted}; list them in the app or create this one first"
    else:
        hint = f"the journal has no {_plural(kind)} yet"
    return ValidationError(f"no {kind} named {name!r} ({hint})", field)


def project_by_name(session: Session, name: str) -> models.Project:
    project = session.scalar(select(models.Project).where(models.Project.name == name.strip()))
    if project is None:
        known = list(session.scalars(select(models.Project.name)))
        raise unknown_name("project", name, known, "project")
    return project


def skill_by_name(session: Session, name: str) -> models.Skill:
    skill = session.scalar(select(models.Skill).where(models.Skill.name == name.strip()))
    if skill is None:
        known = list(session.scalars(select(models.Skill.name)))
        raise unknown_name("skill", name, known, "skill")
    return skill


def tag_by_name(session: Session, name: str) -> models.Tag:
    """The tag called ``name``, created if new: tags are free-form labels."""
    clean = name.strip().lstrip("#")
    if not clean:
        raise ValidationError("a tag cannot be empty", "tag")
    tag = session.scalar(select(models.Tag).where(models.Tag.name == clean))
    if tag is None:
        tag = models.Tag(name=clean)
        session.add(tag)
    return tag


def category_by_name(session: Session, name: str) -> models.SkillCategory:
    category = session.scalar(
        select(models.SkillCategory).where(models.SkillCategory.name == name.strip())
    )
    if category is None:
        known = list(session.scalars(select(models.SkillCategory.name)))
        raise unknown_name("skill category", name, known, "category")
    return category


def existing_tag(session: Session, name: str) -> models.Tag:
    """The tag called ``name``; unlike ``tag_by_name`` an unknown tag is an error, not a new one."""
    clean = name.strip().lstrip("#")
    tag = session.scalar(select(models.Tag).where(models.Tag.name == clean))
    if tag is None:
        known = list(session.scalars(select(models.Tag.name)))
        raise unknown_name("tag", name, known, "tag")
    return tag
