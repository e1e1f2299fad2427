"""ORM tables for every word in PRODUCT.md.

Enumerated fields are stored as their plain string values (see ``domain.vocab``) so the file
stays readable with any SQLite tool. Names the user looks things up by are NOCASE-unique.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pmjournal.domain.vocab import (
    ChangeDisplay,
    Direction,
    EntryKind,
    FeedbackKind,
    GoalStatus,
    ProjectStatus,
    Relationship,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NOCASE = "NOCASE"
EMPTY_LIST = sql_text("'[]'")
EMPTY_TEXT = sql_text("''")
FALSE = sql_text("0")


def one_of(column: str, vocabulary: type[StrEnum]) -> CheckConstraint:
    """The CHECK keeping ``column`` inside its closed vocabulary, named ``ck_<table>_<column>``."""
    allowed = ", ".join(repr(member.value) for member in vocabulary)
    return CheckConstraint(f"{column} IN ({allowed})", name=column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


entry_projects = Table(
    "entry_projects",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

entry_attachments = Table(
    "entry_attachments",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "attachment_id",
        ForeignKey("attachments.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

project_attachments = Table(
    "project_attachments",
    Base.metadata,
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "attachment_id",
        ForeignKey("attachments.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

feedback_projects = Table(
    "feedback_projects",
    Base.metadata,
    Column("feedback_id", ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Profile(Base):
    """The user; there is one row, id 1."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    headline: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    links: Mapped[list[str]] = mapped_column(JSON, default=list)


class Internship(Base):
    __tablename__ = "internships"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    team: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=EMPTY_LIST)

    projects: Mapped[list[Project]] = relationship(back_populates="internship")
    goals: Mapped[list[Goal]] = relationship(back_populates="internship")


class Project(TimestampMixin, Base):
    """A piece of work inside an internship; the unit of a case study."""

    __tablename__ = "projects"
    __table_args__ = (one_of("status", ProjectStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    internship_id: Mapped[int | None] = mapped_column(
        ForeignKey("internships.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200, collation=NOCASE), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(Text, default="")
    tradeoff: Mapped[str] = mapped_column(Text, default="", server_default=EMPTY_TEXT)
    outcome: Mapped[str] = mapped_column(Text, default="")
    expected_result: Mapped[str] = mapped_column(Text, default="")
    learnings: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=EMPTY_LIST)

    internship: Mapped[Internship | None] = relationship(back_populates="projects")
    entries: Mapped[list[Entry]] = relationship(
        secondary=entry_projects, back_populates="projects", order_by="Entry.date"
    )
    metrics: Mapped[list[Metric]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Metric.position"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Evidence.id"
    )
    feedback: Mapped[list[Feedback]] = relationship(
        secondary=feedback_projects, back_populates="projects", order_by="Feedback.date"
    )
    bullets: Mapped[list[ResumeBullet]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ResumeBullet.position"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        secondary=project_attachments, back_populates="projects", order_by="Attachment.id"
    )


class Entry(TimestampMixin, Base):
    """A dated journal note in Markdown."""

    __tablename__ = "entries"
    __table_args__ = (one_of("kind", EntryKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(10), default="daily")
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)

    projects: Mapped[list[Project]] = relationship(
        secondary=entry_projects, back_populates="entries", order_by="Project.name"
    )
    tags: Mapped[list[Tag]] = relationship(
        secondary=entry_tags, back_populates="entries", order_by="Tag.name"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="Evidence.id"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        secondary=entry_attachments, back_populates="entries", order_by="Attachment.id"
    )


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100, collation=NOCASE), unique=True)

    entries: Mapped[list[Entry]] = relationship(secondary=entry_tags, back_populates="tags")


class SkillCategory(Base):
    __tablename__ = "skill_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100, collation=NOCASE), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    skills: Mapped[list[Skill]] = relationship(back_populates="category", order_by="Skill.name")


class Skill(Base):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100, collation=NOCASE), unique=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill_categories.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    competency: Mapped[str | None] = mapped_column(String(100))

    category: Mapped[SkillCategory | None] = relationship(back_populates="skills")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="skill", cascade="all, delete-orphan", order_by="Evidence.id"
    )


class Evidence(Base):
    """A link from exactly one entry, project or feedback to a skill, with how it was practised."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint(
            "(entry_id IS NOT NULL) + (project_id IS NOT NULL) + (feedback_id IS NOT NULL) = 1",
            name="one_source",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skills.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    feedback_id: Mapped[int | None] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")

    skill: Mapped[Skill] = relationship(back_populates="evidence")
    entry: Mapped[Entry | None] = relationship(back_populates="evidence")
    project: Mapped[Project | None] = relationship(back_populates="evidence")
    feedback: Mapped[Feedback | None] = relationship(back_populates="evidence")


class Metric(Base):
    """A measured result of a project; the change is computed (``domain.metrics``), never stored."""

    __tablename__ = "metrics"
    __table_args__ = (one_of("better", Direction), one_of("change_display", ChangeDisplay))

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    baseline: Mapped[float | None] = mapped_column(Float)
    baseline_unit: Mapped[str | None] = mapped_column(String(30))
    result: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(30), default="")
    better: Mapped[str] = mapped_column(String(10), default="higher")
    measured_on: Mapped[date | None] = mapped_column(Date)
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    change_display: Mapped[str | None] = mapped_column(String(10))

    project: Mapped[Project] = relationship(back_populates="metrics")
    entry: Mapped[Entry | None] = relationship()


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (one_of("relationship", Relationship),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    relationship_kind: Mapped[str] = mapped_column("relationship", String(20), default="peer")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=EMPTY_LIST)

    feedback: Mapped[list[Feedback]] = relationship(back_populates="person")


class Feedback(TimestampMixin, Base):
    """What someone said, about which projects and skills, and what the user did about it."""

    __tablename__ = "feedback"
    __table_args__ = (one_of("relationship", Relationship), one_of("kind", FeedbackKind))

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    relationship_kind: Mapped[str] = mapped_column("relationship", String(20), default="peer")
    kind: Mapped[str] = mapped_column(String(20), default="praise")
    text: Mapped[str] = mapped_column(Text)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=FALSE)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person | None] = relationship(back_populates="feedback")
    projects: Mapped[list[Project]] = relationship(
        secondary=feedback_projects, back_populates="feedback", order_by="Project.name"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="feedback", cascade="all, delete-orphan", order_by="Evidence.id"
    )


class Goal(TimestampMixin, Base):
    __tablename__ = "goals"
    __table_args__ = (one_of("status", GoalStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    internship_id: Mapped[int | None] = mapped_column(
        ForeignKey("internships.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")

    internship: Mapped[Internship | None] = relationship(back_populates="goals")
    checkins: Mapped[list[GoalCheckin]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="GoalCheckin.date"
    )


class GoalCheckin(Base):
    __tablename__ = "goal_checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[int | None] = mapped_column(Integer)

    goal: Mapped[Goal] = relationship(back_populates="checkins")


class ResumeBullet(TimestampMixin, Base):
    """A résumé bullet the user edited; a pinned one replaces the generated bullet at its place."""

    __tablename__ = "resume_bullets"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    pinned: Mapped[bool] = mapped_column(Boolean, default=True)

    project: Mapped[Project] = relationship(back_populates="bullets")


class Attachment(Base):
    """A user's file, kept as ``attachments/<sha256>.<ext>``; one row per distinct content."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    entries: Mapped[list[Entry]] = relationship(
        secondary=entry_attachments, back_populates="attachments"
    )
    projects: Mapped[list[Project]] = relationship(
        secondary=project_attachments, back_populates="attachments"
    )
