"""The rows behind the JSON exchange document: read by collection, written back with ids kept.

The document (``services.exchange``) names its collections by key ("entries", "checkins") and
its fields by ORM attribute; this module maps those names onto tables, so the service decides
what a document holds and in what order while every query stays here. Values go in and come out
as plain Python (tuples and dicts of column values), never as ORM rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from pmjournal.storage import models
from pmjournal.storage.repos.profile import PROFILE_ID

_MODELS: dict[str, type[models.Base]] = {
    "attachments": models.Attachment,
    "skill_categories": models.SkillCategory,
    "skills": models.Skill,
    "tags": models.Tag,
    "internships": models.Internship,
    "projects": models.Project,
    "entries": models.Entry,
    "people": models.Person,
    "feedback": models.Feedback,
    "evidence": models.Evidence,
    "metrics": models.Metric,
    "goals": models.Goal,
    "checkins": models.GoalCheckin,
    "resume_bullets": models.ResumeBullet,
}

# A list-of-ids field is the rows of a link table: (table, column of the owner, of the target).
_LINKS: dict[tuple[str, str], tuple[Table, str, str]] = {
    ("entries", "project_ids"): (models.entry_projects, "entry_id", "project_id"),
    ("entries", "tag_ids"): (models.entry_tags, "entry_id", "tag_id"),
    ("feedback", "project_ids"): (models.feedback_projects, "feedback_id", "project_id"),
    ("entries", "attachment_ids"): (models.entry_attachments, "entry_id", "attachment_id"),
    ("projects", "attachment_ids"): (models.project_attachments, "project_id", "attachment_id"),
}

# The column of a child record that holds its parent's id.
_PARENT_COLUMN = {"checkins": "goal_id"}

# Tables whose rows are the user's own; the skill framework is judged by the service.
_USER_TABLES: tuple[type[models.Base], ...] = tuple(
    model for key, model in _MODELS.items() if key not in ("skill_categories", "skills")
)


def read_rows(session: Session, key: str, attrs: Sequence[str]) -> list[tuple[Any, ...]]:
    """The ``attrs`` of every row of collection ``key``, by id."""
    model = _MODELS[key]
    statement = select(*(getattr(model, attr) for attr in attrs)).order_by(model.__table__.c.id)
    return [tuple(row) for row in session.execute(statement)]


def read_links(session: Session, key: str, field: str) -> dict[int, list[int]]:
    """The ids a list field of collection ``key`` holds, by owner id, each list ascending."""
    table, owner, target = _LINKS[(key, field)]
    linked: dict[int, list[int]] = defaultdict(list)
    for owner_id, target_id in session.execute(
        select(table.c[owner], table.c[target]).order_by(table.c[owner], table.c[target])
    ):
        linked[owner_id].append(target_id)
    return linked


def read_children(
    session: Session, key: str, attrs: Sequence[str]
) -> dict[int, list[tuple[Any, ...]]]:
    """The ``attrs`` of every child row of collection ``key``, by parent id, each list by id."""
    model = _MODELS[key]
    parent_column = getattr(model, _PARENT_COLUMN[key])
    statement = select(parent_column, *(getattr(model, attr) for attr in attrs)).order_by(
        model.__table__.c.id
    )
    children: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for parent_id, *values in session.execute(statement):
        children[parent_id].append(tuple(values))
    return children


def insert_rows(session: Session, key: str, rows: list[dict[str, Any]]) -> None:
    """Rows of collection ``key`` by attribute name, ids included, in one statement."""
    if rows:
        session.execute(insert(_MODELS[key]), rows)


def insert_links(session: Session, key: str, field: str, pairs: Iterable[tuple[int, int]]) -> None:
    """The (owner id, target id) pairs of a list field of collection ``key``."""
    table, owner, target = _LINKS[(key, field)]
    rows = [{owner: owner_id, target: target_id} for owner_id, target_id in pairs]
    if rows:
        session.execute(insert(table), rows)


def insert_children(session: Session, key: str, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Child rows of collection ``key`` as (parent id, values by attribute name)."""
    parent_column = _PARENT_COLUMN[key]
    values = [{parent_column: parent_id, **row} for parent_id, row in rows]
    if values:
        session.execute(insert(_MODELS[key]), values)


def replace_profile_and_framework(session: Session, profile: dict[str, Any]) -> None:
    """Drop the starter skills and categories and write ``profile`` as the one profile row,
    so the document's own framework and profile can be inserted with their ids."""
    session.execute(delete(models.Skill))
    session.execute(delete(models.SkillCategory))
    session.execute(delete(models.Profile))
    session.execute(insert(models.Profile), [{"id": PROFILE_ID, **profile}])


def holds_user_rows(session: Session) -> bool:
    """Any row in a table of the user's own records (the profile and skills aside)."""
    return any(session.scalar(select(func.count()).select_from(model)) for model in _USER_TABLES)


def skill_framework(
    session: Session,
) -> tuple[list[tuple[str, int]], list[tuple[str, str, str | None]]]:
    """The categories as (name, position) and the skills as (name, description, category)."""
    categories = session.execute(
        select(models.SkillCategory.name, models.SkillCategory.position)
    ).all()
    skills = session.execute(
        select(models.Skill.name, models.Skill.description, models.SkillCategory.name).outerjoin(
            models.SkillCategory
        )
    ).all()
    return [(name, position) for name, position in categories], [
        (name, description, category) for name, description, category in skills
    ]
