"""Detaching an attachment undoably on a real journal: the last link takes the stored file with
it and the undo puts back the same bytes under the same name; a file kept by another link stays
and the undo relinks it; an undo the journal can no longer honour writes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from seed_rows import add_project, delete_project

from pmjournal.domain.changes import Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.services.records.attachments import attach_file, get_attachment, list_attachments
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.services.records.undo import detach_file_undoably, restore
from pmjournal.storage.database import Journal

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(200))


def stored_files(journal: Journal) -> list[str]:
    folder = journal.attachments_dir
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def screenshot(tmp_path: Path, name: str = "chart.png") -> Path:
    path = tmp_path / name
    path.write_bytes(PNG)
    return path


def test_detaching_the_last_link_removes_the_file_and_undo_brings_back_the_same_bytes(
    journal: Journal, tmp_path: Path
) -> None:
    add_project(journal, "Onboarding")
    record = attach_file(journal, screenshot(tmp_path), project="Onboarding").value
    name = f"{hashlib.sha256(PNG).hexdigest()}.png"
    assert stored_files(journal) == [name]

    outcome = detach_file_undoably(journal, record.id, project="Onboarding")

    detached = outcome.value
    assert detached.file_removed and detached.content == PNG
    assert (detached.record.filename, detached.owner) == ("chart.png", "Onboarding")
    assert stored_files(journal) == []
    assert list_attachments(journal, project="Onboarding").total == 0
    assert (Kind.ATTACHMENT, record.id) in outcome.changes.deleted

    back = restore(journal, detached)

    assert stored_files(journal) == [name]
    assert (journal.attachments_dir / name).read_bytes() == PNG
    again = get_attachment(journal, back.value)
    assert again is not None
    assert (again.filename, again.media_type, again.projects) == (
        "chart.png",
        "image/png",
        ("Onboarding",),
    )
    assert (Kind.ATTACHMENT, back.value) in back.changes.created


def test_detaching_one_of_two_links_keeps_the_file_and_undo_relinks_it(
    journal: Journal, tmp_path: Path
) -> None:
    add_project(journal, "Onboarding")
    entry = add_entry(journal, EntryDraft("Drew the chart")).value
    record = attach_file(journal, screenshot(tmp_path), project="Onboarding").value
    attach_file(journal, screenshot(tmp_path), entry_id=entry.id)

    detached = detach_file_undoably(journal, record.id, project="Onboarding").value

    assert not detached.file_removed and detached.content is None
    assert stored_files(journal) == [record.stored_name]
    kept = get_attachment(journal, record.id)
    assert kept is not None and (kept.projects, kept.entry_ids) == ((), (entry.id,))

    back = restore(journal, detached)

    assert back.value == record.id
    relinked = get_attachment(journal, record.id)
    assert relinked is not None
    assert (relinked.projects, relinked.entry_ids) == (("Onboarding",), (entry.id,))
    assert stored_files(journal) == [record.stored_name]


def test_an_entry_s_only_file_comes_back_on_the_entry(journal: Journal, tmp_path: Path) -> None:
    entry = add_entry(journal, EntryDraft("Drew the chart")).value
    record = attach_file(journal, screenshot(tmp_path), entry_id=entry.id).value

    detached = detach_file_undoably(journal, record.id, entry_id=entry.id).value
    assert detached.file_removed and stored_files(journal) == []

    back = restore(journal, detached)
    again = get_attachment(journal, back.value)
    assert again is not None and again.entry_ids == (entry.id,)
    assert (journal.attachments_dir / record.stored_name).read_bytes() == PNG


def test_an_undo_after_its_project_was_deleted_writes_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    project_id = add_project(journal, "Onboarding")
    record = attach_file(journal, screenshot(tmp_path), project="Onboarding").value
    detached = detach_file_undoably(journal, record.id, project="Onboarding").value
    delete_project(journal, project_id)

    with pytest.raises(ValidationError, match="Onboarding was deleted since"):
        restore(journal, detached)
    assert stored_files(journal) == []
    assert list_attachments(journal).total == 0


def test_an_undo_whose_kept_file_went_since_writes_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    add_project(journal, "Onboarding")
    entry = add_entry(journal, EntryDraft("Drew the chart")).value
    record = attach_file(journal, screenshot(tmp_path), project="Onboarding").value
    attach_file(journal, screenshot(tmp_path), entry_id=entry.id)
    detached = detach_file_undoably(journal, record.id, project="Onboarding").value
    detach_file_undoably(journal, record.id, entry_id=entry.id)  # the last link: file gone

    with pytest.raises(ValidationError, match="was removed since"):
        restore(journal, detached)
    assert list_attachments(journal).total == 0 and stored_files(journal) == []


def test_detaching_a_file_not_attached_there_is_refused(journal: Journal, tmp_path: Path) -> None:
    add_project(journal, "Onboarding")
    add_project(journal, "Pricing")
    record = attach_file(journal, screenshot(tmp_path), project="Onboarding").value

    with pytest.raises(ValidationError, match="is not attached there"):
        detach_file_undoably(journal, record.id, project="Pricing")
    assert stored_files(journal) == [record.stored_name]
