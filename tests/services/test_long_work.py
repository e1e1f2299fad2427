"""The long-work contract (``domain/progress.py``) for demo, backup, restore and portfolio.

Each reports ``progress(stage, fraction)`` with fractions that only grow, finishes at 1.0,
and when ``cancelled()`` turns true raises ``Cancelled`` with nothing written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmjournal.domain.progress import Cancelled
from pmjournal.services.demo.generate import generate_demo
from pmjournal.services.maintenance import backup_now, restore
from pmjournal.services.portfolio.build import build_portfolio
from pmjournal.services.records.entries import EntryDraft, add_entry, recent_entries
from pmjournal.storage.database import Journal, open_journal


class Listener:
    """Records what progress said; asks to cancel once ``stop_at`` reports have been heard."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.heard: list[tuple[str, float]] = []
        self.stop_at = stop_at

    def progress(self, stage: str, fraction: float) -> None:
        self.heard.append((stage, fraction))

    def cancelled(self) -> bool:
        return self.stop_at is not None and len(self.heard) >= self.stop_at

    def assert_sane(self) -> None:
        assert self.heard, "no progress was reported"
        for stage in dict.fromkeys(stage for stage, _ in self.heard):
            fractions = [f for s, f in self.heard if s == stage]
            assert fractions == sorted(fractions), (stage, fractions)
            assert all(0.0 <= f <= 1.0 for f in fractions)
        assert self.heard[-1][1] == 1.0


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def entry_count(journal: Journal) -> int:
    return len(recent_entries(journal, limit=100_000))


def test_demo_reports_progress_and_cancels_to_an_empty_journal(journal: Journal) -> None:
    listener = Listener(stop_at=3)
    with pytest.raises(Cancelled):
        generate_demo(journal, weeks=300, progress=listener.progress, cancelled=listener.cancelled)
    assert entry_count(journal) == 0
    assert len(listener.heard) == 3

    listener = Listener()
    generate_demo(journal, weeks=300, progress=listener.progress, cancelled=listener.cancelled)
    listener.assert_sane()
    assert len(listener.heard) > 3
    assert entry_count(journal) > 1_000


def test_backup_reports_progress_and_cancels_leaving_no_file(
    demo_journal: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "copies"
    out.mkdir()
    listener = Listener(stop_at=1)
    with pytest.raises(Cancelled):
        backup_now(demo_journal, out, progress=listener.progress, cancelled=listener.cancelled)
    assert files_in(out) == []
    with pytest.raises(Cancelled):
        backup_now(demo_journal, progress=listener.progress, cancelled=lambda: True)
    assert not demo_journal.backup_dir.exists() or files_in(demo_journal.backup_dir) == []

    listener = Listener()
    written = backup_now(
        demo_journal, out, progress=listener.progress, cancelled=listener.cancelled
    )
    listener.assert_sane()
    assert files_in(out) == [written.name]


@pytest.mark.parametrize("stop_in", ["check", "keep", "restore"])
def test_restore_cancelled_at_any_stage_changes_nothing(
    demo_journal: Journal, tmp_path: Path, stop_in: str
) -> None:
    source = tmp_path / "backup.sqlite3"
    shutil.copy2(demo_journal.path, source)
    add_entry(demo_journal, EntryDraft(text="written after the backup"))
    before = entry_count(demo_journal)
    data_dir = demo_journal.data_dir
    demo_journal.close()
    listing = files_in(data_dir)
    listener = Listener()

    def cancelled() -> bool:
        # A restore can stop between its steps, not after the last one has committed.
        return any(s == stop_in and (s != "restore" or f < 1) for s, f in listener.heard)

    with pytest.raises(Cancelled):
        restore(data_dir, source, progress=listener.progress, cancelled=cancelled)
    assert files_in(data_dir) == listing
    reopened = open_journal(data_dir, auto_backup=False)
    try:
        assert entry_count(reopened) == before
    finally:
        reopened.close()

    listener = Listener()
    kept = restore(data_dir, source, progress=listener.progress, cancelled=listener.cancelled)
    listener.assert_sane()
    assert kept is not None and kept.exists()
    reopened = open_journal(data_dir, auto_backup=False)
    try:
        assert entry_count(reopened) == before - 1
    finally:
        reopened.close()


def test_portfolio_cancels_with_the_contract_error(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.pdf"
    listener = Listener(stop_at=2)
    with pytest.raises(Cancelled):
        build_portfolio(demo_journal, out, progress=listener.progress, cancelled=listener.cancelled)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ""] == []

    listener = Listener()
    build_portfolio(demo_journal, out, progress=listener.progress, cancelled=listener.cancelled)
    listener.assert_sane()
    assert out.read_bytes().startswith(b"%PDF")
