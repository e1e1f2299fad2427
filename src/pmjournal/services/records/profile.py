"""The Profile: who every output is about."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields, replace
from typing import Any

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.people import EMAIL
from pmjournal.domain.records import ProfileRecord
from pmjournal.storage import models
from pmjournal.storage.convert import profile_record
from pmjournal.storage.database import Journal

PROFILE_ID = 1
_LINK = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)


def get_profile(journal: Journal) -> ProfileRecord:
    with journal.reading() as session:
        return profile_record(session.get(models.Profile, PROFILE_ID))


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


def update_profile(journal: Journal, **changes: object) -> ProfileRecord:
    """Change only the given fields; ``links`` replaces the whole list."""
    with journal.transaction() as session:
        row = session.get(models.Profile, PROFILE_ID)
        updated = replace(profile_record(row), **_cleaned(changes))
        validate_profile(updated)
        if row is None:
            row = models.Profile(id=PROFILE_ID)
            session.add(row)
        for f in fields(ProfileRecord):
            value = getattr(updated, f.name)
            setattr(row, f.name, list(value) if f.name == "links" else value)
        return updated
