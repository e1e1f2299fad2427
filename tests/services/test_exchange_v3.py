"""Format version 3: a project's trade-off travels in the JSON document (byte for byte on the
round trip), older documents import without one, and the Markdown export shows it as a section
between the approach and the outcome, redacted like the rest of the case study."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.exchange.json_exchange import (
    build_document,
    import_document,
    load_document,
    write_document,
)
from pmjournal.services.exchange.markdown_export import export_markdown
from pmjournal.services.records.people import add_person
from pmjournal.services.records.projects import add_project, find_project
from pmjournal.storage.database import Journal, open_journal

TRADEOFF = "I chose a checklist over a product tour 😀: Ünïcode admins come back to it."


@pytest.fixture
def filled(journal: Journal) -> Journal:
    add_person(journal, PersonDraft("Zed Quinn", relationship="mentor", confidential=True))
    add_project(journal, ProjectDraft("Falcon", confidential=True, tradeoff="Kept secret"))
    add_project(
        journal,
        ProjectDraft(
            "Onboarding checklist",
            approach="Five interviews, then a prototype.",
            tradeoff=TRADEOFF + "\n\nZed Quinn preferred waiting for Falcon.",
            outcome="Activation rose.",
        ),
    )
    return journal


@pytest.fixture
def fresh(tmp_path: Path) -> Any:
    opened: list[Journal] = []

    def make() -> Journal:
        journal = open_journal(tmp_path / f"fresh{len(opened)}", auto_backup=False)
        opened.append(journal)
        return journal

    yield make
    for journal in opened:
        journal.close()


def test_the_document_is_version_3_with_the_tradeoff_last_in_each_project(
    filled: Journal,
) -> None:
    document = build_document(filled)
    assert document["version"] == 3
    public = next(p for p in document["projects"] if p["name"] == "Onboarding checklist")
    assert public["tradeoff"].startswith(TRADEOFF)
    assert list(public)[-1] == "tradeoff"
    secret = next(p for p in document["projects"] if p["name"] == "Falcon")
    assert secret["tradeoff"] == "Kept secret", "the JSON export is a full backup"


def test_export_import_export_is_byte_identical_with_a_tradeoff(
    filled: Journal, fresh: Any, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    write_document(build_document(filled), first)
    target = fresh()
    import_document(target, load_document(first))
    second = tmp_path / "second.json"
    write_document(build_document(target), second)
    assert second.read_bytes() == first.read_bytes()
    assert find_project(target, "Onboarding checklist").tradeoff.startswith(TRADEOFF)


def as_version(document: dict[str, Any], version: int) -> dict[str, Any]:
    old = copy.deepcopy(document)
    old["version"] = version
    for project in old["projects"]:
        del project["tradeoff"]
    return old


def test_a_version_2_document_imports_without_a_tradeoff(filled: Journal, fresh: Any) -> None:
    target = fresh()
    import_document(target, as_version(build_document(filled), 2))
    assert find_project(target, "Onboarding checklist").tradeoff == ""
    assert find_project(target, "Onboarding checklist").approach.startswith("Five interviews")
    again = build_document(target)
    assert again["version"] == 3
    assert [p["tradeoff"] for p in again["projects"]] == ["", ""]


def test_a_version_2_document_holding_a_tradeoff_is_refused(filled: Journal, fresh: Any) -> None:
    old = as_version(build_document(filled), 2)
    old["projects"][1]["tradeoff"] = "typed in by hand"
    with pytest.raises(ValidationError, match="unknown field") as raised:
        import_document(fresh(), old)
    assert raised.value.field == "projects[1].tradeoff"


def test_a_version_3_document_must_hold_the_tradeoff(filled: Journal, fresh: Any) -> None:
    document = build_document(filled)
    del document["projects"][0]["tradeoff"]
    with pytest.raises(ValidationError, match="missing") as raised:
        import_document(fresh(), document)
    assert raised.value.field == "projects[0].tradeoff"


def test_a_tradeoff_over_its_cap_is_refused_on_import(filled: Journal, fresh: Any) -> None:
    document = build_document(filled)
    document["projects"][0]["tradeoff"] = "x" * 100_001
    with pytest.raises(ValidationError, match="100,000") as raised:
        import_document(fresh(), document)
    assert raised.value.field == "projects[0].tradeoff"


def test_the_markdown_export_shows_the_tradeoff_between_approach_and_outcome(
    filled: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    export_markdown(filled, out)
    assert [p.name for p in (out / "projects").iterdir()] == ["onboarding-checklist.md"]
    page = (out / "projects" / "onboarding-checklist.md").read_text(encoding="utf-8")
    approach = page.index("## Approach\n\nFive interviews")
    tradeoff = page.index(f"## Trade-offs and alternatives\n\n{TRADEOFF}")
    assert approach < tradeoff < page.index("## Outcome\n\nActivation rose.")
    assert "My mentor preferred waiting for a confidential project." in page
    assert "Zed" not in page and "Falcon" not in page and "Kept secret" not in page


def test_the_markdown_export_has_no_tradeoff_section_when_it_is_empty(
    journal: Journal, tmp_path: Path
) -> None:
    add_project(journal, ProjectDraft("Plain", approach="Interviews"))
    export_markdown(journal, tmp_path / "notes")
    page = (tmp_path / "notes" / "projects" / "plain.md").read_text(encoding="utf-8")
    assert "## Approach" in page and "Trade-off" not in page
