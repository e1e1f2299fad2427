"""a project's trade-off; indexes on the link tables' second column

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 04:00:00

A case study names a trade-off made or an alternative considered, so projects gain
``tradeoff`` (text, '' for the projects already written), searched with the other case-study
fields: the projects' search triggers are written again over the new text (by
``pmjournal.storage.search_triggers``, as 0003 wrote them) and every project is indexed anew.

The link tables are keyed by their first column, so "the entries of a project", "the entries
with a tag" and "the feedback on a project" scanned the whole table; each gains an index on its
second column. (Evidence, metrics and attachments already had theirs.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pmjournal.storage.search_triggers import Source, create_triggers, drop_triggers, lines_sql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# A project's indexed text as 0003 wrote it, and with the trade-off after the approach, where
# the editor and the case study show it.
FIELDS_0003 = (
    "summary",
    "context",
    "problem",
    "role",
    "approach",
    "outcome",
    "expected_result",
    "learnings",
)
FIELDS_0004 = (*FIELDS_0003[:5], "tradeoff", *FIELDS_0003[5:])

# (table, column): each gets ``ix_<table>_<column>``, the name the models' convention gives.
LINK_INDEXES = (
    ("entry_projects", "project_id"),
    ("entry_tags", "tag_id"),
    ("feedback_projects", "project_id"),
)


def _projects(fields: tuple[str, ...]) -> Source:
    return ("r.id * 4 + 2", "r.name", lines_sql(fields))


def _write_project_triggers(fields: tuple[str, ...]) -> None:
    for statement in [*drop_triggers("projects"), *create_triggers("projects", _projects(fields))]:
        op.execute(statement)


def upgrade() -> None:
    op.add_column(
        "projects",
        sa.Column("tradeoff", sa.Text(), server_default=sa.text("''"), nullable=False),
    )
    for table, column in LINK_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    _write_project_triggers(FIELDS_0004)


def downgrade() -> None:
    """Back to 0003: SQLite refuses to drop a column a trigger reads, so the triggers go
    first and come back over 0003's text."""
    for statement in drop_triggers("projects"):
        op.execute(statement)
    for table, column in reversed(LINK_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    op.drop_column("projects", "tradeoff")
    _write_project_triggers(FIELDS_0003)
