"""The whole internship of "Record everything"'s scripted test, as plain data.

Two tests enter it: ``tests/cli/test_record_everything.py`` with the command line and
``tests/ui/test_whole_internship.py`` through the app's widgets; the second compares the
portfolios of both journals, so the records must be the same by construction. A case-study
field is one line in a project's ``case_study`` (named as ``ProjectDraft`` names it): the CLI
turns it into ``--field-name`` and the app types it into the editor's field of that name.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Profile:
    name: str
    headline: str
    email: str


@dataclass(frozen=True)
class Internship:
    organisation: str
    title: str
    team: str
    start: str
    end: str

    @property
    def label(self) -> str:
        """How the app lists it (``InternshipRecord.label``)."""
        return f"{self.title} at {self.organisation}"


@dataclass(frozen=True)
class Project:
    name: str
    status: str
    start: str
    end: str
    case_study: dict[str, str]


@dataclass(frozen=True)
class Metric:
    project: str
    name: str
    baseline: str
    result: str
    unit: str
    measured_on: str
    better: str | None = None
    """None: left as the journal's default (higher), as a user who does not say."""


@dataclass(frozen=True)
class Person:
    name: str
    relationship: str
    organisation: str


@dataclass(frozen=True)
class Feedback:
    day: str
    person: str
    kind: str
    project: str
    skill: str
    text: str
    follow_up_on: str
    follow_up: str


@dataclass(frozen=True)
class Checkin:
    day: str
    progress: int
    note: str


@dataclass(frozen=True)
class Goal:
    title: str
    target_date: str
    checkins: tuple[Checkin, ...]


@dataclass(frozen=True)
class Entry:
    day: str
    project: str
    skills: tuple[str, ...]
    text: str


PROFILE = Profile("Ana Diaz", "Product intern", "ana@example.com")
INTERNSHIP = Internship(
    "Northwind Health", "Product intern", "Patient app", "2026-06-01", "2026-08-28"
)
ORG = INTERNSHIP.organisation
TRADEOFF = "Calls reached more patients, but I kept them for the clinics that asked: SMS cost less."
REMINDERS = "Appointment reminders"
SEARCH = "Clinic search"
MENTOR = "Dana Whitfield"

PROJECTS = (
    Project(
        REMINDERS,
        "shipped",
        "2026-06-01",
        "2026-06-20",
        {
            "summary": "Patients missed one appointment in five; I shipped SMS reminders.",
            "context": "Clinics lost revenue to empty slots.",
            "problem": "Patients forgot appointments booked weeks ahead.",
            "role": "I owned the reminder flow from research to launch.",
            "approach": "I compared SMS, email and calls, and chose SMS for reach.",
            "tradeoff": TRADEOFF,
            "outcome": "Reminders went live in all 12 clinics.",
            "learnings": "Talk to front-desk staff before designing for patients.",
        },
    ),
    Project(
        SEARCH,
        "shipped",
        "2026-06-15",
        "2026-07-10",
        {
            "problem": "Patients could not find a clinic with an open slot.",
            "role": "I ran the usability sessions and rewrote the filters.",
            "approach": "I removed filters nobody used, and I showed open slots first.",
            "outcome": "Search to booking got faster.",
        },
    ),
)
METRICS = (
    Metric(REMINDERS, "No-show rate", "18", "11", "%", "2026-06-15", better="lower"),
    Metric(SEARCH, "Time to book", "95", "40", "s", "2026-06-24", better="lower"),
    Metric(SEARCH, "Weekly bookings", "1200", "1500", "bookings", "2026-06-30"),
)
PEOPLE = (
    Person(MENTOR, "mentor", ORG),
    Person("Sam Okafor", "manager", ORG),
    Person("Lee Park", "peer", ORG),
    Person("Rita Gomes", "stakeholder", ORG),
)
FEEDBACK = Feedback(
    day="2026-06-19",
    person=MENTOR,
    kind="constructive",
    project=REMINDERS,
    skill="Communication",
    text="Lead the spec review with the decision you need, not the background.",
    follow_up_on="2026-06-24",
    follow_up="Opened the search review with the decision needed.",
)
GOAL = Goal(
    "Ship one feature end to end",
    "2026-08-01",
    (
        Checkin("2026-06-15", 40, "Reminders in pilot."),
        Checkin("2026-06-30", 80, "Reminders live everywhere."),
    ),
)
ENTRIES = (
    Entry(
        "2026-06-02",
        REMINDERS,
        ("User research",),
        "Interviewed 4 clinic receptionists about no-shows.",
    ),
    Entry(
        "2026-06-03", REMINDERS, ("Data analysis",), "Pulled six months of no-show data by clinic."
    ),
    Entry(
        "2026-06-05", REMINDERS, ("Prioritisation",), "Ranked reminder channels by reach and cost."
    ),
    Entry(
        "2026-06-09",
        REMINDERS,
        ("Communication",),
        "Wrote the reminder spec and shared it with nurses.",
    ),
    Entry(
        "2026-06-15",
        REMINDERS,
        ("Data analysis",),
        "Measured the no-show rate after the SMS pilot.",
    ),
    Entry("2026-06-16", SEARCH, ("User research",), "Watched 6 patients search for a clinic."),
    Entry("2026-06-18", SEARCH, ("Analytical thinking",), "Found that filters hid open slots."),
    Entry("2026-06-22", SEARCH, ("Prioritisation",), "Cut the filter list from 14 to 5."),
    Entry("2026-06-24", SEARCH, ("Data analysis",), "Timed search to booking before and after."),
    Entry(
        "2026-06-26",
        SEARCH,
        ("Communication",),
        "Presented the search results to the clinic leads.",
    ),
)
IMAGE_NAME = "reminder-flow.png"
IMAGE_PROJECT = REMINDERS


def tiny_png() -> bytes:
    """A real 2×2 PNG, written by hand so the tests need no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def cli_commands(image: Path) -> list[list[str]]:
    """The ``pmjournal`` commands that record the internship in an empty journal, in order.

    The feedback and the goal are the journal's first, so their id is 1.
    """
    profile, internship, given = PROFILE, INTERNSHIP, FEEDBACK
    commands = [
        [
            "profile",
            "--name",
            profile.name,
            "--headline",
            profile.headline,
            "--email",
            profile.email,
        ],
        [
            *("internship", "add", "--organisation", internship.organisation),
            *("--title", internship.title, "--team", internship.team),
            *("--start", internship.start, "--end", internship.end),
        ],
    ]
    for project in PROJECTS:
        commands.append(
            [
                *("project", "add", project.name, "--internship", ORG, "--status", project.status),
                *("--start", project.start, "--end", project.end),
                *(
                    arg
                    for field, text in project.case_study.items()
                    for arg in (_flag(field), text)
                ),
            ]
        )
    for metric in METRICS:
        commands.append(
            [
                *("metric", "add", "--project", metric.project, "--name", metric.name),
                *("--baseline", metric.baseline, "--result", metric.result, "--unit", metric.unit),
                *(("--better", metric.better) if metric.better else ()),
                *("--measured-on", metric.measured_on),
            ]
        )
    for person in PEOPLE:
        commands.append(
            [
                *("person", "add", person.name, "--relationship", person.relationship),
                *("--organisation", person.organisation),
            ]
        )
    commands += [
        [
            *("feedback", "add", "--date", given.day, "--person", given.person),
            *("--kind", given.kind, "--project", given.project, "--skill", given.skill),
            *("--text", given.text),
        ],
        [
            *("feedback", "followup", "1", "--done", "--date", given.follow_up_on),
            *("--text", given.follow_up),
        ],
        [
            *("goal", "add", "--title", GOAL.title, "--target-date", GOAL.target_date),
            *("--internship", ORG),
        ],
    ]
    for checkin in GOAL.checkins:
        commands.append(
            [
                *("goal", "checkin", "1", "--date", checkin.day),
                *("--progress", str(checkin.progress), "--note", checkin.note),
            ]
        )
    for entry in ENTRIES:
        commands.append(
            [
                *("add", "--date", entry.day, "--project", entry.project, "--text", entry.text),
                *(arg for skill in entry.skills for arg in ("--skill", skill)),
            ]
        )
    commands.append(["attach", str(image), "--project", IMAGE_PROJECT])
    return commands


def _flag(field: str) -> str:
    return "--" + field.replace("_", "-")
