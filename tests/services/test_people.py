"""People services on a real journal: unique names, filters, and deleting someone with feedback."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from journal_builder import feedback_from, import_edited, person, record_of

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.vocab import Relationship
from pmjournal.services.journal import Journal
from pmjournal.services.records.feedback import get_feedback
from pmjournal.services.records.people import (
    add_person,
    delete_person,
    find_person,
    get_person,
    list_people,
    person_delete_impact,
    update_person,
)

MAYA = PersonDraft("Maya Chen", title="Staff PM", organisation="Acme", relationship="mentor")


@pytest.fixture
def heard(journal: Journal) -> list[Changes]:
    changes: list[Changes] = []
    journal.changes.subscribe(changes.append)
    return changes


def give_feedback(journal: Journal, name: str) -> int:
    return feedback_from(
        journal, "Clear notes", date(2026, 6, 9), person=name, relationship="mentor"
    )


def test_a_person_is_saved_found_by_name_and_published(
    journal: Journal, heard: list[Changes]
) -> None:
    outcome = add_person(journal, replace(MAYA, email=" maya@acme.io "))
    record = outcome.value
    assert (record.relationship, record.email) == (Relationship.MENTOR, "maya@acme.io")
    assert find_person(journal, "maya CHEN") == record == get_person(journal, record.id)
    assert find_person(journal, f"#{record.id}") == record
    assert heard == [outcome.changes] == [Changes.of(created={(Kind.PERSON, record.id)})]


def test_a_second_person_of_the_same_name_is_refused(
    journal: Journal, heard: list[Changes]
) -> None:
    add_person(journal, MAYA)
    with pytest.raises(ValidationError) as caught:
        add_person(journal, PersonDraft("maya chen"))
    assert caught.value.field == "name"
    assert list_people(journal).total == 1
    assert len(heard) == 1


def test_an_unknown_name_suggests_the_close_one(journal: Journal) -> None:
    add_person(journal, MAYA)
    with pytest.raises(ValidationError, match="did you mean 'Maya Chen'"):
        find_person(journal, "Maya Chan")


def test_an_update_reports_their_feedback_which_shows_the_name(
    journal: Journal, heard: list[Changes]
) -> None:
    person = add_person(journal, MAYA).value
    feedback = give_feedback(journal, person.name)
    outcome = update_person(journal, person.id, replace(PersonDraft.of(person), name="Maya C."))
    assert (outcome.value.name, outcome.value.feedback_count) == ("Maya C.", 1)
    assert outcome.changes.updated == {(Kind.PERSON, person.id), (Kind.FEEDBACK, feedback)}
    assert heard[-1] == outcome.changes


def test_deleting_someone_who_gave_feedback_needs_the_choice_and_keeps_it(
    journal: Journal, heard: list[Changes]
) -> None:
    person = add_person(journal, MAYA).value
    feedback = give_feedback(journal, person.name)
    assert person_delete_impact(journal, person.id).summary() == (
        "deleting it would unlink 1 feedback (kept)"
    )
    with pytest.raises(ValidationError, match="person 'Maya Chen' is in use"):
        delete_person(journal, person.id, choice=DeleteChoice.REFUSE)
    assert get_person(journal, person.id) is not None
    outcome = delete_person(journal, person.id, choice=DeleteChoice.DETACH)
    assert get_person(journal, person.id) is None
    kept = get_feedback(journal, feedback)
    assert kept is not None
    assert (kept.person, kept.relationship) == (None, "mentor")
    assert outcome.changes == Changes.of(
        deleted={(Kind.PERSON, person.id)}, updated={(Kind.FEEDBACK, feedback)}
    )
    assert heard[-1] == outcome.changes


def test_people_are_listed_by_relationship_organisation_and_text(journal: Journal) -> None:
    add_person(journal, MAYA)
    add_person(journal, PersonDraft("Sam Lee", relationship="peer", notes="design crit buddy"))
    assert [p.name for p in list_people(journal).items] == ["Maya Chen", "Sam Lee"]
    assert [p.name for p in list_people(journal, relationship="Peer").items] == ["Sam Lee"]
    assert [p.name for p in list_people(journal, organisation="acme").items] == ["Maya Chen"]
    assert [p.name for p in list_people(journal, text="crit").items] == ["Sam Lee"]
    with pytest.raises(ValidationError) as caught:
        list_people(journal, relationship="boss")
    assert caught.value.field == "relationship"


def test_names_match_without_case_beyond_ascii(journal: Journal) -> None:
    zoe = add_person(journal, PersonDraft("Zoë Ñúñez")).value
    assert find_person(journal, "ZOË ÑÚÑEZ") == zoe
    with pytest.raises(ValidationError, match="already a person named"):
        add_person(journal, PersonDraft("zoë ñúñez"))


def test_two_people_of_one_name_from_an_import_are_told_apart_by_id(
    journal: Journal, tmp_path: Path
) -> None:
    def build(source: Journal) -> None:
        person(source, "Alex Kim")
        person(source, "Alex Kimura")

    def edit(document: dict[str, Any]) -> None:
        record_of(document, "people", "Alex Kimura")["name"] = "alex kim"

    import_edited(journal, tmp_path / "scratch", build, edit)
    with pytest.raises(ValidationError, match=r"2 people are called 'Alex Kim'; use #1 or #2"):
        find_person(journal, "Alex Kim")
    assert find_person(journal, "#2").name == "alex kim"
