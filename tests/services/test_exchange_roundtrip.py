"""The round-trip property: export, import into an empty journal, export again, the same bytes.

Hypothesis builds random journals through the ORM: any Unicode text (emoji, right-to-left,
newlines, NUL), optional fields left empty, names that differ only in case outside ASCII,
links between every kind of record, metrics without baselines and with extreme floats, and
deleted rows that leave gaps in the ids.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from pmjournal.domain.vocab import (
    Direction,
    EntryKind,
    FeedbackKind,
    GoalStatus,
    ProjectStatus,
    Relationship,
)
from pmjournal.services.exchange.json_exchange import (
    build_document,
    import_document,
    load_document,
    write_document,
)
from pmjournal.storage import models
from pmjournal.storage.database import DB_FILENAME, Journal, open_journal

AWKWARD = [
    "",
    " padded ",
    "emoji 😀👩🏽‍💻🇵🇹",
    "שלום עולם",
    "مرحبا بالعالم",
    "line one\nline two\r\nthree",
    "nul\x00inside",
    "separator\u2028here",
    "Äpfel",
    "äpfel",
    '"quoted" \\ back',
]
TEXT = st.one_of(st.text(max_size=30), st.sampled_from(AWKWARD))
NAME = st.one_of(st.text(min_size=1, max_size=20), st.sampled_from(AWKWARD))
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
MOMENTS = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1))
FLOATS = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
BIG_INTS = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def _fold(name: str) -> str:
    """SQLite's NOCASE: only ASCII letters fold."""
    return name.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def _choice(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty journal file, migrated once; every example copies it."""
    folder = tmp_path_factory.mktemp("template")
    open_journal(folder, auto_backup=False).close()
    return folder / DB_FILENAME


class Journals:
    """Fresh journals copied from the template, in one temporary folder per example.

    A context manager rather than a fixture: function-scoped fixtures are not reset between
    the examples of one ``@given`` test.
    """

    def __init__(self, template: Path) -> None:
        self.template = template
        self.folder = Path(tempfile.mkdtemp(prefix="pmj-roundtrip-"))
        self.opened: list[Journal] = []

    def new(self, name: str) -> Journal:
        folder = self.folder / name
        folder.mkdir()
        shutil.copy2(self.template, folder / DB_FILENAME)
        self.opened.append(open_journal(folder, auto_backup=False))
        return self.opened[-1]

    def __enter__(self) -> Journals:
        return self

    def __exit__(self, *_exc: object) -> None:
        for journal in self.opened:
            journal.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _unique_names(draw: st.DataObject, taken: set[str], max_size: int) -> list[str]:
    names = draw.draw(st.lists(NAME, max_size=max_size, unique_by=_fold))
    fresh = [n for n in names if _fold(n) not in taken]
    taken.update(_fold(n) for n in fresh)
    return fresh


def _maybe(draw: st.DataObject, items: list[Any]) -> Any:
    return draw.draw(st.sampled_from([None, *items])) if items else None


def _some(draw: st.DataObject, items: list[Any]) -> list[Any]:
    if not items:
        return []
    return draw.draw(st.lists(st.sampled_from(items), unique_by=id, max_size=3))


# Through the ORM, not the services: the property covers every state an imported document can
# hold (set timestamps and positions, NUL in text, deleted rows), which no service writes.
def build_random_journal(session: Session, draw: st.DataObject) -> None:
    if draw.draw(st.booleans()):
        links = draw.draw(st.lists(TEXT, max_size=3))
        fields = {k: draw.draw(TEXT) for k in ("name", "headline", "email", "phone", "location")}
        session.add(models.Profile(id=1, summary=draw.draw(TEXT), links=links, **fields))

    categories = list(session.scalars(select(models.SkillCategory)))
    skills = list(session.scalars(select(models.Skill)))
    taken = {_fold(c.name) for c in categories}
    for name in _unique_names(draw, taken, 2):
        categories.append(models.SkillCategory(name=name, position=draw.draw(BIG_INTS)))
    taken = {_fold(s.name) for s in skills}
    for name in _unique_names(draw, taken, 3):
        category = _maybe(draw, categories)
        skills.append(models.Skill(name=name, category=category, description=draw.draw(TEXT)))
    for skill in draw.draw(st.lists(st.sampled_from(skills), unique_by=id, max_size=2)):
        skill.description = draw.draw(TEXT)
    session.add_all([*categories, *skills])

    internships = [
        models.Internship(
            organisation=draw.draw(TEXT),
            title=draw.draw(TEXT),
            team=draw.draw(TEXT),
            location=draw.draw(TEXT),
            start_date=draw.draw(DATES),
            end_date=draw.draw(st.none() | DATES),
            description=draw.draw(TEXT),
        )
        for _ in range(draw.draw(st.integers(0, 2)))
    ]
    projects = [
        models.Project(
            name=name,
            internship=_maybe(draw, internships),
            **{k: draw.draw(TEXT) for k in ("summary", "context", "problem", "role")},
            **{k: draw.draw(TEXT) for k in ("approach", "tradeoff", "outcome")},
            **{k: draw.draw(TEXT) for k in ("expected_result", "learnings")},
            status=draw.draw(_choice(ProjectStatus)),
            start_date=draw.draw(st.none() | DATES),
            end_date=draw.draw(st.none() | DATES),
            confidential=draw.draw(st.booleans()),
            created_at=draw.draw(MOMENTS),
            updated_at=draw.draw(MOMENTS),
        )
        for name in _unique_names(draw, set(), 4)
    ]
    tags = [models.Tag(name=name) for name in _unique_names(draw, set(), 3)]
    entries = [
        models.Entry(
            date=draw.draw(DATES),
            kind=draw.draw(_choice(EntryKind)),
            title=draw.draw(TEXT),
            body=draw.draw(st.text(max_size=200) | st.sampled_from(AWKWARD)),
            projects=_some(draw, projects),
            tags=_some(draw, tags),
        )
        for _ in range(draw.draw(st.integers(0, 5)))
    ]
    people = [
        models.Person(
            name=draw.draw(TEXT),
            title=draw.draw(TEXT),
            organisation=draw.draw(TEXT),
            relationship_kind=draw.draw(_choice(Relationship)),
            email=draw.draw(TEXT),
            notes=draw.draw(TEXT),
            confidential=draw.draw(st.booleans()),
        )
        for _ in range(draw.draw(st.integers(0, 2)))
    ]
    feedback = [
        models.Feedback(
            date=draw.draw(DATES),
            person=_maybe(draw, people),
            relationship_kind=draw.draw(_choice(Relationship)),
            kind=draw.draw(_choice(FeedbackKind)),
            text=draw.draw(TEXT),
            follow_up=draw.draw(TEXT),
            projects=_some(draw, projects),
            confidential=draw.draw(st.booleans()),
        )
        for _ in range(draw.draw(st.integers(0, 3)))
    ]
    session.add_all([*tags, *projects, *entries, *feedback, *people, *internships])
    session.flush()

    sources = (
        [("entry", e) for e in entries]
        + [("project", p) for p in projects]
        + [("feedback", f) for f in feedback]
    )
    for _ in range(draw.draw(st.integers(0, 4)) if sources else 0):
        kind, source = draw.draw(st.sampled_from(sources))
        skill = draw.draw(st.sampled_from(skills))
        session.add(models.Evidence(skill=skill, note=draw.draw(TEXT), **{kind: source}))
    for _ in range(draw.draw(st.integers(0, 4)) if projects else 0):
        entry = _maybe(draw, entries)
        session.add(
            models.Metric(
                project=draw.draw(st.sampled_from(projects)),
                name=draw.draw(TEXT),
                baseline=draw.draw(FLOATS),
                baseline_unit=draw.draw(st.none() | TEXT),
                result=draw.draw(FLOATS),
                unit=draw.draw(TEXT),
                better=draw.draw(_choice(Direction)),
                measured_on=draw.draw(st.none() | DATES),
                entry_id=entry.id if entry else None,
                note=draw.draw(TEXT),
                position=draw.draw(BIG_INTS),
                confidential=draw.draw(st.booleans()),
            )
        )
    for _ in range(draw.draw(st.integers(0, 2))):
        checkins = [
            models.GoalCheckin(
                date=draw.draw(DATES),
                note=draw.draw(TEXT),
                progress=draw.draw(st.none() | BIG_INTS),
            )
            for _ in range(draw.draw(st.integers(0, 2)))
        ]
        session.add(
            models.Goal(
                internship=_maybe(draw, internships),
                title=draw.draw(TEXT),
                description=draw.draw(TEXT),
                target_date=draw.draw(st.none() | DATES),
                status=draw.draw(_choice(GoalStatus)),
                checkins=checkins,
            )
        )
    for _ in range(draw.draw(st.integers(0, 3)) if projects else 0):
        session.add(
            models.ResumeBullet(
                project=draw.draw(st.sampled_from(projects)),
                position=draw.draw(BIG_INTS),
                text=draw.draw(TEXT),
                pinned=draw.draw(st.booleans()),
            )
        )
    session.flush()
    for record in _some(draw, [*entries, *skills, *tags, *people]):
        session.delete(record)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_export_import_export_gives_the_same_document(template: Path, data: st.DataObject) -> None:
    with Journals(template) as made:
        source = made.new("source")
        with source.transaction() as session:
            build_random_journal(session, data)
        first, second = made.folder / "first.json", made.folder / "second.json"
        write_document(build_document(source), first)
        target = made.new("target")
        import_document(target, load_document(first))
        write_document(build_document(target), second)

        assert second.read_bytes() == first.read_bytes()
