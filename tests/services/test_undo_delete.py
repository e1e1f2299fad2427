"""Deletes that can be undone: the record and its links come back, in one transaction."""

from __future__ import annotations

from datetime import date, timedelta

from pmjournal.domain.changes import Kind
from pmjournal.domain.feedback import FeedbackDraft
from pmjournal.domain.goals import CheckinDraft, GoalDraft
from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.domain.skills import EvidenceSource
from pmjournal.domain.vocab import FeedbackKind
from pmjournal.services.records.entries import EntryDraft, add_entry, get_entry
from pmjournal.services.records.evidence import add_evidence, list_evidence
from pmjournal.services.records.feedback import add_feedback, follow_up_feedback, get_feedback
from pmjournal.services.records.goals import add_checkin, add_goal, get_goal
from pmjournal.services.records.metrics import add_metric, list_metrics
from pmjournal.services.records.people import add_person, find_person
from pmjournal.services.records.projects import (
    find_project,
    get_project,
    list_projects,
    project_entries,
)
from pmjournal.services.records.skills import skill_practice
from pmjournal.services.records.undo import (
    delete_feedback_undoably,
    delete_goal_undoably,
    delete_metric_undoably,
    delete_person_undoably,
    delete_project_undoably,
    restore,
)
from pmjournal.storage.database import Journal


def _project_with_links(journal: Journal) -> tuple[int, int, int]:
    project = add_project_named(journal, "Onboarding")
    entry = add_entry(journal, EntryDraft("Ran interviews", projects=["Onboarding"])).value
    add_person(journal, PersonDraft("Ada", relationship="mentor"))
    feedback = add_feedback(
        journal, FeedbackDraft("Clear plan", person="Ada", projects=["Onboarding"])
    ).value
    add_metric(journal, MetricDraft("Onboarding", "Activation", 31, 42, "%", better="lower"))
    add_evidence(journal, "User research", EvidenceSource(project="Onboarding"), "five calls")
    return project, entry.id, feedback.id


def add_project_named(journal: Journal, name: str) -> int:
    from pmjournal.services.records.projects import add_project

    return add_project(journal, ProjectDraft(name, role="I led it", approach="Interviews")).value.id


def test_undoing_a_project_delete_brings_back_its_metrics_evidence_entries_and_feedback(
    journal: Journal,
) -> None:
    project_id, entry_id, feedback_id = _project_with_links(journal)
    changes_before = [m.change_text for m in list_metrics(journal, project="Onboarding").items]

    deleted = delete_project_undoably(journal, project_id)
    assert get_project(journal, project_id) is None
    assert get_entry(journal, entry_id).projects == ()  # type: ignore[union-attr]
    assert (Kind.PROJECT, project_id) in deleted.changes.deleted

    back = restore(journal, deleted.value)
    project = find_project(journal, "Onboarding")
    assert back.value == project.id
    assert (project.role, project.approach) == ("I led it", "Interviews")
    shown = [m.change_text for m in list_metrics(journal, project="Onboarding").items]
    assert shown == changes_before and shown[0].startswith("42% → 31%")
    assert get_entry(journal, entry_id).projects == ("Onboarding",)  # type: ignore[union-attr]
    assert get_feedback(journal, feedback_id).projects == ("Onboarding",)  # type: ignore[union-attr]
    notes = list_evidence(journal, project="Onboarding").items
    assert [(e.skill, e.note) for e in notes] == [("User research", "five calls")]
    assert (Kind.ENTRY, entry_id) in back.changes.updated


def test_undoing_a_person_delete_gives_their_feedback_back_to_them(journal: Journal) -> None:
    _project_id, _entry, feedback_id = _project_with_links(journal)
    ada = find_person(journal, "Ada")

    deleted = delete_person_undoably(journal, ada.id)
    assert get_feedback(journal, feedback_id).person is None  # type: ignore[union-attr]
    restore(journal, deleted.value)

    assert get_feedback(journal, feedback_id).person == "Ada"  # type: ignore[union-attr]
    assert find_person(journal, "Ada").relationship.value == "mentor"


def test_undoing_a_feedback_delete_keeps_its_follow_up_skills_and_notes(journal: Journal) -> None:
    add_project_named(journal, "Pricing")
    given = add_feedback(
        journal,
        FeedbackDraft(
            "Tighten the brief",
            kind=FeedbackKind.CONSTRUCTIVE,
            projects=["Pricing"],
            skills=["Communication"],
        ),
    ).value
    follow_up_feedback(journal, given.id, "Cut it to one page", True, date(2026, 3, 2))

    deleted = delete_feedback_undoably(journal, given.id)
    assert get_feedback(journal, given.id) is None
    new_id = restore(journal, deleted.value).value

    back = get_feedback(journal, new_id)
    assert back is not None
    assert (back.text, back.kind, back.projects, back.skills) == (
        "Tighten the brief",
        "constructive",
        ("Pricing",),
        ("Communication",),
    )
    assert back.follow_up.done and back.follow_up.on == date(2026, 3, 2)


def test_undoing_goal_and_metric_deletes(journal: Journal) -> None:
    goal = add_goal(journal, GoalDraft("Ship a feature", target_date=date(2026, 4, 1))).value
    add_checkin(journal, goal.id, CheckinDraft("Halfway", date(2026, 3, 1), 50))
    deleted = delete_goal_undoably(journal, goal.id)
    assert get_goal(journal, goal.id) is None
    again = get_goal(journal, restore(journal, deleted.value).value)
    assert again is not None and again.progress == 50 and again.title == "Ship a feature"

    add_project_named(journal, "Search")
    metric = add_metric(journal, MetricDraft("Search", "Latency", 120, 300, "ms", better="lower"))
    gone = delete_metric_undoably(journal, metric.value.id)
    assert list_metrics(journal, project="Search").total == 0
    restore(journal, gone.value)
    assert [m.name for m in list_metrics(journal, project="Search").items] == ["Latency"]


def test_a_project_timeline_lists_its_entries_newest_first(journal: Journal) -> None:
    project_id = add_project_named(journal, "Onboarding")
    day = date(2026, 2, 2)
    for offset in range(3):
        add_entry(
            journal,
            EntryDraft(f"Day {offset}", day=day + timedelta(offset), projects=["Onboarding"]),
        )
    add_entry(journal, EntryDraft("Elsewhere", day=day))

    page = project_entries(journal, project_id, limit=2)
    assert [e.body for e in page.items] == ["Day 2", "Day 1"]
    assert page.total == 3 and page.has_more
    assert list_projects(journal).items[0].entry_count == 3


def test_practice_per_week_counts_entries_with_the_skill(journal: Journal) -> None:
    today = date(2026, 3, 11)
    add_entry(journal, EntryDraft("a", day=date(2026, 3, 9), skills=["Communication"]))
    add_entry(
        journal, EntryDraft("b", day=date(2026, 3, 10), skills=["Communication", "Roadmapping"])
    )
    add_entry(journal, EntryDraft("c", day=date(2026, 3, 2), skills=["Roadmapping"]))
    add_entry(journal, EntryDraft("d", day=date(2025, 1, 2), skills=["Communication"]))

    assert skill_practice(journal, "Communication", weeks=3, today=today) == [0, 0, 2]
    assert skill_practice(journal, None, weeks=3, today=today) == [0, 1, 2]


def test_undoing_an_internship_delete_puts_its_projects_and_goals_back_under_it(
    journal: Journal,
) -> None:
    from pmjournal.domain.internships import InternshipDraft
    from pmjournal.services.records.internships import add_internship, list_internships
    from pmjournal.services.records.projects import add_project
    from pmjournal.services.records.undo import delete_internship_undoably

    internship = add_internship(
        journal, InternshipDraft("Quillmark", "PM Intern", date(2026, 6, 1), team="Growth")
    ).value
    add_project(journal, ProjectDraft("Digest", internship="Quillmark"))
    goal = add_goal(journal, GoalDraft("Ship", internship=internship.id)).value

    deleted = delete_internship_undoably(journal, internship.id)
    assert find_project(journal, "Digest").internship_id is None
    new_id = restore(journal, deleted.value).value

    back = list_internships(journal).items
    assert [(i.id, i.label, i.team) for i in back] == [(new_id, "PM Intern at Quillmark", "Growth")]
    assert find_project(journal, "Digest").internship_id == new_id
    assert get_goal(journal, goal.id).internship_id == new_id  # type: ignore[union-attr]
