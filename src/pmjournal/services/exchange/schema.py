"""The fields of the pmjournal JSON document, format version 3 (versions 1 and 2 still import).

The schema is ours and small, so it is written out here as data: the same field list drives the
export and the import (``services.exchange``) and the validator (``services.exchange_validation``),
and ``docs/format.md`` describes it for people. Changing anything here changes the format:
bump ``VERSION`` and keep reading the old one. A field or collection added by a later version
says so in ``since``; importing an older document gives it its ``default``.

This module knows nothing of SQLAlchemy; ``attribute`` names the ORM attribute a field maps to.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum, StrEnum
from typing import Any

from pmjournal.domain.attachments import EXTENSIONS, SNIFF_BYTES, sniff
from pmjournal.domain.dates import parse_date
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import (
    ChangeDisplay,
    Direction,
    EntryKind,
    FeedbackKind,
    GoalStatus,
    ProjectStatus,
    Relationship,
)

FORMAT = "pmjournal"
VERSION = 3
READABLE = (1, 2, 3)
HEADER = ("format", "version", "schema_revision")


class Kind(Enum):
    ID = "id"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    STR = "str"
    STRS = "strs"
    DATE = "date"
    TIMESTAMP = "timestamp"
    REF = "ref"
    REFS = "refs"
    FILE = "file"


@dataclass(frozen=True)
class Field:
    """One key of a record; REF and REFS fields point at ids of the ``target`` collection."""

    key: str
    kind: Kind = Kind.STR
    nullable: bool = False
    attribute: str = ""
    target: str = ""
    choices: type[StrEnum] | None = None
    since: int = 1
    default: Any = None

    @property
    def attr(self) -> str:
        return self.attribute or self.key

    @property
    def is_column(self) -> bool:
        """REFS fields are rows of a link table and FILE fields a file's bytes, not columns."""
        return self.kind not in (Kind.REFS, Kind.FILE)


@dataclass(frozen=True)
class Collection:
    """A top-level list of records (or ``checkins``, nested in each goal)."""

    key: str
    noun: str
    fields: tuple[Field, ...]
    unique: str = ""
    child: Collection | None = None
    rule: Callable[[dict[str, Any], str], None] | None = None
    since: int = 1

    @property
    def columns(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.is_column)

    @property
    def links(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind is Kind.REFS)

    def fields_of(self, version: int) -> tuple[Field, ...]:
        """The fields a document of format ``version`` has."""
        return tuple(f for f in self.fields if f.since <= version)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key of a record, in the order the document writes them."""
        return tuple(f.key for f in self.fields) + ((self.child.key,) if self.child else ())


def _one_source(record: dict[str, Any], path: str) -> None:
    sources = [k for k in ("entry_id", "project_id", "feedback_id") if record[k] is not None]
    if len(sources) != 1:
        raise ValidationError(
            f"evidence comes from exactly one of entry_id, project_id, feedback_id "
            f"(found {len(sources)})",
            path,
        )


def _one_file(record: dict[str, Any], path: str) -> None:
    """The embedded bytes must be what the record says: hash, size and type by content."""
    try:
        data = base64.b64decode(record["content"], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("not valid base64", f"{path}.content") from None
    if hashlib.sha256(data).hexdigest() != record["sha256"]:
        raise ValidationError("the content does not match its sha256", f"{path}.sha256")
    if len(data) != record["size"]:
        raise ValidationError(f"the content holds {len(data)} bytes", f"{path}.size")
    if record["media_type"] not in EXTENSIONS or sniff(data[:SNIFF_BYTES]) != record["media_type"]:
        raise ValidationError(
            f"{record['media_type']!r} is not the type of the content", f"{path}.media_type"
        )


ID = Field("id", Kind.ID)
TIMESTAMPS = (Field("created_at", Kind.TIMESTAMP), Field("updated_at", Kind.TIMESTAMP))


def _ref(key: str, target: str, nullable: bool = False) -> Field:
    return Field(key, Kind.REF, nullable=nullable, target=target)


def _date(key: str, nullable: bool = False) -> Field:
    return Field(key, Kind.DATE, nullable=nullable)


PROFILE = (
    *(Field(k) for k in ("name", "headline", "email", "phone", "location", "summary")),
    Field("links", Kind.STRS),
)

CHECKINS = Collection(
    "checkins",
    "check-in",
    (ID, _date("date"), Field("note"), Field("progress", Kind.INT, nullable=True)),
)

ATTACHMENTS = Collection(
    "attachments",
    "attachment",
    (
        ID,
        Field("sha256"),
        Field("filename"),
        Field("media_type"),
        Field("size", Kind.INT),
        Field("created_at", Kind.TIMESTAMP),
        Field("content", Kind.FILE),
    ),
    unique="sha256",
    rule=_one_file,
    since=2,
)


def _aliases() -> Field:
    return Field("aliases", Kind.STRS, since=2, default=[])


def _attachment_ids() -> Field:
    return Field("attachment_ids", Kind.REFS, target="attachments", since=2, default=[])


# In dependency order: a record refers only to collections listed before its own.
COLLECTIONS: tuple[Collection, ...] = (
    ATTACHMENTS,
    Collection(
        "skill_categories",
        "skill category",
        (ID, Field("name"), Field("position", Kind.INT)),
        unique="name",
    ),
    Collection(
        "skills",
        "skill",
        (
            ID,
            Field("name"),
            _ref("category_id", "skill_categories", True),
            Field("description"),
            Field("competency", nullable=True, since=2),
        ),
        unique="name",
    ),
    Collection("tags", "tag", (ID, Field("name")), unique="name"),
    Collection(
        "internships",
        "internship",
        (
            ID,
            *(Field(k) for k in ("organisation", "title", "team", "location")),
            _date("start_date"),
            _date("end_date", nullable=True),
            Field("description"),
            _aliases(),
        ),
    ),
    Collection(
        "projects",
        "project",
        (
            ID,
            _ref("internship_id", "internships", nullable=True),
            Field("name"),
            *(
                Field(k)
                for k in (
                    "summary",
                    "context",
                    "problem",
                    "role",
                    "approach",
                    "outcome",
                    "expected_result",
                    "learnings",
                )
            ),
            Field("status", choices=ProjectStatus),
            _date("start_date", nullable=True),
            _date("end_date", nullable=True),
            Field("confidential", Kind.BOOL),
            *TIMESTAMPS,
            _aliases(),
            _attachment_ids(),
            Field("tradeoff", since=3, default=""),
        ),
        unique="name",
    ),
    Collection(
        "entries",
        "entry",
        (
            ID,
            _date("date"),
            Field("kind", choices=EntryKind),
            Field("title"),
            Field("body"),
            Field("project_ids", Kind.REFS, target="projects"),
            Field("tag_ids", Kind.REFS, target="tags"),
            *TIMESTAMPS,
            _attachment_ids(),
        ),
    ),
    Collection(
        "people",
        "person",
        (
            ID,
            Field("name"),
            Field("title"),
            Field("organisation"),
            Field("relationship", attribute="relationship_kind", choices=Relationship),
            Field("email"),
            Field("notes"),
            Field("confidential", Kind.BOOL),
            _aliases(),
        ),
    ),
    Collection(
        "feedback",
        "feedback",
        (
            ID,
            _date("date"),
            _ref("person_id", "people", nullable=True),
            Field("relationship", attribute="relationship_kind", choices=Relationship),
            Field("kind", choices=FeedbackKind),
            Field("text"),
            Field("follow_up"),
            Field("project_ids", Kind.REFS, target="projects"),
            Field("confidential", Kind.BOOL),
            *TIMESTAMPS,
            Field("follow_up_done", Kind.BOOL, since=2, default=False),
            Field("follow_up_on", Kind.DATE, nullable=True, since=2),
        ),
    ),
    Collection(
        "evidence",
        "evidence",
        (
            ID,
            _ref("skill_id", "skills"),
            _ref("entry_id", "entries", nullable=True),
            _ref("project_id", "projects", nullable=True),
            _ref("feedback_id", "feedback", nullable=True),
            Field("note"),
        ),
        rule=_one_source,
    ),
    Collection(
        "metrics",
        "metric",
        (
            ID,
            _ref("project_id", "projects"),
            Field("name"),
            Field("baseline", Kind.FLOAT, nullable=True),
            Field("baseline_unit", nullable=True),
            Field("result", Kind.FLOAT, nullable=True),
            Field("unit"),
            Field("better", choices=Direction),
            _date("measured_on", nullable=True),
            _ref("entry_id", "entries", nullable=True),
            Field("note"),
            Field("position", Kind.INT),
            Field("confidential", Kind.BOOL),
            Field("change_display", nullable=True, choices=ChangeDisplay, since=2),
        ),
    ),
    Collection(
        "goals",
        "goal",
        (
            ID,
            _ref("internship_id", "internships", nullable=True),
            Field("title"),
            Field("description"),
            _date("target_date", nullable=True),
            Field("status", choices=GoalStatus),
            *TIMESTAMPS,
        ),
        child=CHECKINS,
    ),
    Collection(
        "resume_bullets",
        "résumé bullet",
        (
            ID,
            _ref("project_id", "projects"),
            Field("position", Kind.INT),
            Field("text"),
            Field("pinned", Kind.BOOL),
            *TIMESTAMPS,
        ),
    ),
)

TOP_LEVEL = (*HEADER, "profile", *(c.key for c in COLLECTIONS))


def top_level(version: int) -> tuple[str, ...]:
    """The top-level keys of a document of format ``version``."""
    return (*HEADER, "profile", *(c.key for c in COLLECTIONS if c.since <= version))


def to_json(field: Field, value: Any) -> Any:
    """A database value as the document writes it."""
    if value is None:
        return None
    if field.kind in (Kind.DATE, Kind.TIMESTAMP):
        return value.isoformat()
    if field.kind is Kind.FLOAT:
        return float(value)
    if field.kind is Kind.STRS:
        return list(value)
    return value


def from_json(field: Field, value: Any) -> Any:
    """A validated document value as the database stores it; timestamps become naive UTC."""
    if value is None:
        return None
    if field.kind is Kind.DATE:
        return parse_date(value)
    if field.kind is Kind.TIMESTAMP:
        return utc_timestamp(value)
    if field.kind is Kind.FLOAT:
        return float(value)
    return value


def utc_timestamp(text: str) -> datetime:
    """A document timestamp as the journal stores it: naive, in UTC.

    The validator calls this too, because an offset can carry a moment past year 9999 or before
    year 1 (``0001-01-01T00:00:00+01:00``): that raises ``OverflowError``, and it must be
    refused before the import starts rather than half-way through it.
    """
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment
