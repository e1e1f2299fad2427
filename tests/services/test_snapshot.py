"""The export rules every output relies on: confidential never leaves, redaction replaces names."""

from __future__ import annotations

from datetime import date

import journal_builder as build
import pytest

from pmjournal.domain.errors import ValidationError
from pmjournal.services.journal import Journal
from pmjournal.services.snapshot import load_snapshot


@pytest.fixture
def journal_with_secrets(journal: Journal) -> Journal:
    """Two projects at Northwind, one confidential, with feedback from named people."""
    build.internship(journal, "Northwind Labs", "PM Intern", date(2026, 6, 1))
    build.person(journal, "Dana Whitfield", relationship="mentor")
    build.person(journal, "Quinn Hale", relationship="peer", confidential=True)
    public, secret = "Onboarding checklist", "Project Falcon"
    build.case_study(
        journal,
        public,
        internship="Northwind Labs",
        role="I ran the interviews at Northwind Labs with Dana.",
        problem="New teams stalled in week one.",
        outcome="Shipped to all new accounts.",
        start_date=date(2026, 6, 2),
        metrics=[
            {"name": "Activation", "baseline": 42, "result": 58, "unit": "%", "better": "higher"},
            {"name": "Revenue at risk", "baseline": 1, "result": 2, "confidential": True},
        ],
    )
    build.case_study(
        journal,
        secret,
        internship="Northwind Labs",
        confidential=True,
        role="I sized it.",
        metrics=[{"name": "Falcon revenue", "baseline": 10, "result": 20}],
    )
    entry_id = build.entry(
        journal, date(2026, 6, 3), "Interviewed five admins with Dana.", projects=[public]
    )
    build.evidence_of(journal, "User research", "five interviews", entry_id=entry_id)
    build.entry(journal, date(2026, 6, 4), "Falcon pricing", projects=[secret])
    dana = "Dana Whitfield"
    build.feedback_from(
        journal,
        "Dana: crisp.",
        date(2026, 6, 10),
        person=dana,
        relationship="mentor",
        projects=[public],
    )
    build.feedback_from(
        journal,
        "Private note",
        date(2026, 6, 11),
        person=dana,
        confidential=True,
        projects=[public],
    )
    build.feedback_from(
        journal, "Quinn's words", date(2026, 6, 12), person="Quinn Hale", projects=[public]
    )
    build.feedback_from(
        journal, "Falcon was bold", date(2026, 6, 13), person=dana, projects=[secret]
    )
    return journal


def test_confidential_projects_metrics_and_feedback_are_left_out(journal_with_secrets: Journal):
    snapshot = load_snapshot(journal_with_secrets)

    assert [p.name for p in snapshot.projects] == ["Onboarding checklist"]
    project = snapshot.projects[0]
    assert [m.name for m in project.metrics] == ["Activation"]
    assert project.metrics[0].text == "42% → 58% (+16 pts)"
    assert [f.text for f in project.feedback] == ["Dana: crisp."]
    assert [f.text for f in snapshot.feedback] == ["Dana: crisp."]
    assert [e.body for e in snapshot.entries] == ["Interviewed five admins with Dana."]
    assert project.skills == (("User research", 1),)


def test_naming_a_confidential_project_is_refused(journal_with_secrets: Journal):
    with pytest.raises(ValidationError, match="confidential") as raised:
        load_snapshot(journal_with_secrets, project_names=["project falcon"])
    assert raised.value.field == "project"


def test_an_unknown_project_name_suggests_the_right_one(journal_with_secrets: Journal):
    with pytest.raises(ValidationError, match="Onboarding checklist"):
        load_snapshot(journal_with_secrets, project_names=["Onboarding checklst"])


def test_redaction_replaces_organisation_and_people_names(journal_with_secrets: Journal):
    snapshot = load_snapshot(journal_with_secrets, redact=True)

    project = snapshot.projects[0]
    assert project.role == "I ran the interviews at Company A with my mentor."
    assert project.internship is not None and project.internship.organisation == "Company A"
    assert project.feedback[0].person == "my mentor"
    assert project.feedback[0].text == "My mentor: crisp."
    assert snapshot.entries[0].body == "Interviewed five admins with my mentor."
    assert snapshot.internships[0].organisation == "Company A"


def test_a_project_without_role_or_result_names_what_is_missing(journal: Journal):
    build.project(journal, "Half done", summary="Some notes")
    project = load_snapshot(journal).projects[0]
    assert project.missing == ("role", "result", "problem")


def test_projects_without_content_are_skipped_unless_asked_for(journal: Journal):
    build.project(journal, "Empty shell")
    assert load_snapshot(journal).projects == ()
    assert [p.name for p in load_snapshot(journal, include_empty=True).projects] == ["Empty shell"]


def test_confidential_names_are_replaced_even_without_redact(journal_with_secrets: Journal):
    build.entry(
        journal_with_secrets,
        date(2026, 6, 20),
        "Paired with Quinn; Project Falcon slipped, checklist shipped.",
        projects=["Onboarding checklist"],
    )
    snapshot = load_snapshot(journal_with_secrets)

    assert snapshot.entries[-1].body == (
        "Paired with a peer; a confidential project slipped, checklist shipped."
    )
    assert "Dana" in snapshot.projects[0].role


def test_an_entry_or_feedback_touching_a_confidential_project_is_left_out(
    journal_with_secrets: Journal,
):
    both = ["Onboarding checklist", "Project Falcon"]
    build.entry(journal_with_secrets, date(2026, 6, 21), "Pilot: 15% on 46 trials", projects=both)
    build.feedback_from(journal_with_secrets, "Both went well", date(2026, 6, 22), projects=both)
    snapshot = load_snapshot(journal_with_secrets)

    assert all("46 trials" not in e.body for e in snapshot.entries)
    assert all(f.text != "Both went well" for f in snapshot.feedback)
    assert all(e.body != "Pilot: 15% on 46 trials" for e in snapshot.projects[0].entries)


def test_tags_skills_and_internship_titles_are_redacted_too(journal_with_secrets: Journal):
    build.skill(journal_with_secrets, "Project Falcon pricing")
    build.entry(
        journal_with_secrets,
        date(2026, 6, 23),
        projects=["Onboarding checklist"],
        tags=["Project Falcon"],
        skills=["Project Falcon pricing"],
    )
    build.edit_internship(journal_with_secrets, "Northwind Labs", title="Intern on Project Falcon")
    snapshot = load_snapshot(journal_with_secrets)

    last = snapshot.entries[-1]
    assert last.tags == ("A confidential project",)
    assert last.skills == ("A confidential project pricing",)
    assert snapshot.internships[0].title == "Intern on a confidential project"
    assert "Project Falcon" not in repr(snapshot)
