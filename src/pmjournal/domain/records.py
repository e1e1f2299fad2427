"""Frozen values the services hand to front ends; ``storage.convert`` builds them from rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


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


@dataclass(frozen=True)
class ProfileRecord:
    name: str = ""
    headline: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    summary: str = ""
    links: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.headline or self.email or self.links)
