"""The Markdown export: a file per entry and project, safe names, front matter any reader takes."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from journal_builder import (
    case_study,
    edit_internship,
    edit_project,
    evidence_of,
    internship,
    person,
    project,
    skill,
)

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.records import ProfileRecord
from pmjournal.domain.redaction import build_redactor
from pmjournal.domain.snapshot_views import CareerSnapshot, ProjectView
from pmjournal.services.exchange.markdown_export import (
    LeftOut,
    export_markdown,
    render_files,
    slugify,
)
from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import EntryDraft, add_entry

SAFE_PATH = re.compile(
    r"^(index|entries/\d{4}-\d{2}-\d{2}-\d+(-[a-z0-9-]+)?|projects/[a-z0-9-]+)\.md$"
)


def front_matter(text: str) -> dict[str, Any]:
    """Parse the front matter as JSON values, which is how it is written (JSON is YAML)."""
    assert text.startswith("---\n")
    block, _, _ = text[4:].partition("\n---\n")
    values = {}
    for line in block.split("\n"):
        key, _, value = line.partition(": ")
        values[key] = json.loads(value)
    return values


@pytest.fixture
def journal_with_work(journal: Journal) -> Journal:
    internship(journal, "Acme", "Product intern", date(2026, 6, 1))
    case_study(
        journal,
        "Checkout | Flow",
        internship="Acme",
        summary="Fewer people give up at payment.",
        problem="Drop-off at step 2",
        role="I ran the research.",
        status="shipped",
        metrics=[
            {"name": "Conversion", "baseline": 42, "result": 31, "unit": "%"},
            {"name": "Hidden", "result": 3, "confidential": True},
        ],
    )
    project(journal, "Secret merger", confidential=True, status="active")
    project(journal, "Con", status="planned")
    add_entry(
        journal,
        EntryDraft(
            text="Ran 5 interviews\n\nAdmins got stuck.",
            day=date(2026, 6, 9),
            title='Week 2: "SSO" \u2028 and Ünïcödé',
            projects=["Checkout | Flow"],
            skills=["User research"],
            tags=["discovery"],
        ),
    )
    add_entry(journal, EntryDraft(text="Only secret work", projects=["Secret merger"]))
    add_entry(journal, EntryDraft(text="😀 no title, no project", day=date(2026, 6, 10)))
    return journal


def test_one_file_per_visible_entry_and_project_plus_an_index(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    written = export_markdown(journal_with_work, out)
    files = sorted(str(p.relative_to(out).as_posix()) for p in out.rglob("*") if p.is_file())
    assert written == len(files) == 5
    assert files == [
        "entries/2026-06-09-1-week-2-sso-and-unicode.md",
        "entries/2026-06-10-3-no-title-no-project.md",
        "index.md",
        "projects/checkout-flow.md",
        "projects/con-3.md",
    ]
    assert all(SAFE_PATH.match(f) for f in files)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no staging left"


def test_entry_front_matter_and_body(journal_with_work: Journal, tmp_path: Path) -> None:
    out = tmp_path / "notes"
    export_markdown(journal_with_work, out)
    text = (out / "entries/2026-06-09-1-week-2-sso-and-unicode.md").read_text(encoding="utf-8")
    assert front_matter(text) == {
        "id": 1,
        "date": "2026-06-09",
        "kind": "daily",
        "title": 'Week 2: "SSO" \u2028 and Ünïcödé',
        "projects": ["Checkout | Flow"],
        "skills": ["User research"],
        "tags": ["discovery"],
    }
    assert "\u2028" not in text, "YAML reads U+2028 as a line break, so it is escaped"
    assert text.endswith("\n---\n\nRan 5 interviews\n\nAdmins got stuck.\n")


def test_project_page_has_sections_and_a_computed_metrics_table(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    skill(journal_with_work, "Payment design")
    evidence_of(journal_with_work, "Payment design", project="Checkout | Flow")
    out = tmp_path / "notes"
    export_markdown(journal_with_work, out)
    text = (out / "projects/checkout-flow.md").read_text(encoding="utf-8")
    front = front_matter(text)
    assert front["skills"] == ["Payment design"], "the project's own skills, not its entries'"
    assert front["name"] == "Checkout | Flow"
    assert front["internship"] == "Product intern, Acme"
    assert front["status"] == "shipped"
    assert "# Checkout | Flow\n\nFewer people give up at payment." in text
    assert "## Problem\n\nDrop-off at step 2" in text
    assert "## My role\n\nI ran the research." in text
    assert "## Context" not in text, "empty sections are left out"
    assert "| Conversion | 42% → 31% (−11 pts) |  |  |" in text
    assert "Hidden" not in text, "confidential metrics are left out"
    assert "(../entries/2026-06-09-1-week-2-sso-and-unicode.md)" in text


def test_confidential_projects_and_their_entries_are_left_out(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    export_markdown(journal_with_work, out)
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "Secret merger" not in everything
    assert "Only secret work" not in everything
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "Left out as confidential: 1 project(s) and 1 entry(ies)" in index
    assert "[Checkout | Flow](projects/checkout-flow.md) — shipped" in index


def test_an_entry_linked_to_a_public_and_a_confidential_project_is_left_out(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    add_entry(
        journal_with_work,
        EntryDraft(text="Shared work on both", projects=["Checkout | Flow", "Secret merger"]),
    )
    out = tmp_path / "notes"
    export_markdown(journal_with_work, out)
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "Shared work" not in everything
    assert not list(out.rglob("*shared*"))
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "Left out as confidential: 1 project(s) and 2 entry(ies) linked to them." in index


def test_confidential_names_are_replaced_in_public_text_and_file_names(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    person(journal_with_work, "Zed Quinn", relationship="mentor", confidential=True)
    learned = "Zed said the Secret merger team wants this too."
    edit_project(journal_with_work, "Checkout | Flow", learnings=learned)
    add_entry(
        journal_with_work,
        EntryDraft(
            title="Told Zed Quinn about Secret merger",
            text="secret merger slips a week; Zed agreed.",
            day=date(2026, 6, 11),
            projects=["Checkout | Flow"],
        ),
    )
    out = tmp_path / "notes"
    export_markdown(journal_with_work, out)
    names = re.compile("secret|merger|zed|quinn", re.IGNORECASE)
    for path in out.rglob("*"):
        assert not names.search(path.relative_to(out).as_posix()), path
        if path.is_file():
            assert not names.search(path.read_text(encoding="utf-8")), path
    entry = out / "entries/2026-06-11-4-told-my-mentor-about-a-confidential-project.md"
    text = entry.read_text(encoding="utf-8")
    assert front_matter(text)["title"] == "Told my mentor about a confidential project"
    assert text.endswith("A confidential project slips a week; my mentor agreed.\n")
    project = (out / "projects/checkout-flow.md").read_text(encoding="utf-8")
    assert "My mentor said" in project and "confidential project team wants this" in project


def test_confidential_names_are_replaced_in_tags_skills_and_internships(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    skill(journal_with_work, "Secret merger due diligence")
    edit_internship(journal_with_work, "Acme", title="Intern on Secret merger")
    add_entry(
        journal_with_work,
        EntryDraft(
            text="Public work",
            projects=["Checkout | Flow"],
            skills=["Secret merger due diligence"],
            tags=["Secret merger"],
        ),
    )
    out = tmp_path / "notes"
    export_markdown(journal_with_work, out)
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "Secret merger" not in everything


def test_an_existing_empty_folder_is_used_and_a_non_empty_one_refused(
    journal_with_work: Journal, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export_markdown(journal_with_work, empty) == 5
    with pytest.raises(ValidationError, match="not empty") as raised:
        export_markdown(journal_with_work, empty)
    assert raised.value.field == "out"
    a_file = tmp_path / "file.md"
    a_file.write_text("x")
    with pytest.raises(ValidationError, match="is a file"):
        export_markdown(journal_with_work, a_file)
    assert a_file.read_text() == "x"


def test_an_empty_journal_gives_just_the_index(journal: Journal, tmp_path: Path) -> None:
    assert export_markdown(journal, tmp_path / "notes") == 1
    assert (tmp_path / "notes" / "index.md").read_text(encoding="utf-8") == "# Journal\n"


def test_slugs_are_ascii_words() -> None:
    assert slugify("Crème brûlée: A/B test #2!") == "creme-brulee-a-b-test-2"
    assert slugify("שלום 😀") == ""
    assert len(slugify("word " * 40)) <= 60


def public_project(project_id: int, name: str) -> ProjectView:
    """A bare public project as the snapshot hands it over."""
    sections = ("summary", "context", "problem", "role", "approach", "outcome", "expected_result")
    return ProjectView(
        id=project_id,
        name=name,
        **dict.fromkeys((*sections, "tradeoff", "learnings"), ""),
        status="active",
        start_date=None,
        end_date=None,
        internship=None,
        metrics=(),
        evidence=(),
        feedback=(),
        entries=(),
        bullet_edits=(),
    )


@settings(max_examples=30, deadline=None)
@given(names=st.lists(st.text(min_size=1, max_size=30), max_size=8, unique_by=str.lower))
def test_project_files_never_collide_and_are_safe(names: list[str]) -> None:
    snapshot = CareerSnapshot(
        profile=ProfileRecord(),
        internships=(),
        projects=tuple(public_project(i, name) for i, name in enumerate(names, start=1)),
        skills=(),
        feedback=(),
        entries=(),
        redacted=False,
        redactor=build_redactor((), (), ()),
    )
    files = render_files(snapshot, LeftOut(projects=0, entries=0))
    assert len(files) == len(names) + 1
    assert all(SAFE_PATH.match(path) for path in files)
    reserved = {"con", "prn", "aux", "nul", "com1", "lpt1"}
    assert not {Path(path).stem for path in files} & reserved
