"""A whole internship recorded from an empty journal with the command line alone.

No ``demo`` and no ``import``: every record a real intern keeps is created by its own command,
then every output is compiled and must use those records. The internship itself is the data
of ``scripted_internship``, which the desktop app's test enters through its widgets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_process import run_pmjournal
from pypdf import PdfReader
from scripted_internship import (
    IMAGE_NAME,
    MENTOR,
    ORG,
    REMINDERS,
    SEARCH,
    TRADEOFF,
    cli_commands,
    tiny_png,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def pmj(tmp_path: Path):
    data = tmp_path / "journal"

    def run(*args: str | Path) -> str:
        done = run_pmjournal("--data-dir", data, *args, cwd=tmp_path)
        assert done.returncode == 0, f"{args}: {done.stderr}"
        return done.stdout

    return run


def record_internship(pmj, tmp_path: Path) -> None:
    image = tmp_path / IMAGE_NAME
    image.write_bytes(tiny_png())
    for command in cli_commands(image):
        pmj(*command)


def test_a_whole_internship_recorded_by_cli_compiles_into_every_output(pmj, tmp_path: Path) -> None:
    record_internship(pmj, tmp_path)

    pmj("portfolio", "--out", tmp_path / "portfolio.pdf")
    reader = PdfReader(tmp_path / "portfolio.pdf")
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    for expected in (
        REMINDERS,
        SEARCH,
        "No-show rate",
        "18",
        "11",
        "Time to book",
        ORG,
        "Lead the spec review",
        "Ana Diaz",
    ):
        assert expected in text, expected
    words = " ".join(text.split())
    tradeoff = words.index("Trade-offs and alternatives")
    assert words.index(TRADEOFF) > tradeoff > words.index("chose SMS for reach")
    assert words.index("Results", tradeoff) > tradeoff
    images = [name for page in reader.pages for name in (page.images or [])]
    assert images, "the attached image is in the portfolio"

    bullets = pmj("bullets")
    assert REMINDERS in bullets and SEARCH in bullets
    assert "18" in bullets and "11" in bullets

    weekly = pmj("weekly", "--week", "2026-W25")
    assert "Watched 6 patients" in weekly and "Measured the no-show rate" in weekly
    assert "Interviewed 4 clinic receptionists" not in weekly

    stories = pmj("stories")
    assert REMINDERS in stories or SEARCH in stories

    listed = json.loads(pmj("project", "list", "--json"))
    assert {p["name"] for p in listed["items"]} == {REMINDERS, SEARCH}
    assert listed["total"] == 2

    feedback = json.loads(pmj("feedback", "list", "--json"))["items"]
    assert [(f["person"], f["follow_up"]["done"]) for f in feedback] == [(MENTOR, True)]
