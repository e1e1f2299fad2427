"""Shared fixtures: a real journal in a temporary folder for every test that needs one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pmjournal.storage.database import Journal, open_journal  # noqa: E402


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A new, empty journal (starter skills only) in its own folder."""
    opened = open_journal(tmp_path / "journal")
    yield opened
    opened.close()
