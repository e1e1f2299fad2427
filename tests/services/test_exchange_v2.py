"""Format version 2: attachments travel inside the document, the round trip stays byte for byte
the same with them, version 1 documents still import, and long work can be cancelled."""

from __future__ import annotations

import base64
import copy
import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from journal_builder import import_edited, metric, record_of
from seed_rows import add_internship, add_person, add_project

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.progress import Cancelled
from pmjournal.services.exchange.json_exchange import (
    build_document,
    import_document,
    load_document,
    write_document,
)
from pmjournal.services.exchange.markdown_export import export_markdown
from pmjournal.services.exchange.schema import COLLECTIONS, VERSION
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records.attachments import attach_file, list_attachments
from pmjournal.services.records.entries import EntryDraft, add_entry, recent_entries
from pmjournal.services.records.feedback import (
    FeedbackDraft,
    add_feedback,
    follow_up_feedback,
    get_feedback,
)
from pmjournal.services.records.skills import SkillDraft, get_skill, update_skill

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Journal]:
    journal = open_journal(tmp_path / "fresh", auto_backup=False)
    yield journal
    journal.close()


@pytest.fixture
def filled(journal: Journal, tmp_path: Path) -> Journal:
    """Every version 2 field set; aliases and a change display arrive as a user's do, by import."""

    def build(source: Journal) -> None:
        internship = add_internship(source)
        add_project(source, "Pricing", internship)
        add_person(source, "Grace Lin")
        metric(source, "Pricing", "Conversion", result=42, unit="%")
        entry = add_entry(source, EntryDraft("Sketched the pricing page", projects=["Pricing"]))
        png = tmp_path / "sketch.png"
        png.write_bytes(PNG)
        pdf = tmp_path / "spec.pdf"
        pdf.write_bytes(PDF)
        attach_file(source, png, entry_id=entry.value.id)
        attach_file(source, png, project="Pricing")
        attach_file(source, pdf, project="Pricing")
        feedback = add_feedback(source, FeedbackDraft("Clear page", person="Grace Lin")).value
        follow_up_feedback(source, feedback.id, "Shared it", True, date(2026, 7, 3))
        skill = SkillDraft("Presenting", "People", competency="Influence")
        update_skill(source, "Presenting", skill)

    def edit(document: dict[str, Any]) -> None:
        record_of(document, "projects", "Pricing")["aliases"] = ["Project P"]
        record_of(document, "people", "Grace Lin")["aliases"] = ["Grace", "G. Lin"]
        record_of(document, "internships", "Northwind Health")["aliases"] = ["NWH"]
        record_of(document, "metrics", "Conversion")["change_display"] = "difference"

    import_edited(journal, tmp_path / "scratch", build, edit)
    return journal


def test_export_import_export_is_byte_identical_with_attachments(
    filled: Journal, fresh: Journal, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    write_document(build_document(filled), first)

    import_document(fresh, load_document(first))
    second = tmp_path / "second.json"
    write_document(build_document(fresh), second)

    assert second.read_bytes() == first.read_bytes()
    stored = sorted(p.name for p in fresh.attachments_dir.iterdir())
    assert stored == sorted(p.name for p in filled.attachments_dir.iterdir())
    assert stored == sorted(
        f"{hashlib.sha256(data).hexdigest()}.{ext}" for data, ext in ((PNG, "png"), (PDF, "pdf"))
    )
    for name in stored:
        assert (fresh.attachments_dir / name).read_bytes() == (
            filled.attachments_dir / name
        ).read_bytes()


def test_the_document_embeds_the_files_and_the_new_fields(filled: Journal) -> None:
    document = build_document(filled)
    assert document["version"] == VERSION
    assert list(document)[3:5] == ["profile", "attachments"]
    png = document["attachments"][0]
    assert base64.b64decode(png["content"]) == PNG
    assert (png["sha256"], png["media_type"], png["size"], png["filename"]) == (
        hashlib.sha256(PNG).hexdigest(),
        "image/png",
        len(PNG),
        "sketch.png",
    )
    assert document["entries"][0]["attachment_ids"] == [1]
    assert document["projects"][0]["attachment_ids"] == [1, 2]
    assert document["projects"][0]["aliases"] == ["Project P"]
    assert document["people"][0]["aliases"] == ["Grace", "G. Lin"]
    assert document["internships"][0]["aliases"] == ["NWH"]
    feedback = document["feedback"][0]
    assert (feedback["follow_up_done"], feedback["follow_up_on"]) == (True, "2026-07-03")
    assert document["metrics"][0]["change_display"] == "difference"
    presenting = next(s for s in document["skills"] if s["name"] == "Presenting")
    assert presenting["competency"] == "Influence"


def as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """The same journal as format version 1 wrote it: none of the version 2 fields."""
    old = copy.deepcopy(document)
    old["version"] = 1
    del old["attachments"]
    for collection in COLLECTIONS:
        if collection.since > 1:
            continue
        for record in old[collection.key]:
            for field in collection.fields:
                if field.since > 1:
                    del record[field.key]
    return old


def test_a_version_1_document_imports_with_the_defaults(filled: Journal, fresh: Journal) -> None:
    old = as_version_1(build_document(filled))
    summary = import_document(fresh, old).value
    assert "attachment" not in summary.line()
    [entry] = recent_entries(fresh)
    assert entry.body == "Sketched the pricing page"
    feedback = get_feedback(fresh, 1)
    assert feedback is not None and not feedback.follow_up.done
    assert feedback.follow_up.text == "Shared it" and feedback.follow_up.on is None
    assert get_skill(fresh, "Presenting").competency is None
    assert list_attachments(fresh).total == 0
    again = build_document(fresh)
    assert again["projects"][0]["aliases"] == [] and again["attachments"] == []


def test_a_version_1_document_with_a_version_2_field_is_refused(filled: Journal) -> None:
    old = as_version_1(build_document(filled))
    old["feedback"][0]["follow_up_done"] = True
    with pytest.raises(ValidationError) as raised:
        import_document(filled, old)
    assert raised.value.field == "feedback[0].follow_up_done"
    old = as_version_1(build_document(filled))
    old["attachments"] = []
    with pytest.raises(ValidationError, match="format version 1 has none"):
        import_document(filled, old)


def tampered(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    bad = copy.deepcopy(document)
    bad["attachments"][0].update(changes)
    return bad


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"content": "not base64!"}, "attachments[0].content", "not valid base64"),
        (
            {"content": base64.b64encode(PNG + b"x").decode()},
            "attachments[0].sha256",
            "does not match",
        ),
        ({"size": 3}, "attachments[0].size", "holds 208 bytes"),
        ({"media_type": "application/pdf"}, "attachments[0].media_type", "not the type"),
        ({"media_type": "image/svg+xml"}, "attachments[0].media_type", "not the type"),
        ({"content": None}, "attachments[0].content", "must not be null"),
    ],
)
def test_an_attachment_that_is_not_what_it_says_is_refused(
    filled: Journal, fresh: Journal, changes: dict[str, Any], field: str, words: str
) -> None:
    bad = tampered(build_document(filled), **changes)
    with pytest.raises(ValidationError, match=words) as raised:
        import_document(fresh, bad)
    assert raised.value.field == field
    assert not fresh.attachments_dir.exists() or not any(fresh.attachments_dir.iterdir())


def test_a_link_to_an_unknown_attachment_is_refused(filled: Journal, fresh: Journal) -> None:
    bad = build_document(filled)
    bad["entries"][0]["attachment_ids"] = [9]
    with pytest.raises(ValidationError, match="no attachment with id 9") as raised:
        import_document(fresh, bad)
    assert raised.value.field == "entries[0].attachment_ids[0]"


def test_exporting_with_a_file_missing_is_refused(filled: Journal) -> None:
    for path in filled.attachments_dir.iterdir():
        if path.suffix == ".pdf":
            path.unlink()
    with pytest.raises(ValidationError, match=r"'spec\.pdf'.* is missing"):
        build_document(filled)


def test_progress_rises_to_the_end(filled: Journal, fresh: Journal) -> None:
    heard: list[tuple[str, float]] = []
    document = build_document(filled, progress=lambda stage, f: heard.append((stage, f)))
    fractions = [f for _, f in heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert heard[0] == ("exporting attachments", 0.0)
    heard.clear()
    import_document(fresh, document, progress=lambda stage, f: heard.append((stage, f)))
    assert heard[-1] == ("imported", 1.0) and len(heard) == len(COLLECTIONS) + 1


def cancel_after(calls: int) -> Any:
    count = 0

    def cancelled() -> bool:
        nonlocal count
        count += 1
        return count > calls

    return cancelled


@pytest.mark.parametrize("calls", [0, 1, 2, 5, 14])
def test_a_cancelled_import_writes_no_row_and_no_file(
    filled: Journal, fresh: Journal, calls: int
) -> None:
    document = build_document(filled)
    with pytest.raises(Cancelled, match="nothing was written"):
        import_document(fresh, document, cancelled=cancel_after(calls))
    assert recent_entries(fresh) == []
    assert list_attachments(fresh).total == 0
    assert not fresh.attachments_dir.exists() or not any(fresh.attachments_dir.iterdir())
    import_document(fresh, document)
    assert list_attachments(fresh).total == 2


def test_a_cancelled_export_returns_no_document(filled: Journal) -> None:
    with pytest.raises(Cancelled):
        build_document(filled, cancelled=cancel_after(3))


@pytest.mark.parametrize("calls", [0, 1])
def test_a_cancelled_markdown_export_leaves_no_folder(
    filled: Journal, tmp_path: Path, calls: int
) -> None:
    out = tmp_path / "notes"
    with pytest.raises(Cancelled):
        export_markdown(filled, out, cancelled=cancel_after(calls))
    assert sorted(p.name for p in tmp_path.iterdir() if "notes" in p.name) == []
    heard: list[float] = []
    written = export_markdown(filled, out, progress=lambda _stage, f: heard.append(f))
    assert written >= 2 and heard[-1] == 1.0 and (out / "index.md").exists()
