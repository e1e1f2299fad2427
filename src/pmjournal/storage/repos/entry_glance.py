"""The newest entries read with ``sqlite3`` alone, for the desktop app's first paint.

Importing SQLAlchemy and the ORM models costs several times what a bare PySide6 window takes
to appear, so the window first shows the newest entries read here, on a read-only connection
that cannot change the file, and the journal is opened properly (migrations, backup, ORM)
right after. Anything unexpected (no file yet, another schema, a lock) gives ``None``: the
window then simply waits for the real open, which decides what to do.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from pmjournal.domain.records import EntryRecord
from pmjournal.storage.readonly import connect_read_only

_SEP = "\x1f"
# The same orders as the ORM relationships (projects and tags by name, skills by evidence id);
# SQLite 3.40 has no ORDER BY inside group_concat, so each list is built from an ordered subquery.
_QUERY = f"""
SELECT e.id, e.date, e.kind, e.title, e.body, e.created_at, e.updated_at,
  (SELECT group_concat(name, '{_SEP}') FROM (SELECT p.name FROM entry_projects AS ep
     JOIN projects AS p ON p.id = ep.project_id WHERE ep.entry_id = e.id ORDER BY p.name)),
  (SELECT group_concat(name, '{_SEP}') FROM (SELECT s.name FROM evidence AS v
     JOIN skills AS s ON s.id = v.skill_id WHERE v.entry_id = e.id ORDER BY v.id)),
  (SELECT group_concat(name, '{_SEP}') FROM (SELECT t.name FROM entry_tags AS et
     JOIN tags AS t ON t.id = et.tag_id WHERE et.entry_id = e.id ORDER BY t.name))
FROM entries AS e
ORDER BY e.date DESC, e.id DESC
LIMIT ?
"""


def _names(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(_SEP)) if joined else ()


def latest_entries(path: Path, limit: int) -> list[EntryRecord] | None:
    if not path.is_file():
        return None
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute(_QUERY, (limit,)).fetchall()
        return [
            EntryRecord(
                id=row[0],
                date=date.fromisoformat(row[1]),
                kind=row[2],
                title=row[3] or "",
                body=row[4] or "",
                created_at=datetime.fromisoformat(row[5]),
                updated_at=datetime.fromisoformat(row[6]),
                projects=_names(row[7]),
                skills=_names(row[8]),
                tags=_names(row[9]),
            )
            for row in rows
        ]
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
