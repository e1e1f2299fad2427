"""The fetcher reads bundled resources and attachments, and nothing else, without hanging."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from local_server import PIXEL, RecordingServer

from pmjournal.render.fetcher import FetchRefusedError, JournalFetcher
from pmjournal.render.resources import resources_root


@pytest.fixture
def attachments(tmp_path: Path) -> Path:
    folder = tmp_path / "journal" / "attachments"
    folder.mkdir(parents=True)
    (folder / "charts").mkdir()
    (folder / "charts" / "funnel v2.png").write_bytes(PIXEL)
    (tmp_path / "journal" / "journal.sqlite3").write_text("SECRET-DATABASE")
    (tmp_path / "outside.txt").write_text("SECRET-OUTSIDE")
    return folder


def test_serves_bundled_fonts_and_attachments(attachments: Path) -> None:
    fetcher = JournalFetcher(attachments)
    font = fetcher.fetch("pmj-resource:fonts/Inter-Regular.otf")
    assert font.read() == (resources_root() / "fonts" / "Inter-Regular.otf").read_bytes()
    picture = fetcher.fetch("pmj-attachment:charts/funnel%20v2.png")
    assert picture.read() == PIXEL
    assert picture.content_type == "image/png"
    assert all(record.served for record in fetcher.log)


def test_refuses_network_and_foreign_schemes(
    attachments: Path, http_server: RecordingServer
) -> None:
    fetcher = JournalFetcher(attachments)
    for url in (
        f"{http_server.url}/pixel.png",
        "https://127.0.0.1:9/pixel.png",
        "ftp://127.0.0.1:9/pixel.png",
        "file:///etc/hostname",
        f"file://{attachments}/charts/funnel%20v2.png",
        "data:text/plain,hello",
        "charts/funnel v2.png",
        "javascript:alert(1)",
    ):
        with pytest.raises(FetchRefusedError):
            fetcher.fetch(url)
    assert http_server.requests == []
    assert [r.served for r in fetcher.log] == [False] * 8


@pytest.mark.parametrize(
    "url",
    [
        "pmj-attachment:../journal.sqlite3",
        "pmj-attachment:%2e%2e/journal.sqlite3",
        "pmj-attachment:charts/../../journal.sqlite3",
        "pmj-attachment:/etc/hostname",
        "pmj-attachment:%2fetc%2fhostname",
        "pmj-attachment:..%5c..%5cjournal.sqlite3",
        "pmj-resource:../src/pmjournal/__init__.py",
        "pmj-attachment:charts",
        "pmj-attachment:missing.png",
        "pmj-attachment:",
    ],
)
def test_refuses_paths_that_leave_their_folder_or_are_not_files(
    attachments: Path, url: str
) -> None:
    with pytest.raises(FetchRefusedError):
        JournalFetcher(attachments).fetch(url)


def test_refuses_symlinks_that_escape(attachments: Path, tmp_path: Path) -> None:
    (attachments / "innocent.png").symlink_to(tmp_path / "outside.txt")
    (attachments / "random.png").symlink_to("/dev/urandom")
    (attachments / "linked").symlink_to(tmp_path)
    fetcher = JournalFetcher(attachments)
    for url in (
        "pmj-attachment:innocent.png",
        "pmj-attachment:random.png",
        "pmj-attachment:linked/outside.txt",
    ):
        with pytest.raises(FetchRefusedError, match="outside"):
            fetcher.fetch(url)


def test_a_symlink_inside_the_folder_is_fine(attachments: Path) -> None:
    (attachments / "alias.png").symlink_to(attachments / "charts" / "funnel v2.png")
    assert JournalFetcher(attachments).fetch("pmj-attachment:alias.png").read() == PIXEL


def test_a_fifo_or_device_never_blocks_the_render(attachments: Path) -> None:
    os.mkfifo(attachments / "pipe.png")
    outcome: list[str] = []

    def attempt() -> None:
        try:
            JournalFetcher(attachments).fetch("pmj-attachment:pipe.png")
        except FetchRefusedError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert outcome and "not a regular file" in outcome[0]


def test_without_a_journal_only_resources_are_served() -> None:
    fetcher = JournalFetcher(None)
    with pytest.raises(FetchRefusedError):
        fetcher.fetch("pmj-attachment:anything.png")
    assert fetcher.fetch("pmj-resource:css/portfolio.css").read().startswith(b"/*")
