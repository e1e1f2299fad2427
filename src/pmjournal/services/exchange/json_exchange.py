"""Export and import of the whole journal as one versioned JSON document (``docs/format.md``).

The document is a backup, not a portfolio: every column of every table, ids kept, confidential
flags included, so that importing it into an empty journal and exporting again gives the same
document, byte for byte: the document records no export time (the file's own modification time
says when it was written). Attached files travel inside the document, base64-encoded with their
SHA-256. Import is all or nothing: the file is checked completely before the journal is touched,
the rows are written in one transaction, and attached files it wrote are removed again if that
transaction does not commit. Both take the long-work contract (``domain.progress``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from pmjournal.domain.attachments import stored_name
from pmjournal.domain.changes import Changes, Outcome
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.progress import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from pmjournal.domain.records import ProfileRecord
from pmjournal.domain.skill_framework import STARTER_FRAMEWORK
from pmjournal.services.exchange.schema import (
    COLLECTIONS,
    FORMAT,
    PROFILE,
    VERSION,
    Collection,
    Field,
    Kind,
    from_json,
    to_json,
)
from pmjournal.services.exchange.validation import validate_document
from pmjournal.services.output_files import write_text
from pmjournal.services.records.published import published
from pmjournal.storage import attachment_files, document_rows, migrate
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import profile as profile_repo

_IRREGULAR_PLURALS = {"person": "people", "feedback": "feedback", "evidence": "evidence"}


def _counted(n: int, noun: str) -> str:
    if n == 1:
        return f"1 {noun}"
    plural = _IRREGULAR_PLURALS.get(noun) or (
        noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    )
    return f"{n} {plural}"


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each kind were imported, keyed by noun ("entry"), in document order."""

    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, document: dict[str, Any]) -> ImportSummary:
        """The counts of a valid document; the export command reports with it too."""
        counts: dict[str, int] = {}
        for collection in COLLECTIONS:
            records = document.get(collection.key, [])
            counts[collection.noun] = len(records)
            if collection.child:
                key = collection.child.key
                counts[collection.child.noun] = sum(len(record[key]) for record in records)
        return cls(counts)

    def line(self) -> str:
        """One line for a person: '12 entries, 3 projects, …' (kinds with records only)."""
        parts = [_counted(n, noun) for noun, n in self.counts.items() if n]
        return ", ".join(parts) if parts else "nothing"


def build_document(
    journal: Journal,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> dict[str, Any]:
    """The whole journal as a document of the current version; the same journal always gives
    the same one. Reading writes nothing, so a cancelled export leaves nothing behind."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "schema_revision": migrate.HEAD,
    }
    with journal.reading() as session:
        record = profile_repo.load(session)
        document["profile"] = {f.key: to_json(f, getattr(record, f.attr)) for f in PROFILE}
        for done, collection in enumerate(COLLECTIONS):
            check_cancelled(cancelled, "export")
            progress(f"exporting {collection.key.replace('_', ' ')}", done / len(COLLECTIONS))
            document[collection.key] = _export_collection(session, collection, journal)
    progress("exported", 1.0)
    return document


def _export_collection(
    session: Session, collection: Collection, journal: Journal
) -> list[dict[str, Any]]:
    columns = collection.columns
    rows = document_rows.read_rows(session, collection.key, [f.attr for f in columns])
    records = [{f.key: to_json(f, v) for f, v in zip(columns, row, strict=True)} for row in rows]
    for link in collection.links:
        linked = document_rows.read_links(session, collection.key, link.key)
        for record in records:
            record[link.key] = linked.get(record["id"], [])
    if collection.child:
        _attach_children(session, collection.child, records)
    for file_field in collection.fields:
        if file_field.kind is Kind.FILE:
            for record in records:
                record[file_field.key] = _file_content(journal, record)
    return [_in_field_order(record, collection) for record in records]


def _file_content(journal: Journal, record: dict[str, Any]) -> str:
    name = stored_name(record["sha256"], record["media_type"])
    try:
        data = (journal.attachments_dir / name).read_bytes()
    except FileNotFoundError:
        raise ValidationError(
            f"the file of attachment #{record['id']} ({record['filename']!r}) is missing from "
            f"{journal.attachments_dir}; restore it from a backup or detach it",
            "attachments",
        ) from None
    return base64.b64encode(data).decode("ascii")


def _attach_children(session: Session, child: Collection, parents: list[dict[str, Any]]) -> None:
    columns = child.columns
    children = document_rows.read_children(session, child.key, [f.attr for f in columns])
    for parent in parents:
        parent[child.key] = [
            {f.key: to_json(f, v) for f, v in zip(columns, values, strict=True)}
            for values in children.get(parent["id"], [])
        ]


def _in_field_order(record: dict[str, Any], collection: Collection) -> dict[str, Any]:
    """Keys in the order ``docs/format.md`` lists them, so the file reads the same every time."""
    return {key: record[key] for key in collection.keys}


def write_document(document: dict[str, Any], path: Path, *, protected: Iterable[Path] = ()) -> None:
    """Write the document as UTF-8 JSON through ``output_files``, as every ``--out`` is written.

    That way an export follows a symlink instead of replacing it, refuses a folder, a device or
    any ``protected`` file (pass the journal's ``files``), and never leaves half a
    file where an earlier good export was.
    """
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_text(Path(path), text, protected=protected)


def load_document(path: Path) -> dict[str, Any]:
    """Read and check an export; any problem is a ``ValidationError`` naming the file or field."""
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise ValidationError("no such file", where)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(f"not UTF-8 text (byte {error.start})", where) from None
    except OSError as error:
        raise ValidationError(f"cannot be read ({error.strerror})", where) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}", where
        ) from None
    except ValueError:
        # Python refuses to read a whole number of more than 4,300 digits (a guard against slow
        # conversions); nothing the journal stores comes near that.
        raise ValidationError("not valid JSON: a number has too many digits", where) from None
    except RecursionError:
        raise ValidationError("not valid JSON: nested too deeply", where) from None
    return validate_document(document)


def import_document(
    journal: Journal,
    document: dict[str, Any],
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Outcome[ImportSummary]:
    """Import a document of any readable version into an empty journal, all or nothing.

    Every view should reload afterwards, so the change published is ``Changes.everything()``.

    The document is validated again here, so callers that did not go through ``load_document``
    get the same guarantees. The starter skills seeded into every new journal are replaced by
    the document's, so skill ids and edits round-trip. A field an older document lacks takes its
    default (no aliases, follow-up not done, no attachments, no trade-off).
    """
    validate_document(document)
    written: list[Path] = []
    try:
        with journal.transaction() as session:
            _check_empty(session)
            written = _write_files(journal, document.get("attachments", []), cancelled)
            profile = {f.attr: from_json(f, document["profile"][f.key]) for f in PROFILE}
            document_rows.replace_profile_and_framework(session, profile)
            for done, collection in enumerate(COLLECTIONS):
                check_cancelled(cancelled, "import")
                progress(f"importing {collection.key.replace('_', ' ')}", done / len(COLLECTIONS))
                _import_collection(session, collection, document.get(collection.key, []))
            check_cancelled(cancelled, "import")
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    progress("imported", 1.0)
    return published(journal, ImportSummary.of(document), Changes.everything())


def _write_files(
    journal: Journal, records: list[dict[str, Any]], cancelled: CancelCheck
) -> list[Path]:
    """Write each embedded file the journal does not hold yet; returns the ones written."""
    written: list[Path] = []
    try:
        for record in records:
            check_cancelled(cancelled, "import")
            final = journal.attachments_dir / stored_name(record["sha256"], record["media_type"])
            if attachment_files.write_bytes(base64.b64decode(record["content"]), final):
                written.append(final)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def _import_collection(
    session: Session, collection: Collection, records: list[dict[str, Any]]
) -> None:
    rows = [_row(collection.columns, record) for record in records]
    document_rows.insert_rows(session, collection.key, rows)
    for link in collection.links:
        pairs = [(r["id"], t) for r in records for t in r.get(link.key, [])]
        document_rows.insert_links(session, collection.key, link.key, pairs)
    if collection.child:
        child = collection.child
        children = [
            (record["id"], _row(child.columns, item))
            for record in records
            for item in record[child.key]
        ]
        document_rows.insert_children(session, child.key, children)


def _row(columns: tuple[Field, ...], record: dict[str, Any]) -> dict[str, Any]:
    """Database values of a record; a field its version lacks takes the field's default."""
    return {f.attr: from_json(f, record[f.key]) if f.key in record else f.default for f in columns}


def _check_empty(session: Session) -> None:
    """Refuse a journal holding anything the user made: an import must never merge or overwrite."""
    if _holds_user_content(session):
        raise ValidationError(
            "the journal is not empty; import into a new --data-dir or restore a backup",
            "journal",
        )


def _holds_user_content(session: Session) -> bool:
    """Any user row, a filled-in profile, or skills other than the starter set (or part of it)."""
    if document_rows.holds_user_rows(session):
        return True
    if profile_repo.load(session) != ProfileRecord():
        return True
    starter_categories = {(name, position) for position, name in enumerate(STARTER_FRAMEWORK, 1)}
    starter_skills = {
        (skill.name, skill.description, category)
        for category, skills in STARTER_FRAMEWORK.items()
        for skill in skills
    }
    categories, skills = document_rows.skill_framework(session)
    return any(row not in starter_categories for row in categories) or any(
        row not in starter_skills for row in skills
    )
