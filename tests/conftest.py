"""Shared fixtures: real journals in temporary folders (no mocks of our own stack)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pmjournal.storage.database import DB_FILENAME, Journal, open_journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A new, empty journal (starter skills only) in its own folder."""
    opened = open_journal(tmp_path / "journal")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo journal, generated once per test run; tests get copies of its file."""
    from pmjournal.services.demo.generate import generate_demo

    folder = tmp_path_factory.mktemp("demo-template")
    built = open_journal(folder, auto_backup=False)
    generate_demo(built)
    built.close()
    return folder / DB_FILENAME


@pytest.fixture
def demo_journal(demo_template: Path, tmp_path: Path) -> Iterator[Journal]:
    """A private copy of the demo journal: a realistic 12-week internship."""
    folder = tmp_path / "demo"
    folder.mkdir()
    shutil.copy2(demo_template, folder / DB_FILENAME)
    opened = open_journal(folder, auto_backup=False)
    yield opened
    opened.close()
