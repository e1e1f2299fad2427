"""Names for link completion, ranked by the last entry that used them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pmjournal.domain.link_names import LinkNames
from pmjournal.storage import models


def _ranked(rows: Iterable[Any]) -> tuple[str, ...]:
    return tuple(name for name, _ in rows)


def link_names(session: Session) -> LinkNames:
    last_project_use = (
        select(models.entry_projects.c.project_id, func.max(models.Entry.date).label("last"))
        .join(models.Entry, models.Entry.id == models.entry_projects.c.entry_id)
        .group_by(models.entry_projects.c.project_id)
        .subquery()
    )
    projects = (
        select(models.Project.name, last_project_use.c.last)
        .outerjoin(last_project_use, last_project_use.c.project_id == models.Project.id)
        .order_by(last_project_use.c.last.desc().nulls_last(), models.Project.name)
    )
    last_skill_use = (
        select(models.Evidence.skill_id, func.max(models.Entry.date).label("last"))
        .join(models.Entry, models.Entry.id == models.Evidence.entry_id)
        .group_by(models.Evidence.skill_id)
        .subquery()
    )
    skills = (
        select(models.Skill.name, last_skill_use.c.last)
        .outerjoin(last_skill_use, last_skill_use.c.skill_id == models.Skill.id)
        .order_by(last_skill_use.c.last.desc().nulls_last(), models.Skill.name)
    )
    last_tag_use = (
        select(models.entry_tags.c.tag_id, func.max(models.Entry.date).label("last"))
        .join(models.Entry, models.Entry.id == models.entry_tags.c.entry_id)
        .group_by(models.entry_tags.c.tag_id)
        .subquery()
    )
    tags = (
        select(models.Tag.name, last_tag_use.c.last)
        .outerjoin(last_tag_use, last_tag_use.c.tag_id == models.Tag.id)
        .order_by(last_tag_use.c.last.desc().nulls_last(), models.Tag.name)
    )
    return LinkNames(
        projects=_ranked(session.execute(projects).all()),
        skills=_ranked(session.execute(skills).all()),
        tags=_ranked(session.execute(tags).all()),
    )
