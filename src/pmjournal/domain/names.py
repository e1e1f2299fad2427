"""Names users give to skills, categories and tags: trimmed, bounded, never empty."""

from __future__ import annotations

from pmjournal.domain.errors import ValidationError

MAX_NAME = 100


def clean_name(name: str, field: str, *, noun: str, limit: int = MAX_NAME) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError(f"a {noun} needs a name", field)
    if len(clean) > limit:
        raise ValidationError(f"a {noun} name is at most {limit} characters", field)
    return clean


def clean_tag(name: str, field: str = "tag") -> str:
    """A tag as stored: without the ``#`` people type in front of it."""
    return clean_name(name.strip().lstrip("#"), field, noun="tag")
