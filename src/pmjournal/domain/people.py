"""People: the mentors, managers, peers and contacts an internship builds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.field_checks import NAME_MAX, optional_text, required_text, vocabulary
from pmjournal.domain.vocab import Relationship

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    title: str
    organisation: str
    relationship: Relationship
    email: str
    notes: str
    confidential: bool
    feedback_count: int


@dataclass(frozen=True)
class PersonDraft:
    """What the user typed. ``update_person`` takes a whole draft: every field is written.

    Names are unique without case, so ``feedback --person NAME`` always finds one person; two
    colleagues called alike are told apart in the name itself ("Sam Lee (design)").
    """

    name: str
    title: str = ""
    organisation: str = ""
    relationship: str = Relationship.PEER.value
    email: str = ""
    notes: str = ""
    confidential: bool = False

    @classmethod
    def of(cls, record: PersonRecord) -> PersonDraft:
        """The draft that would save ``record`` unchanged: the start of an edit."""
        return cls(
            name=record.name,
            title=record.title,
            organisation=record.organisation,
            relationship=record.relationship.value,
            email=record.email,
            notes=record.notes,
            confidential=record.confidential,
        )


def validate_person(draft: PersonDraft) -> PersonDraft:
    """The draft trimmed, its relationship and email checked; raises ``ValidationError``."""
    email = optional_text(draft.email, "email", NAME_MAX)
    if email and not EMAIL.match(email):
        raise ValidationError(f"{email!r} is not an email address", "email")
    return PersonDraft(
        name=required_text(draft.name, "name", "a person's name"),
        title=optional_text(draft.title, "title", NAME_MAX),
        organisation=optional_text(draft.organisation, "organisation", NAME_MAX),
        relationship=vocabulary(draft.relationship, Relationship, "relationship").value,
        email=email,
        notes=optional_text(draft.notes, "notes"),
        confidential=bool(draft.confidential),
    )
