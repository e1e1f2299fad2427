"""Frozen values the services hand to front ends; no ORM object leaves a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pmjournal.storage import models


@dataclass(frozen=True)
class EntryRecord:
    id: int
    date: date
    kind: str
    title: str
    body: str
    projects: tuple[str, ...]
    skills: tuple[str, ...]
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, entry: models.Entry) -> EntryRecord:
        return cls(
            id=entry.id,
            date=entry.date,
            kind=entry.kind,
            title=entry.title,
            body=entry.body,
            projects=tuple(p.name for p in entry.projects),
            skills=tuple(e.skill.name for e in entry.evidence),
            tags=tuple(t.name for t in entry.tags),
            created_at=entry.created_at,
            updated_at=entry.updated_at,
        )


@dataclass(frozen=True)
class ProfileRecord:
    name: str = ""
    headline: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    summary: str = ""
    links: tuple[str, ...] = ()

    @classmethod
    def of(cls, profile: models.Profile | None) -> ProfileRecord:
        if profile is None:
            return cls()
        return cls(
            name=profile.name,
            headline=profile.headline,
            email=profile.email,
            phone=profile.phone,
            location=profile.location,
            summary=profile.summary,
            links=tuple(profile.links or ()),
        )

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.headline or self.email or self.links)
