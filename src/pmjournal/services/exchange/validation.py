"""Checking a pmjournal JSON document before anything is written, naming the bad field's path.

The validator checks what the database itself would refuse (types, missing keys, duplicate ids
and names, references to unknown records) plus the closed vocabularies the rest of the app relies
on, and reports the first problem as ``entries[3].date: '2026-02-30' is not a valid date``. It
does not re-apply editing rules such as "an entry needs some text": the document mirrors the
database, and every export must be importable again.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from pmjournal.domain.dates import parse_date
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.limits import check_field
from pmjournal.services.exchange.schema import (
    COLLECTIONS,
    FORMAT,
    PROFILE,
    READABLE,
    VERSION,
    Collection,
    Field,
    Kind,
    top_level,
    utc_timestamp,
)

_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
# The search index keys a row as ``id * 4 + kind`` in SQLite's signed 64-bit rowid.
_ID_MAX = 2**61 - 1
_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$", re.ASCII
)
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_QUOTE_LIMIT = 40
# SQLite's NOCASE folds ASCII letters only; uniqueness must be judged exactly as the database does.
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NOUNS = {c.key: c.noun for c in COLLECTIONS}


def validate_document(document: object) -> dict[str, Any]:
    """Check the whole document and return it; raise on the first problem, naming its path."""
    doc = _object(document, "document")
    version = _check_header(doc)
    keys = top_level(version)
    for key in doc:
        if key not in keys:
            raise ValidationError(
                f"unknown field (format version {version} has none)", _key_path("", key)
            )
    for key in keys:
        if key not in doc:
            raise ValidationError("missing", key)
    _text(doc["schema_revision"], "schema_revision")
    _record(doc["profile"], PROFILE, "profile", {})
    ids: dict[str, dict[int, str]] = {c.key: {} for c in COLLECTIONS}
    for collection in COLLECTIONS:
        if collection.since <= version:
            _collection(doc[collection.key], collection, collection.key, ids, version)
    return doc


def _check_header(doc: dict[str, Any]) -> int:
    """Format and version first: a newer document must be refused for its version, not its keys."""
    if doc.get("format") != FORMAT:
        found = f"format {_quoted(doc['format'])}" if "format" in doc else "no format field"
        raise ValidationError(f"not a pmjournal export ({found})", "format")
    version = doc.get("version")
    if type(version) is not int:
        raise ValidationError(f"expected a whole number, got {_describe(version)}", "version")
    if version > VERSION:
        raise ValidationError(
            f"this export is format version {version}; this pmjournal reads versions up to "
            f"{VERSION} (upgrade pmjournal to import it)",
            "version",
        )
    if version not in READABLE:
        readable = " or ".join(str(v) for v in READABLE)
        raise ValidationError(f"unknown format version {version} (expected {readable})", "version")
    return version


def _collection(
    value: object,
    collection: Collection,
    path: str,
    ids: dict[str, dict[int, str]],
    version: int,
) -> None:
    own = ids.setdefault(collection.key, {})
    names: dict[str, str] = {}
    for index, item in enumerate(_list(value, path)):
        where = f"{path}[{index}]"
        record = _record(item, collection.fields_of(version), where, ids, collection.child)
        if record["id"] in own:
            raise ValidationError(
                f"duplicate id {record['id']} (also {own[record['id']]})", f"{where}.id"
            )
        own[record["id"]] = where
        if collection.unique:
            name = record[collection.unique]
            folded = name.translate(_NOCASE)
            if folded in names:
                raise ValidationError(
                    f"{_quoted(name)} is already the name of {names[folded]} (names ignore case)",
                    f"{where}.{collection.unique}",
                )
            names[folded] = where
        if collection.rule:
            collection.rule(record, where)
        if collection.child:
            child = collection.child
            _collection(record[child.key], child, f"{where}.{child.key}", ids, version)


def _record(
    value: object,
    fields: tuple[Field, ...],
    path: str,
    ids: dict[str, dict[int, str]],
    child: Collection | None = None,
) -> dict[str, Any]:
    record = _object(value, path)
    known = {f.key for f in fields} | ({child.key} if child else set())
    for key in record:
        if key not in known:
            raise ValidationError("unknown field", _key_path(path, key))
    for field in fields:
        if field.key not in record:
            raise ValidationError("missing", f"{path}.{field.key}")
        _value(record[field.key], field, f"{path}.{field.key}", ids)
    if child and child.key not in record:
        raise ValidationError("missing", f"{path}.{child.key}")
    return record


def _value(value: object, field: Field, path: str, ids: dict[str, dict[int, str]]) -> None:
    if value is None:
        if not field.nullable:
            raise ValidationError("must not be null", path)
        return
    match field.kind:
        case Kind.ID:
            _id(value, path)
        case Kind.INT:
            _int(value, path)
        case Kind.FLOAT:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValidationError(f"expected a number, got {_describe(value)}", path)
            _finite(value, path)
        case Kind.BOOL:
            if type(value) is not bool:
                raise ValidationError(f"expected true or false, got {_describe(value)}", path)
        case Kind.STR:
            check_field(_text(value, path), path, field.key)
            if field.choices and value not in {m.value for m in field.choices}:
                allowed = ", ".join(m.value for m in field.choices)
                raise ValidationError(f"{_quoted(value)} is not one of: {allowed}", path)
        case Kind.STRS:
            for index, item in enumerate(_list(value, path)):
                check_field(_text(item, f"{path}[{index}]"), f"{path}[{index}]", field.key)
        case Kind.FILE:
            _text(value, path)
        case Kind.DATE:
            _date_text(value, path)
        case Kind.TIMESTAMP:
            _timestamp(value, path)
        case Kind.REF:
            _reference(value, field.target, path, ids)
        case Kind.REFS:
            seen: set[int] = set()
            for index, item in enumerate(_list(value, path)):
                _reference(item, field.target, f"{path}[{index}]", ids)
                if item in seen:
                    raise ValidationError(f"id {item} is listed twice", f"{path}[{index}]")
                seen.add(item)


def _reference(value: object, target: str, path: str, ids: dict[str, dict[int, str]]) -> None:
    _id(value, path)
    if value not in ids[target]:
        raise ValidationError(f"no {_NOUNS[target]} with id {value}", path)


def _object(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(f"expected an object, got {_describe(value)}", path)
    return value


def _list(value: object, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(f"expected a list, got {_describe(value)}", path)
    return value


def _id(value: object, path: str) -> None:
    if type(value) is not int or value < 1:
        raise ValidationError(f"expected a positive whole number id, got {_describe(value)}", path)
    if value > _ID_MAX:
        raise ValidationError(f"id {_quoted(value)} is too large (the largest is {_ID_MAX})", path)


def _finite(value: int | float, path: str) -> None:
    """Numbers are stored as 64-bit floats, which a whole number past ~1e308 cannot become."""
    try:
        finite = math.isfinite(value)
    except OverflowError:
        raise ValidationError(
            f"{_quoted(value)} is too large for a number (the limit is about 1e308)", path
        ) from None
    if not finite:
        raise ValidationError(f"{_quoted(value)} is not a finite number", path)


def _int(value: object, path: str) -> None:
    if type(value) is not int or not _INT_MIN <= value <= _INT_MAX:
        raise ValidationError(f"expected a whole number, got {_describe(value)}", path)


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"expected a string, got {_describe(value)}", path)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            "contains a lone surrogate escape (not valid Unicode)", path
        ) from None
    return value


def _date_text(value: object, path: str) -> None:
    parse_date(_text(value, path), path)


def _timestamp(value: object, path: str) -> None:
    text = _text(value, path)
    try:
        if not _TIMESTAMP.match(text):
            raise ValueError
        utc_timestamp(text)
    except ValueError:
        raise ValidationError(
            f"{_quoted(text)} is not a valid timestamp (expected YYYY-MM-DDTHH:MM:SS)", path
        ) from None
    except OverflowError:
        raise ValidationError(
            f"{_quoted(text)} falls outside the years 1 to 9999 in UTC", path
        ) from None


def _describe(value: object) -> str:
    """How a JSON value reads in a message: its type, and the value when it is short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the string {_quoted(value)}"
    if isinstance(value, int | float):
        return f"the number {_quoted(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _quoted(value: object) -> str:
    """A value for a one-line message: its repr (escaping newlines), shortened if long."""
    text = repr(value)
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…"


def _key_path(path: str, key: str) -> str:
    """``entries[0].title``, or ``entries[0]["odd key"]`` for a key that is not a plain name."""
    if _PLAIN_KEY.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"
