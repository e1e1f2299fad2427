"""The one profile row: who every output is about."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy.orm import Session

from pmjournal.domain.records import ProfileRecord
from pmjournal.storage import models
from pmjournal.storage.convert import profile_record

PROFILE_ID = 1


def load(session: Session) -> ProfileRecord:
    """The profile; an empty one before anyone has named themselves."""
    return profile_record(session.get(models.Profile, PROFILE_ID))


def save(session: Session, profile: ProfileRecord) -> int:
    """Write every field of ``profile``, creating the row the first time; returns its id."""
    row = session.get(models.Profile, PROFILE_ID)
    if row is None:
        row = models.Profile(id=PROFILE_ID)
        session.add(row)
    for f in fields(ProfileRecord):
        value = getattr(profile, f.name)
        setattr(row, f.name, list(value) if f.name == "links" else value)
    session.flush()
    return PROFILE_ID


def name_given(session: Session) -> bool:
    """Has the user named themselves? (The demo then leaves the profile alone.)"""
    row = session.get(models.Profile, PROFILE_ID)
    return row is not None and bool(row.name)
