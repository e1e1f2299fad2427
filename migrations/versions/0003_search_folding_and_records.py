"""search: letters folded as users type them; people, goals and metrics searchable

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 02:00:00

The FTS5 tokenizer folds accents but keeps ø, ł, æ, ß and đ as letters of their own, so
"Soren" missed "Søren". The index gains a third column, ``folded``: the title and body with
those letters transliterated (``pmjournal.storage.search.fold_table``, from Unidecode), filled
only where it differs from the text. People, goals and metrics join the index, under negative
rowids (``-(id * 4 + code)``), so the notes keep their rowids and id limits. The index is
rebuilt from the tables (every row touched, so the triggers are the one place that says what
the index holds), so nothing depends on what 0001/0002 had indexed.
"""

from __future__ import annotations

from alembic import op

from pmjournal.storage.search_triggers import (
    Source,
    create_triggers,
    drop_triggers,
    lines_sql,
)

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_PROJECT_FIELDS = (
    "summary",
    "context",
    "problem",
    "role",
    "approach",
    "outcome",
    "expected_result",
    "learnings",
)
SOURCES: dict[str, Source] = {
    "entries": ("r.id * 4 + 1", "r.title", "r.body"),
    "projects": ("r.id * 4 + 2", "r.name", lines_sql(_PROJECT_FIELDS)),
    "feedback": ("r.id * 4 + 3", "''", "r.text || char(10) || r.follow_up"),
    # A record's name leads its body too, so a hit on the name shows it marked in the snippet.
    "people": (
        "-(r.id * 4 + 1)",
        "r.name",
        "r.name || char(10) || r.title || char(10) || r.organisation || char(10) || r.notes",
    ),
    "goals": ("-(r.id * 4 + 2)", "r.title", "r.title || char(10) || r.description"),
    "metrics": (
        "-(r.id * 4 + 3)",
        "r.name",
        "r.name || char(10) || coalesce(r.unit, '') || char(10) || r.note",
    ),
}
OLD_TABLES = ("entries", "projects", "feedback")


def _drop_triggers(tables: tuple[str, ...]) -> None:
    for table in tables:
        for statement in drop_triggers(table):
            op.execute(statement)


def upgrade() -> None:
    _drop_triggers(OLD_TABLES)
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, folded, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, source in SOURCES.items():
        for statement in create_triggers(table, source):
            op.execute(statement)


def downgrade() -> None:
    """Back to 0002's index: two columns over entries, projects and feedback."""
    _drop_triggers(tuple(SOURCES))
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table in OLD_TABLES:
        rowid, title, body = SOURCES[table]
        new = [part.replace("r.", "new.") for part in (rowid, title, body)]
        old_rowid = rowid.replace("r.", "old.")
        insert = f"INSERT INTO search_index(rowid, title, body) VALUES ({', '.join(new)});"
        delete = f"DELETE FROM search_index WHERE rowid = {old_rowid};"
        op.execute(f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN {delete} END")
        op.execute(
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END"
        )
        op.execute(
            f"INSERT INTO search_index(rowid, title, body) "
            f"SELECT {rowid}, {title}, {body} FROM {table} AS r"
        )
