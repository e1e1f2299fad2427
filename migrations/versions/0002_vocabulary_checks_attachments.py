"""vocabulary CHECK constraints, feedback follow-up, aliases, competency, attachments

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 01:00:00

Journals written by 0001 had no CHECK on their vocabulary columns, so a row may hold a value
the app never offered (typed in by hand with an SQLite tool, or by a bug). Adding the CHECK
must not fail the upgrade, and must not drop the row, so before the constraints are added each
value is mended: first spelled as the vocabulary spells it (``" Mentor "`` becomes
``"mentor"``), then anything still unknown becomes the safe default of ``UNKNOWN_BECOMES``
(``docs/format.md``, "Upgrading a journal"). The SQLite table rebuild drops the search triggers
of the rebuilt tables, so they are created again, as 0001 wrote them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The vocabularies as they were when 0002 was written; later edits to domain.vocab need a new
# revision, not a change here.
VOCABULARY: dict[tuple[str, str], tuple[str, ...]] = {
    ("entries", "kind"): ("daily", "weekly"),
    ("projects", "status"): ("planned", "active", "shipped", "paused", "cancelled"),
    ("goals", "status"): ("open", "in_progress", "achieved", "dropped"),
    ("people", "relationship"): ("mentor", "manager", "peer", "user", "stakeholder", "other"),
    ("feedback", "relationship"): ("mentor", "manager", "peer", "user", "stakeholder", "other"),
    ("feedback", "kind"): ("praise", "constructive", "suggestion"),
    ("metrics", "better"): ("higher", "lower"),
}

# What a value outside its vocabulary becomes: the value that claims the least.
UNKNOWN_BECOMES: dict[tuple[str, str], str] = {
    ("entries", "kind"): "daily",
    ("projects", "status"): "active",
    ("goals", "status"): "open",
    ("people", "relationship"): "other",
    ("feedback", "relationship"): "other",
    ("feedback", "kind"): "suggestion",
    ("metrics", "better"): "higher",
}

CHANGE_DISPLAY = ("percent", "difference", "none")

ALIASES_DEFAULT = sa.text("'[]'")


def kept_on_rebuild(table: str) -> list[sa.Column[str]]:
    """Reflection does not see a column's collation, so a rebuilt table would lose it: the
    columns whose definition must survive a rebuild as it is (new objects for each rebuild)."""
    if table == "projects":
        return [sa.Column("name", sa.String(length=200, collation="NOCASE"), nullable=False)]
    return []


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def mend_vocabulary() -> None:
    for (table, column), values in VOCABULARY.items():
        allowed = ", ".join(repr(v) for v in values)
        op.execute(
            f"UPDATE {table} SET {column} = lower(trim({column})) "
            f"WHERE {column} NOT IN ({allowed}) AND lower(trim({column})) IN ({allowed})"
        )
        op.execute(
            f"UPDATE {table} SET {column} = {UNKNOWN_BECOMES[(table, column)]!r} "
            f"WHERE {column} IS NULL OR {column} NOT IN ({allowed})"
        )


def upgrade() -> None:
    mend_vocabulary()
    checks = {
        table: [(column, values) for (t, column), values in VOCABULARY.items() if t == table]
        for table, _ in VOCABULARY
    }
    for table, columns in checks.items():
        with op.batch_alter_table(
            table, schema=None, reflect_args=kept_on_rebuild(table)
        ) as batch_op:
            for column, values in columns:
                batch_op.create_check_constraint(op.f(f"ck_{table}_{column}"), _in(column, values))
            if table in ("projects", "people"):
                batch_op.add_column(
                    sa.Column("aliases", sa.JSON(), server_default=ALIASES_DEFAULT, nullable=False)
                )
            if table == "feedback":
                batch_op.add_column(
                    sa.Column(
                        "follow_up_done",
                        sa.Boolean(),
                        server_default=sa.text("0"),
                        nullable=False,
                    )
                )
                batch_op.add_column(sa.Column("follow_up_on", sa.Date(), nullable=True))
            if table == "metrics":
                batch_op.add_column(sa.Column("change_display", sa.String(10), nullable=True))
                batch_op.create_check_constraint(
                    op.f("ck_metrics_change_display"), _in("change_display", CHANGE_DISPLAY)
                )
    with op.batch_alter_table("internships", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("aliases", sa.JSON(), server_default=ALIASES_DEFAULT, nullable=False)
        )
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.add_column(sa.Column("competency", sa.String(100), nullable=True))

    create_attachments()
    create_search_triggers()


def create_attachments() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("sha256", name=op.f("uq_attachments_sha256")),
    )
    for owner, table in (("entry", "entries"), ("project", "projects")):
        link = f"{owner}_attachments"
        op.create_table(
            link,
            sa.Column(f"{owner}_id", sa.Integer(), nullable=False),
            sa.Column("attachment_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                [f"{owner}_id"],
                [f"{table}.id"],
                name=op.f(f"fk_{link}_{owner}_id_{table}"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                ["attachment_id"],
                ["attachments.id"],
                name=op.f(f"fk_{link}_attachment_id_attachments"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint(f"{owner}_id", "attachment_id", name=op.f(f"pk_{link}")),
        )
        with op.batch_alter_table(link, schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f(f"ix_{link}_attachment_id"), ["attachment_id"], unique=False
            )


def create_search_triggers() -> None:
    """The triggers of 0001's ``create_search_index``, which the table rebuilds dropped."""
    sources = {
        "entries": (1, "new.title", "new.body"),
        "projects": (
            2,
            "new.name",
            " || char(10) || ".join(
                f"new.{column}"
                for column in (
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
        ),
        "feedback": (3, "''", "new.text || char(10) || new.follow_up"),
    }
    for table, (code, title, body) in sources.items():
        insert = (
            f"INSERT INTO search_index(rowid, title, body) VALUES (new.id * 4 + {code}, "
            f"{title}, {body});"
        )
        delete = f"DELETE FROM search_index WHERE rowid = old.id * 4 + {code};"
        for when, event, statements in (
            ("ai", "INSERT", insert),
            ("ad", "DELETE", delete),
            ("au", "UPDATE", f"{delete} {insert}"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{when}")
            op.execute(
                f"CREATE TRIGGER {table}_search_{when} AFTER {event} ON {table} "
                f"BEGIN {statements} END"
            )


def downgrade() -> None:
    for link in ("project_attachments", "entry_attachments"):
        with op.batch_alter_table(link, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{link}_attachment_id"))
        op.drop_table(link)
    op.drop_table("attachments")
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_column("competency")
    with op.batch_alter_table("internships", schema=None) as batch_op:
        batch_op.drop_column("aliases")
    for (table, column), _ in reversed(VOCABULARY.items()):
        with op.batch_alter_table(
            table, schema=None, reflect_args=kept_on_rebuild(table)
        ) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_metrics_change_display"), type_="check")
        batch_op.drop_column("change_display")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_column("follow_up_on")
        batch_op.drop_column("follow_up_done")
    for table in ("people", "projects"):
        with op.batch_alter_table(
            table, schema=None, reflect_args=kept_on_rebuild(table)
        ) as batch_op:
            batch_op.drop_column("aliases")
    create_search_triggers()
