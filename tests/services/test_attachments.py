"""Attachments on a real journal and real files: content checks, hashing, dedup, links, and the
file removed with its last link."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from seed_rows import add_project, delete_project

from pmjournal.domain.attachments import MAX_BYTES
from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.services.records.attachments import (
    attach_file,
    attachment_delete_impact,
    attachment_path,
    delete_attachment,
    detach_file,
    get_attachment,
    list_attachments,
    prune_attachments,
)
from pmjournal.services.records.entries import EntryDraft, add_entry, delete_entry
from pmjournal.storage.database import Journal

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(30)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def stored_files(journal: Journal) -> list[str]:
    folder = journal.attachments_dir
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_png_is_stored_under_its_hash_and_linked_to_the_entry(
    journal: Journal, tmp_path: Path
) -> None:
    entry = add_entry(journal, EntryDraft("Sketched the funnel")).value
    source = write(tmp_path, "funnel sketch.PNG", PNG)

    outcome = attach_file(journal, source, entry_id=entry.id)

    record = outcome.value
    digest = hashlib.sha256(PNG).hexdigest()
    assert (record.sha256, record.media_type, record.size) == (digest, "image/png", len(PNG))
    assert (record.filename, record.entry_ids, record.projects) == (
        "funnel sketch.PNG",
        (entry.id,),
        (),
    )
    assert record.stored_name == f"{digest}.png"
    assert attachment_path(journal, record).read_bytes() == PNG
    assert stored_files(journal) == [f"{digest}.png"]
    assert (Kind.ATTACHMENT, record.id) in outcome.changes.created
    assert (Kind.ENTRY, entry.id) in outcome.changes.updated


def test_the_same_content_is_stored_once_and_linked_twice(journal: Journal, tmp_path: Path) -> None:
    add_project(journal, "Pricing")
    entry = add_entry(journal, EntryDraft("Pricing spec")).value
    first = attach_file(journal, write(tmp_path, "spec.pdf", PDF), project="pricing").value
    second = attach_file(journal, write(tmp_path, "copy.pdf", PDF), entry_id=entry.id).value
    assert first.id == second.id
    assert (second.entry_ids, second.projects) == ((entry.id,), ("Pricing",))
    assert len(stored_files(journal)) == 1
    with pytest.raises(ValidationError, match="attached to that project already"):
        attach_file(journal, write(tmp_path, "again.pdf", PDF), project="Pricing")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.png", b"#!/bin/sh\necho not an image\n", "not an image or PDF"),
        ("empty.pdf", b"", "the file is empty"),
        ("doc.docx", b"PK\x03\x04" + bytes(40), "not an image or PDF"),
    ],
)
def test_files_that_are_not_images_or_pdfs_are_refused_by_content(
    journal: Journal, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    entry = add_entry(journal, EntryDraft("x")).value
    with pytest.raises(ValidationError, match=message) as raised:
        attach_file(journal, write(tmp_path, name, data), entry_id=entry.id)
    assert raised.value.field == str(tmp_path / name)
    assert stored_files(journal) == []
    assert list_attachments(journal).total == 0


def test_a_file_over_the_size_cap_is_refused(journal: Journal, tmp_path: Path) -> None:
    entry = add_entry(journal, EntryDraft("x")).value
    big = tmp_path / "huge.png"
    with big.open("wb") as handle:
        handle.write(PNG)
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ValidationError, match="attachments are at most 20 MB"):
        attach_file(journal, big, entry_id=entry.id)
    assert stored_files(journal) == []


def test_an_unknown_target_leaves_no_file_behind(journal: Journal, tmp_path: Path) -> None:
    add_project(journal, "Pricing")
    source = write(tmp_path, "a.webp", WEBP)
    with pytest.raises(ValidationError, match="did you mean 'Pricing'"):
        attach_file(journal, source, project="Pricng")
    with pytest.raises(ValidationError, match="no entry with id 7"):
        attach_file(journal, source, entry_id=7)
    with pytest.raises(ValidationError, match="exactly one"):
        attach_file(journal, source)
    with pytest.raises(ValidationError, match="no such file"):
        attach_file(journal, tmp_path / "missing.png", entry_id=1)
    assert stored_files(journal) == []


def test_detaching_the_last_link_removes_row_and_file(journal: Journal, tmp_path: Path) -> None:
    add_project(journal, "Pricing")
    entry = add_entry(journal, EntryDraft("x")).value
    record = attach_file(journal, write(tmp_path, "a.png", PNG), entry_id=entry.id).value
    attach_file(journal, write(tmp_path, "b.png", PNG), project="Pricing")

    detach_file(journal, record.id, entry_id=entry.id)
    assert get_attachment(journal, record.id).projects == ("Pricing",)  # type: ignore[union-attr]
    assert stored_files(journal) == [record.stored_name]

    outcome = detach_file(journal, record.id, project="Pricing")
    assert get_attachment(journal, record.id) is None
    assert stored_files(journal) == []
    assert (Kind.ATTACHMENT, record.id) in outcome.changes.deleted
    with pytest.raises(ValidationError, match="is not attached there"):
        detach_file(journal, record.id, entry_id=entry.id)


def test_delete_needs_detach_while_linked(journal: Journal, tmp_path: Path) -> None:
    add_project(journal, "Pricing")
    entry = add_entry(journal, EntryDraft("x")).value
    record = attach_file(journal, write(tmp_path, "a.pdf", PDF), entry_id=entry.id).value
    attach_file(journal, write(tmp_path, "a.pdf", PDF), project="Pricing")
    impact = attachment_delete_impact(journal, record.id)
    assert impact.summary() == "deleting it would unlink 1 project and 1 entry (kept)"
    with pytest.raises(ValidationError, match="would unlink 1 project and 1 entry") as raised:
        delete_attachment(journal, record.id, choice=DeleteChoice.REFUSE)
    assert raised.value.field == "choice"
    assert stored_files(journal) == [record.stored_name]
    delete_attachment(journal, record.id, choice=DeleteChoice.DETACH)
    assert stored_files(journal) == [] and list_attachments(journal).total == 0


def test_deleting_the_entry_or_project_that_held_the_last_link_removes_the_file(
    journal: Journal, tmp_path: Path
) -> None:
    project_id = add_project(journal, "Pricing")
    entry = add_entry(journal, EntryDraft("x")).value
    kept = attach_file(journal, write(tmp_path, "a.png", PNG), entry_id=entry.id).value
    attach_file(journal, write(tmp_path, "a.png", PNG), project="Pricing")
    only_entry = attach_file(journal, write(tmp_path, "b.pdf", PDF), entry_id=entry.id).value

    delete_entry(journal, entry.id)

    assert get_attachment(journal, only_entry.id) is None
    assert stored_files(journal) == [kept.stored_name]
    delete_project(journal, project_id)
    prune_attachments(journal)
    assert stored_files(journal) == [] and list_attachments(journal).total == 0


def test_list_filters_by_entry_and_project_and_pages(journal: Journal, tmp_path: Path) -> None:
    add_project(journal, "Pricing")
    entry = add_entry(journal, EntryDraft("x")).value
    for number in range(3):
        attach_file(
            journal, write(tmp_path, f"{number}.pdf", PDF + bytes([number])), entry_id=entry.id
        )
    attach_file(journal, write(tmp_path, "p.png", PNG), project="Pricing")
    assert list_attachments(journal).total == 4
    page = list_attachments(journal, entry_id=entry.id, limit=2, offset=2)
    assert page.total == 3 and [a.filename for a in page.items] == ["2.pdf"]
    assert [a.filename for a in list_attachments(journal, project="pricing").items] == ["p.png"]


def test_deleting_a_project_removes_the_file_only_it_used(journal: Journal, tmp_path: Path) -> None:
    from pmjournal.domain.deletion import DeleteChoice
    from pmjournal.services.records.projects import ProjectDraft
    from pmjournal.services.records.projects import add_project as add_project_record
    from pmjournal.services.records.projects import delete_project as delete_project_record

    project = add_project_record(journal, ProjectDraft("Pricing page")).value
    attach_file(journal, write(tmp_path, "flow.png", PNG), project="Pricing page")
    assert len(stored_files(journal)) == 1

    outcome = delete_project_record(journal, project.id, choice=DeleteChoice.DETACH)

    assert stored_files(journal) == []
    assert Kind.ATTACHMENT in outcome.changes.kinds
    assert list_attachments(journal).total == 0
