"""Skills and tags by name for the demo, created when missing: users may have renamed starters.

The hand-written story and the generated career share one resolver, so a skill the story
created is found, not created twice, when the career names it again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from pmjournal.domain.demo_story import SkillNote
from pmjournal.domain.skill_framework import STARTER_FRAMEWORK
from pmjournal.storage import models


class NameResolver:
    """Finds skills, tags and categories case-insensitively; new ones wait for the next flush."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._skills = {s.name.casefold(): s for s in session.scalars(select(models.Skill))}
        self._tags = {t.name.casefold(): t for t in session.scalars(select(models.Tag))}
        self._categories = {
            c.name.casefold(): c for c in session.scalars(select(models.SkillCategory))
        }

    def skill(self, name: str) -> models.Skill:
        found = self._skills.get(name.casefold())
        if found is None:
            found = models.Skill(name=name, category=self._category_of(name))
            self._session.add(found)
            self._skills[name.casefold()] = found
        return found

    def _category_of(self, skill: str) -> models.SkillCategory | None:
        for category, members in STARTER_FRAMEWORK.items():
            if any(m.name == skill for m in members):
                return self._categories.get(category.casefold())
        return None

    def tag(self, name: str) -> models.Tag:
        found = self._tags.get(name.casefold())
        if found is None:
            found = models.Tag(name=name)
            self._session.add(found)
            self._tags[name.casefold()] = found
        return found

    def evidence(self, notes: Iterable[SkillNote]) -> list[models.Evidence]:
        return [models.Evidence(skill=self.skill(n.skill), note=n.note) for n in notes]
