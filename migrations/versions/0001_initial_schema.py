"""initial schema: every table, the full-text index and the starter skill framework

Revision ID: 0001
Revises:
Create Date: 2026-11-24 07:56:24.463078
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The starter framework as it was when 0001 was written; later edits to
# domain.skill_framework must not change what this revision seeds.
STARTER_FRAMEWORK: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Strategy & discovery",
        (
            ("Market research", "Sizing a market, reading trends, finding where to play."),
            ("Competitive analysis", "Comparing alternatives and positioning against them."),
            ("User research", "Interviews, surveys and usability tests that change a plan."),
            ("Customer-centric thinking", "Starting from the user's problem, not the feature."),
            ("Product vision", "Saying where the product should go and why."),
        ),
    ),
    (
        "Execution",
        (
            ("Roadmapping", "Sequencing work into a plan others can follow."),
            ("Prioritisation", "Choosing what not to do, with a reason."),
            ("Project management", "Scope, timeline, risks and follow-through."),
            ("Writing specs", "Requirements and acceptance criteria engineers can build from."),
            ("Experimentation", "A/B tests and launches designed to learn something."),
        ),
    ),
    (
        "Analytical",
        (
            ("Analytical thinking", "Breaking a vague question into measurable parts."),
            ("Data analysis", "SQL, spreadsheets and dashboards that answer a question."),
            ("Problem-solving", "Finding the cause, weighing options, picking one."),
            ("Metrics definition", "Choosing the number that shows success."),
        ),
    ),
    (
        "People",
        (
            ("Communication", "Clear writing and speaking for the audience at hand."),
            ("Stakeholder management", "Aligning people with different goals."),
            ("Cross-functional collaboration", "Working with engineering, design, sales."),
            ("Leadership without authority", "Getting things done through influence."),
            ("Presenting", "Demos, readouts and reviews in front of a room."),
        ),
    ),
    (
        "Technical",
        (
            ("Technical understanding", "Enough of the system to make sound trade-offs."),
            ("Prototyping", "Mock-ups and prototypes that test an idea quickly."),
        ),
    ),
)


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entries_date"), ["date"], unique=False)

    op.create_table(
        "internships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internships")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("headline", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "skill_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="NOCASE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_categories")),
        sa.UniqueConstraint("name", name=op.f("uq_skill_categories_name")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_entry_tags_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_entry_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name=op.f("pk_entry_tags")),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_feedback_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_person_id"), ["person_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("internship_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["internship_id"],
            ["internships.id"],
            name=op.f("fk_goals_internship_id_internships"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_internship_id"), ["internship_id"], unique=False)

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("internship_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200, collation="NOCASE"), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("approach", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("expected_result", sa.Text(), nullable=False),
        sa.Column("learnings", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["internship_id"],
            ["internships.id"],
            name=op.f("fk_projects_internship_id_internships"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("name", name=op.f("uq_projects_name")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_projects_internship_id"), ["internship_id"], unique=False
        )

    op.create_table(
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="NOCASE"), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["skill_categories.id"],
            name=op.f("fk_skills_category_id_skill_categories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("name", name=op.f("uq_skills_name")),
    )
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skills_category_id"), ["category_id"], unique=False)

    op.create_table(
        "entry_projects",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_entry_projects_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_entry_projects_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "project_id", name=op.f("pk_entry_projects")),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("feedback_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "(entry_id IS NOT NULL) + (project_id IS NOT NULL) + (feedback_id IS NOT NULL) = 1",
            name=op.f("ck_evidence_one_source"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_evidence_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.id"],
            name=op.f("fk_evidence_feedback_id_feedback"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_evidence_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_evidence_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_feedback_id"), ["feedback_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_skill_id"), ["skill_id"], unique=False)

    op.create_table(
        "feedback_projects",
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.id"],
            name=op.f("fk_feedback_projects_feedback_id_feedback"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_feedback_projects_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("feedback_id", "project_id", name=op.f("pk_feedback_projects")),
    )
    op.create_table(
        "goal_checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_goal_checkins_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_checkins")),
    )
    with op.batch_alter_table("goal_checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_checkins_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "metrics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("baseline_unit", sa.String(length=30), nullable=True),
        sa.Column("result", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("better", sa.String(length=10), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_metrics_entry_id_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_metrics_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metrics")),
    )
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metrics_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_metrics_project_id"), ["project_id"], unique=False)

    op.create_table(
        "resume_bullets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_resume_bullets_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resume_bullets")),
    )
    with op.batch_alter_table("resume_bullets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resume_bullets_project_id"), ["project_id"], unique=False
        )

    create_search_index()
    seed_skill_framework()


def create_search_index() -> None:
    """FTS5 index over entries, projects and feedback, kept in step by triggers.

    rowid = source id * 4 + kind code (1 entry, 2 project, 3 feedback), so updates and deletes
    touch one row by key instead of scanning the index.
    """
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
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
        op.execute(f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN {delete} END")
        op.execute(
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END"
        )


def seed_skill_framework() -> None:
    categories = sa.table(
        "skill_categories", sa.column("id"), sa.column("name"), sa.column("position")
    )
    skills = sa.table(
        "skills", sa.column("name"), sa.column("category_id"), sa.column("description")
    )
    for position, (category, members) in enumerate(STARTER_FRAMEWORK, start=1):
        op.bulk_insert(categories, [{"id": position, "name": category, "position": position}])
        op.bulk_insert(
            skills,
            [
                {"name": name, "category_id": position, "description": description}
                for name, description in members
            ],
        )


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    op.drop_table("resume_bullets")
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metrics_project_id"))
        batch_op.drop_index(batch_op.f("ix_metrics_entry_id"))

    op.drop_table("metrics")
    with op.batch_alter_table("goal_checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_checkins_goal_id"))

    op.drop_table("goal_checkins")
    op.drop_table("feedback_projects")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_skill_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_project_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_feedback_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_entry_id"))

    op.drop_table("evidence")
    op.drop_table("entry_projects")
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skills_category_id"))

    op.drop_table("skills")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_internship_id"))

    op.drop_table("projects")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_internship_id"))

    op.drop_table("goals")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_person_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_date"))

    op.drop_table("feedback")
    op.drop_table("entry_tags")
    op.drop_table("tags")
    op.drop_table("skill_categories")
    op.drop_table("profile")
    op.drop_table("people")
    op.drop_table("internships")
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entries_date"))

    op.drop_table("entries")
    # ### end Alembic commands ###
