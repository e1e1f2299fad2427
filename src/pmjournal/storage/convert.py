"""ORM rows to the frozen domain values that leave ``storage/``; no session outlives a call."""

from __future__ import annotations

from pmjournal.domain.records import EntryRecord, ProfileRecord
from pmjournal.storage import models


def entry_record(entry: models.Entry) -> EntryRecord:
    return EntryRecord(
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


def profile_record(profile: models.Profile | None) -> ProfileRecord:
    if profile is None:
        return ProfileRecord()
    return ProfileRecord(
        name=profile.name,
        headline=profile.headline,
        email=profile.email,
        phone=profile.phone,
        location=profile.location,
        summary=profile.summary,
        links=tuple(profile.links or ()),
    )
