"""A whole internship recorded from an empty journal with the command line alone.

No ``demo`` and no ``import``: every record a real intern keeps is created by its own command,
then every output is compiled and must use those records.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest
from cli_process import run_pmjournal
from pypdf import PdfReader

pytestmark = pytest.mark.slow

ORG = "Northwind Health"
REMINDERS = "Appointment reminders"
SEARCH = "Clinic search"
TRADEOFF = "Calls reached more patients, but I kept them for the clinics that asked: SMS cost less."
MENTOR = "Dana Whitfield"
ENTRIES = [
    (
        "2026-06-02",
        REMINDERS,
        ("User research",),
        "Interviewed 4 clinic receptionists about no-shows.",
    ),
    ("2026-06-03", REMINDERS, ("Data analysis",), "Pulled six months of no-show data by clinic."),
    ("2026-06-05", REMINDERS, ("Prioritisation",), "Ranked reminder channels by reach and cost."),
    (
        "2026-06-09",
        REMINDERS,
        ("Communication",),
        "Wrote the reminder spec and shared it with nurses.",
    ),
    ("2026-06-15", REMINDERS, ("Data analysis",), "Measured the no-show rate after the SMS pilot."),
    ("2026-06-16", SEARCH, ("User research",), "Watched 6 patients search for a clinic."),
    ("2026-06-18", SEARCH, ("Analytical thinking",), "Found that filters hid open slots."),
    ("2026-06-22", SEARCH, ("Prioritisation",), "Cut the filter list from 14 to 5."),
    ("2026-06-24", SEARCH, ("Data analysis",), "Timed search to booking before and after."),
    ("2026-06-26", SEARCH, ("Communication",), "Presented the search results to the clinic leads."),
]


def tiny_png() -> bytes:
    """A real 2×2 PNG, written by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture
def pmj(tmp_path: Path):
    data = tmp_path / "journal"

    def run(*args: str | Path) -> str:
        done = run_pmjournal("--data-dir", data, *args, cwd=tmp_path)
        assert done.returncode == 0, f"{args}: {done.stderr}"
        return done.stdout

    return run


def record_internship(pmj, tmp_path: Path) -> None:
    pmj(
        "profile",
        "--name",
        "Ana Diaz",
        "--headline",
        "Product intern",
        "--email",
        "ana@example.com",
    )
    pmj(
        "internship",
        "add",
        "--organisation",
        ORG,
        "--title",
        "Product intern",
        "--team",
        "Patient app",
        "--start",
        "2026-06-01",
        "--end",
        "2026-08-28",
    )
    pmj(
        "project",
        "add",
        REMINDERS,
        "--internship",
        ORG,
        "--status",
        "shipped",
        "--start",
        "2026-06-01",
        "--end",
        "2026-06-20",
        "--summary",
        "Patients missed one appointment in five; I shipped SMS reminders.",
        "--context",
        "Clinics lost revenue to empty slots.",
        "--problem",
        "Patients forgot appointments booked weeks ahead.",
        "--role",
        "I owned the reminder flow from research to launch.",
        "--approach",
        "I compared SMS, email and calls, and chose SMS for reach.",
        "--tradeoff",
        TRADEOFF,
        "--outcome",
        "Reminders went live in all 12 clinics.",
        "--learnings",
        "Talk to front-desk staff before designing for patients.",
    )
    pmj(
        "project",
        "add",
        SEARCH,
        "--internship",
        ORG,
        "--status",
        "shipped",
        "--start",
        "2026-06-15",
        "--end",
        "2026-07-10",
        "--problem",
        "Patients could not find a clinic with an open slot.",
        "--role",
        "I ran the usability sessions and rewrote the filters.",
        "--approach",
        "I removed filters nobody used, and I showed open slots first.",
        "--outcome",
        "Search to booking got faster.",
    )
    pmj(
        "metric",
        "add",
        "--project",
        REMINDERS,
        "--name",
        "No-show rate",
        "--baseline",
        "18",
        "--result",
        "11",
        "--unit",
        "%",
        "--better",
        "lower",
        "--measured-on",
        "2026-06-15",
    )
    pmj(
        "metric",
        "add",
        "--project",
        SEARCH,
        "--name",
        "Time to book",
        "--baseline",
        "95",
        "--result",
        "40",
        "--unit",
        "s",
        "--better",
        "lower",
        "--measured-on",
        "2026-06-24",
    )
    pmj(
        "metric",
        "add",
        "--project",
        SEARCH,
        "--name",
        "Weekly bookings",
        "--baseline",
        "1200",
        "--result",
        "1500",
        "--unit",
        "bookings",
        "--measured-on",
        "2026-06-30",
    )
    for name, relationship in (
        (MENTOR, "mentor"),
        ("Sam Okafor", "manager"),
        ("Lee Park", "peer"),
        ("Rita Gomes", "stakeholder"),
    ):
        pmj("person", "add", name, "--relationship", relationship, "--organisation", ORG)
    pmj(
        "feedback",
        "add",
        "--date",
        "2026-06-19",
        "--person",
        MENTOR,
        "--kind",
        "constructive",
        "--project",
        REMINDERS,
        "--skill",
        "Communication",
        "--text",
        "Lead the spec review with the decision you need, not the background.",
    )
    feedback = json.loads(pmj("feedback", "list", "--json"))["items"][0]
    pmj(
        "feedback",
        "followup",
        str(feedback["id"]),
        "--done",
        "--date",
        "2026-06-24",
        "--text",
        "Opened the search review with the decision needed.",
    )
    pmj(
        "goal",
        "add",
        "--title",
        "Ship one feature end to end",
        "--target-date",
        "2026-08-01",
        "--internship",
        ORG,
    )
    pmj(
        "goal",
        "checkin",
        "1",
        "--date",
        "2026-06-15",
        "--progress",
        "40",
        "--note",
        "Reminders in pilot.",
    )
    pmj(
        "goal",
        "checkin",
        "1",
        "--date",
        "2026-06-30",
        "--progress",
        "80",
        "--note",
        "Reminders live everywhere.",
    )
    for day, project, skills, text in ENTRIES:
        pmj(
            "add",
            "--date",
            day,
            "--project",
            project,
            "--text",
            text,
            *(arg for skill in skills for arg in ("--skill", skill)),
        )
    image = tmp_path / "reminder-flow.png"
    image.write_bytes(tiny_png())
    pmj("attach", image, "--project", REMINDERS)


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
