"""The Profile: who every output is about."""

from __future__ import annotations

import re
from dataclasses import fields, replace

from pmjournal.domain.errors import ValidationError
from pmjournal.services.records import ProfileRecord
from pmjournal.storage import models
from pmjournal.storage.database import Journal

PROFILE_ID = 1
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINK = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)


def get_profile(journal: Journal) -> ProfileRecord:
    with journal.reading() as session:
        return ProfileRecord.of(session.get(models.Profile, PROFILE_ID))


def validate_profile(profile: ProfileRecord) -> None:
    if profile.email and not _EMAIL.match(profile.email):
        raise ValidationError(f"{profile.email!r} is not an email address", "email")
    for link in profile.links:
        if not _LINK.match(link):
            raise ValidationError(f"{link!r} is not a web link (https://…)", "link")


def _cleaned(changes: dict[str, object]) -> dict[str, object]:
    allowed = {f.name for f in fields(ProfileRecord)}
    for key in changes:
        if key not in allowed:
            raise ValidationError(f"unknown profile field {key!r}", "profile")
    return {
        key: tuple(str(v).strip() for v in value) if key == "links" else str(value).strip()  # type: ignore[attr-defined]
        for key, value in changes.items()
    }


def update_profile(journal: Journal, **changes: object) -> ProfileRecord:
    """Change only the given fields; ``links`` replaces the whole list."""
    with journal.transaction() as session:
        row = session.get(models.Profile, PROFILE_ID)
        updated = replace(ProfileRecord.of(row), **_cleaned(changes))
        validate_profile(updated)
        if row is None:
            row = models.Profile(id=PROFILE_ID)
            session.add(row)
        for f in fields(ProfileRecord):
            value = getattr(updated, f.name)
            setattr(row, f.name, list(value) if f.name == "links" else value)
        return updated
