"""The Profile: who every output is about."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields, replace
from typing import Any

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.people import EMAIL
from pmjournal.domain.records import ProfileRecord
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import profile as repo

_LINK = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)


def get_profile(journal: Journal) -> ProfileRecord:
    with journal.reading() as session:
        return repo.load(session)


def validate_profile(profile: ProfileRecord) -> None:
    if profile.email and not EMAIL.match(profile.email):
        raise ValidationError(f"{profile.email!r} is not an email address", "email")
    for link in profile.links:
        if not _LINK.match(link):
            raise ValidationError(f"{link!r} is not a web link (https://…)", "link")


def _cleaned(changes: dict[str, object]) -> dict[str, Any]:
    allowed = {f.name for f in fields(ProfileRecord)}
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in allowed:
            raise ValidationError(f"unknown profile field {key!r}", "profile")
        if key == "links":
            links = [value] if isinstance(value, str) else value
            if not isinstance(links, Iterable):
                raise ValidationError("links must be a list of web links", "link")
            cleaned[key] = tuple(str(v).strip() for v in links)
        else:
            cleaned[key] = str(value).strip()
    return cleaned


def update_profile(journal: Journal, **changes: object) -> Outcome[ProfileRecord]:
    """Change only the given fields; ``links`` replaces the whole list."""
    with journal.transaction() as session:
        updated = replace(repo.load(session), **_cleaned(changes))
        validate_profile(updated)
        profile_id = repo.save(session, updated)
    return published(journal, updated, Changes.of(updated=[(Kind.PROFILE, profile_id)]))
