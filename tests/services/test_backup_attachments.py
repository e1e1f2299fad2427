"""A backup carries the attached files, and a restore brings them back."""

from __future__ import annotations

from pathlib import Path

from pmjournal.services.maintenance import backup_now, restore
from pmjournal.services.records.attachments import attach_file, attachment_path, list_attachments
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage.database import Journal, open_journal

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
PDF = b"%PDF-1.4\n%%EOF\n"


def attach(journal: Journal, folder: Path, name: str, data: bytes) -> str:
    entry = add_entry(journal, EntryDraft(f"with {name}")).value
    source = folder / name
    source.write_bytes(data)
    return attach_file(journal, source, entry_id=entry.id).value.stored_name


def test_backup_copies_the_attachments_beside_the_database(
    journal: Journal, tmp_path: Path
) -> None:
    first = attach(journal, tmp_path, "a.png", PNG)
    written = backup_now(journal)
    shared = written.parent / "attachments"
    assert sorted(p.name for p in shared.iterdir()) == [first]
    assert (shared / first).read_bytes() == PNG

    second = attach(journal, tmp_path, "b.pdf", PDF)
    out = tmp_path / "usb"
    out.mkdir()
    elsewhere = backup_now(journal, out)
    assert sorted(p.name for p in (elsewhere.parent / "attachments").iterdir()) == sorted(
        [first, second]
    )


def test_restore_brings_the_attachments_back(journal: Journal, tmp_path: Path) -> None:
    name = attach(journal, tmp_path, "a.png", PNG)
    out = tmp_path / "usb"
    out.mkdir()
    saved = backup_now(journal, out)

    assert restore(tmp_path / "fresh", saved) is None

    fresh = open_journal(tmp_path / "fresh", auto_backup=False)
    try:
        [record] = list_attachments(fresh).items
        assert record.stored_name == name
        assert attachment_path(fresh, record).read_bytes() == PNG
    finally:
        fresh.close()
