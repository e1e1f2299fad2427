"""Feedback on a real journal: drafts, links, the follow-up, filters, and deleting with evidence."""

from __future__ import annotations

from datetime import date

import pytest
from seed_rows import add_internship, add_person, add_project

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import FeedbackKind, Relationship
from pmjournal.services.records.feedback import (
    FeedbackDraft,
    add_feedback,
    delete_feedback,
    feedback_delete_impact,
    follow_up_feedback,
    get_feedback,
    list_feedback,
    update_feedback,
)
from pmjournal.storage.database import Journal


def draft(text: str = "Your synthesis changed the roadmap.", **kwargs: object) -> FeedbackDraft:
    return FeedbackDraft(text=text, **kwargs)  # type: ignore[arg-type]


def test_added_feedback_links_person_projects_and_skills(journal: Journal) -> None:
    add_person(journal, "Grace Lin", "mentor")
    add_project(journal, "Onboarding revamp")
    heard: list[Changes] = []
    journal.changes.subscribe(heard.append)

    outcome = add_feedback(
        journal,
        draft(
            day=date(2026, 7, 2),
            person="grace lin",
            projects=["onboarding revamp"],
            skills=["Communication", "communication"],
        ),
    )

    record = outcome.value
    assert (record.person, record.relationship, record.kind) == ("Grace Lin", "mentor", "praise")
    assert record.projects == ("Onboarding revamp",)
    assert record.skills == ("Communication",)
    assert record.follow_up.text == "" and not record.follow_up.done
    assert outcome.changes == Changes.of(created=[(Kind.FEEDBACK, record.id)])
    assert heard == [outcome.changes]
    assert get_feedback(journal, record.id) == record


def test_an_unknown_person_suggests_the_closest_and_saves_nothing(journal: Journal) -> None:
    add_person(journal, "Grace Lin")
    with pytest.raises(ValidationError, match="did you mean 'Grace Lin'") as raised:
        add_feedback(journal, draft(person="Grace Lyn"))
    assert raised.value.field == "person"
    assert list_feedback(journal).total == 0


def test_empty_text_is_refused_before_the_journal_is_touched(journal: Journal) -> None:
    with pytest.raises(ValidationError) as raised:
        add_feedback(journal, draft("   "))
    assert raised.value.field == "text"


def test_update_keeps_the_follow_up_and_the_notes_of_skills_kept(journal: Journal) -> None:
    first = add_feedback(journal, draft(skills=["Communication"])).value
    follow_up_feedback(journal, first.id, "Shared the template", done=False)
    updated = update_feedback(
        journal,
        first.id,
        draft("Sharper now", kind=FeedbackKind.CONSTRUCTIVE, relationship=Relationship.PEER),
    ).value
    assert (updated.text, updated.kind, updated.skills) == ("Sharper now", "constructive", ())
    assert updated.follow_up.text == "Shared the template"


def test_follow_up_done_is_dated_today_unless_given(journal: Journal) -> None:
    record = add_feedback(journal, draft()).value
    done = follow_up_feedback(journal, record.id, "Ran a retro", done=True).value
    assert done.follow_up.done and done.follow_up.on == date.today()
    again = follow_up_feedback(journal, record.id, "Ran a retro", True, date(2026, 7, 9)).value
    assert again.follow_up.on == date(2026, 7, 9)
    reopened = follow_up_feedback(journal, record.id, "Still to do", done=False).value
    assert not reopened.follow_up.done and reopened.follow_up.on is None


def test_follow_up_of_unknown_feedback_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="no feedback with id 99"):
        follow_up_feedback(journal, 99, "x", done=True)


def test_list_filters_combine_and_page_with_the_total(journal: Journal) -> None:
    add_person(journal, "Grace Lin", "mentor")
    add_person(journal, "Omar Haddad", "manager")
    add_project(journal, "Pricing")
    for day in range(1, 8):
        add_feedback(
            journal,
            draft(
                f"note {day} about pricing" if day % 2 else f"note {day}",
                day=date(2026, 7, day),
                person="Grace Lin" if day <= 4 else "Omar Haddad",
                kind=FeedbackKind.PRAISE if day % 3 else FeedbackKind.SUGGESTION,
                projects=["Pricing"] if day % 2 else [],
                skills=["Prioritisation"] if day == 5 else [],
            ),
        )
    follow_up_feedback(journal, 1, "done", done=True)

    everything = list_feedback(journal, limit=3)
    assert everything.total == 7
    assert [f.date.day for f in everything.items] == [7, 6, 5]
    assert [f.date.day for f in list_feedback(journal, limit=3, offset=6).items] == [1]
    assert list_feedback(journal, person="grace lin").total == 4
    assert [f.date.day for f in list_feedback(journal, kind="suggestion").items] == [6, 3]
    assert [f.date.day for f in list_feedback(journal, project="pricing").items] == [7, 5, 3, 1]
    assert [f.date.day for f in list_feedback(journal, skill="prioritisation").items] == [5]
    assert list_feedback(journal, open_follow_up=True).total == 6
    assert [f.id for f in list_feedback(journal, open_follow_up=False).items] == [1]
    window = list_feedback(journal, since=date(2026, 7, 2), until=date(2026, 7, 3))
    assert [f.date.day for f in window.items] == [3, 2]
    assert list_feedback(journal, text="PRICING", person="Omar Haddad").total == 2


def test_list_by_internship_follows_the_projects(journal: Journal) -> None:
    first = add_internship(journal, "Northwind")
    second = add_internship(journal, "Contoso")
    add_project(journal, "Pricing", first)
    add_project(journal, "Billing", second)
    add_feedback(journal, draft("about pricing", projects=["Pricing"]))
    add_feedback(journal, draft("about both", projects=["Pricing", "Billing"]))
    add_feedback(journal, draft("about nothing"))
    assert [f.text for f in list_feedback(journal, internship=first).items] == [
        "about both",
        "about pricing",
    ]
    assert [f.text for f in list_feedback(journal, internship=second).items] == ["about both"]


def test_a_bad_page_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError) as raised:
        list_feedback(journal, limit=0)
    assert raised.value.field == "limit"


def test_deleting_feedback_that_is_evidence_needs_the_choice(journal: Journal) -> None:
    record = add_feedback(journal, draft(skills=["Communication", "Presenting"])).value
    assert feedback_delete_impact(journal, record.id).summary() == (
        "deleting it would delete 2 skill evidence with it"
    )
    with pytest.raises(ValidationError, match="delete 2 skill evidence with it") as raised:
        delete_feedback(journal, record.id, choice=DeleteChoice.REFUSE)
    assert raised.value.field == "choice"
    assert get_feedback(journal, record.id) == record

    outcome = delete_feedback(journal, record.id, choice=DeleteChoice.DETACH)

    assert get_feedback(journal, record.id) is None
    assert (Kind.FEEDBACK, record.id) in outcome.changes.deleted
    assert Kind.EVIDENCE in outcome.changes.kinds


def test_deleting_plain_feedback_needs_no_choice(journal: Journal) -> None:
    record = add_feedback(journal, draft()).value
    delete_feedback(journal, record.id, choice=DeleteChoice.REFUSE)
    assert list_feedback(journal).total == 0
