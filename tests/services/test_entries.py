"""Writing entries: what is saved, what is refused, and that a refusal saves nothing."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date

import pytest
from journal_builder import project

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import EntryKind
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records.entries import (
    EntryDraft,
    add_entry,
    delete_entry,
    entries_between,
    get_entry,
    recent_entries,
    update_entry,
)
from pmjournal.services.records.evidence import list_evidence, update_evidence
from pmjournal.services.records.projects import list_projects
from pmjournal.services.records.tags import list_tags


@pytest.fixture
def projects(journal: Journal) -> Journal:
    project(journal, "Onboarding revamp")
    project(journal, "Pricing page")
    return journal


def count(journal: Journal, what: str) -> int:
    """How many entries, evidence notes, tags or projects the journal holds."""
    totals: dict[str, Callable[[], int]] = {
        "entries": lambda: len(recent_entries(journal, limit=1000)),
        "evidence": lambda: list_evidence(journal).total,
        "tags": lambda: list_tags(journal).total,
        "projects": lambda: list_projects(journal).total,
    }
    return totals[what]()


def test_an_entry_is_saved_with_its_links(projects: Journal) -> None:
    record = add_entry(
        projects,
        EntryDraft(
            text="  Ran five interviews about onboarding drop-off.  ",
            day=date(2026, 6, 3),
            kind=EntryKind.WEEKLY,
            title=" Interviews ",
            projects=["Onboarding revamp"],
            skills=["User research", "Communication"],
            tags=["research"],
        ),
    ).value
    saved = get_entry(projects, record.id)
    assert saved == record
    assert saved.body == "Ran five interviews about onboarding drop-off."
    assert saved.title == "Interviews"
    assert saved.date == date(2026, 6, 3)
    assert saved.kind == "weekly"
    assert saved.projects == ("Onboarding revamp",)
    assert saved.skills == ("User research", "Communication")
    assert saved.tags == ("research",)


def test_an_entry_without_a_date_is_dated_today(journal: Journal) -> None:
    record = add_entry(journal, EntryDraft(text="today")).value
    assert record.date == date.today()
    assert record.kind == "daily"


def test_names_are_matched_without_case_and_saved_as_the_journal_spells_them(
    projects: Journal,
) -> None:
    record = add_entry(
        projects,
        EntryDraft(
            text="x", projects=["  onboarding REVAMP "], skills=["user research"], tags=["#Q3"]
        ),
    ).value
    assert record.projects == ("Onboarding revamp",)
    assert record.skills == ("User research",)
    assert record.tags == ("Q3",)


def test_duplicate_links_are_collapsed(projects: Journal) -> None:
    record = add_entry(
        projects,
        EntryDraft(
            text="x",
            projects=["Pricing page", "pricing page", "Pricing page"],
            skills=["Prioritisation", "PRIORITISATION"],
            tags=["#launch", "launch", "Launch"],
        ),
    ).value
    assert record.projects == ("Pricing page",)
    assert record.skills == ("Prioritisation",)
    assert record.tags == ("launch",)
    assert count(projects, "evidence") == 1
    assert count(projects, "tags") == 1


def test_a_tag_used_again_is_the_same_tag(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text="one", tags=["research"]))
    add_entry(journal, EntryDraft(text="two", tags=["Research"]))
    assert count(journal, "tags") == 1


def test_linking_a_project_and_skills_raises_no_warnings(projects: Journal) -> None:
    """Warnings reach the terminal of every ``pmjournal add``; saving must not emit any."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        add_entry(
            projects,
            EntryDraft(
                text="linked", projects=["Pricing page"], skills=["Roadmapping"], tags=["t"]
            ),
        )


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_an_entry_needs_text(journal: Journal, text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        add_entry(journal, EntryDraft(text=text))
    assert raised.value.field == "text"
    assert count(journal, "entries") == 0


def test_a_title_longer_than_the_limit_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError) as raised:
        add_entry(journal, EntryDraft(text="x", title="t" * 301))
    assert raised.value.field == "title"
    add_entry(journal, EntryDraft(text="x", title="t" * 300))


def test_an_unknown_project_suggests_the_close_one_and_saves_nothing(projects: Journal) -> None:
    with pytest.raises(ValidationError) as raised:
        add_entry(
            projects,
            EntryDraft(text="x", projects=["Onbording revamp"], tags=["new-tag"]),
        )
    assert raised.value.field == "project"
    assert "'Onbording revamp'" in raised.value.message
    assert "did you mean 'Onboarding revamp'?" in raised.value.message
    assert count(projects, "entries") == 0
    assert count(projects, "tags") == 0


def test_an_unknown_project_in_an_empty_journal_says_there_are_none(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="the journal has no projects yet"):
        add_entry(journal, EntryDraft(text="x", projects=["Anything"]))


def test_an_unknown_skill_is_refused_after_a_valid_project_and_saves_nothing(
    projects: Journal,
) -> None:
    with pytest.raises(ValidationError) as raised:
        add_entry(
            projects,
            EntryDraft(text="x", projects=["Pricing page"], skills=["Juggling"], tags=["t"]),
        )
    assert raised.value.field == "skill"
    assert "no skill named 'Juggling'" in raised.value.message
    assert count(projects, "entries") == 0
    assert count(projects, "evidence") == 0
    assert count(projects, "tags") == 0


def test_a_misspelt_skill_gets_a_suggestion(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="did you mean 'Prioritisation'"):
        add_entry(journal, EntryDraft(text="x", skills=["Prioritization"]))


def test_an_empty_tag_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError) as raised:
        add_entry(journal, EntryDraft(text="x", tags=["#"]))
    assert raised.value.field == "tag"
    assert count(journal, "entries") == 0


def test_updating_changes_text_and_links(projects: Journal) -> None:
    record = add_entry(
        projects, EntryDraft(text="draft", projects=["Pricing page"], skills=["Roadmapping"])
    ).value
    updated = update_entry(
        projects,
        record.id,
        EntryDraft(
            text="final",
            day=date(2026, 7, 1),
            projects=["Onboarding revamp"],
            skills=["Data analysis"],
        ),
    ).value
    assert updated.id == record.id
    assert (updated.body, updated.date) == ("final", date(2026, 7, 1))
    assert updated.projects == ("Onboarding revamp",)
    assert updated.skills == ("Data analysis",)
    assert get_entry(projects, record.id) == updated
    assert count(projects, "evidence") == 1


def test_updating_keeps_the_note_of_a_skill_that_stays(journal: Journal) -> None:
    record = add_entry(journal, EntryDraft(text="x", skills=["User research"])).value
    [evidence] = list_evidence(journal).items
    update_evidence(journal, evidence.id, "Ran five interviews")
    update_entry(journal, record.id, EntryDraft(text="y", skills=["User research", "Presenting"]))
    notes = {e.skill: e.note for e in list_evidence(journal).items}
    assert notes == {"User research": "Ran five interviews", "Presenting": ""}


def test_a_refused_update_leaves_the_entry_as_it_was(projects: Journal) -> None:
    record = add_entry(projects, EntryDraft(text="original", projects=["Pricing page"])).value
    with pytest.raises(ValidationError):
        update_entry(projects, record.id, EntryDraft(text="changed", projects=["Nope"]))
    assert get_entry(projects, record.id) == record


def test_updating_or_deleting_a_missing_entry_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="no entry with id 99"):
        update_entry(journal, 99, EntryDraft(text="x"))
    with pytest.raises(ValidationError, match="no entry with id 99"):
        delete_entry(journal, 99)


def test_deleting_an_entry_removes_its_evidence_but_not_its_project(projects: Journal) -> None:
    record = add_entry(
        projects, EntryDraft(text="x", projects=["Pricing page"], skills=["Roadmapping"])
    ).value
    delete_entry(projects, record.id)
    assert get_entry(projects, record.id) is None
    assert count(projects, "evidence") == 0
    assert count(projects, "projects") == 2


def test_recent_entries_are_newest_first_and_page(journal: Journal) -> None:
    for day, text in [(3, "c"), (1, "a"), (2, "b1"), (2, "b2")]:
        add_entry(journal, EntryDraft(text=text, day=date(2026, 6, day)))
    assert [e.body for e in recent_entries(journal)] == ["c", "b2", "b1", "a"]
    assert [e.body for e in recent_entries(journal, limit=2, offset=1)] == ["b2", "b1"]


def test_entries_between_includes_both_ends_oldest_first(journal: Journal) -> None:
    for day in (1, 7, 8, 14, 15):
        add_entry(journal, EntryDraft(text=f"day {day}", day=date(2026, 6, day)))
    found = entries_between(journal, date(2026, 6, 8), date(2026, 6, 14))
    assert [e.body for e in found] == ["day 8", "day 14"]


def test_saved_entries_are_there_after_reopening(journal: Journal) -> None:
    record = add_entry(journal, EntryDraft(text="durable", skills=["Presenting"])).value
    journal.close()
    again = open_journal(journal.data_dir, auto_backup=False)
    try:
        assert get_entry(again, record.id) == record
    finally:
        again.close()


def test_every_entry_write_says_what_it_changed_after_the_commit(projects: Journal) -> None:
    heard: list[Changes] = []
    projects.changes.subscribe(heard.append)
    added = add_entry(projects, EntryDraft(text="Kick-off", projects=["Onboarding revamp"]))
    edited = update_entry(projects, added.value.id, EntryDraft(text="Kick-off, with notes"))
    deleted = delete_entry(projects, added.value.id)
    entry = (Kind.ENTRY, added.value.id)
    assert [added.changes, edited.changes, deleted.changes] == [
        Changes.of(created=[entry]),
        Changes.of(updated=[entry]),
        Changes.of(deleted=[entry]),
    ]
    assert heard == [added.changes, edited.changes, deleted.changes]
    with pytest.raises(ValidationError):
        add_entry(projects, EntryDraft(text="x", projects=["No such project"]))
    assert len(heard) == 3
