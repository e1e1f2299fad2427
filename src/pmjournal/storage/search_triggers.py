"""The SQL of the triggers that keep ``search_index`` in step with the tables it indexes.

Only migrations use it: 0003 writes the triggers of every indexed table, 0004 writes the
projects ones again when the trade-off joined a project's indexed text. Each migration passes
its sources as they were at its revision, so a later change to what the index holds adds a
revision and never changes what an earlier one did.
"""

from __future__ import annotations

from collections.abc import Iterable

from pmjournal.storage.search import fold_sql

Source = tuple[str, str, str]
"""(the index rowid, the title, the body) of one row, as SQL over the row alias ``r``."""

TRIGGER_EVENTS = ("ai", "ad", "au")


def lines_sql(columns: Iterable[str]) -> str:
    """The columns of row ``r`` as one text, a line each."""
    return " || char(10) || ".join(f"r.{column}" for column in columns)


def index_statements(source: Source, row: str) -> tuple[str, str]:
    """(the INSERT of row ``row`` into the index, the DELETE of it by rowid)."""
    rowid, title, body = (part.replace("r.", f"{row}.") for part in source)
    folded = fold_sql(f"({title} || char(10) || {body})")
    insert = (
        "INSERT INTO search_index(rowid, title, body, folded) "
        f"SELECT {rowid}, {title}, {body}, folded FROM ({folded});"
    )
    delete = f"DELETE FROM search_index WHERE rowid = {rowid};"
    return insert, delete


def drop_triggers(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_search_{when}" for when in TRIGGER_EVENTS]


def create_triggers(table: str, source: Source) -> list[str]:
    """The three triggers of ``table``, then an update that changes nothing, so every existing
    row is indexed by its own trigger (the triggers stay the one place that says what the
    index holds)."""
    insert, _ = index_statements(source, "new")
    _, delete = index_statements(source, "old")
    return [
        f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        f"UPDATE {table} SET id = id",
    ]
