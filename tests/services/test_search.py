"""Full-text search: ranking, prefixes, what users type, and an index that follows every change."""

from __future__ import annotations

from datetime import date

import journal_builder as build
import pytest

from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import EntryDraft, add_entry, delete_entry, update_entry
from pmjournal.services.records.feedback import delete_feedback, follow_up_feedback
from pmjournal.services.records.metrics import list_metrics
from pmjournal.services.records.people import delete_person
from pmjournal.services.records.projects import delete_project
from pmjournal.services.search import search_journal
from pmjournal.storage.search import MARK_END, MARK_START

FILLER = (
    "Spent the morning on the quarterly planning document, met the design lead about the new "
    "settings screen, answered support questions, reviewed the analytics dashboard for the "
    "checkout funnel, wrote meeting notes and sent them to the team before lunch."
)


def found(journal: Journal, query: str) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search_journal(journal, query)]


def test_the_better_match_comes_first(journal: Journal) -> None:
    weak = add_entry(journal, EntryDraft(text=f"{FILLER} Also glanced at the roadmap.")).value
    strong = add_entry(
        journal, EntryDraft(text="Roadmap review: roadmap risks and roadmap owners agreed.")
    ).value
    assert found(journal, "roadmap") == [("entry", strong.id), ("entry", weak.id)]


def test_a_title_match_outranks_a_passing_mention(journal: Journal) -> None:
    mention = add_entry(journal, EntryDraft(text=f"{FILLER} Pricing came up once.")).value
    titled = add_entry(journal, EntryDraft(title="Pricing", text=FILLER)).value
    assert found(journal, "pricing")[0] == ("entry", titled.id)
    assert ("entry", mention.id) in found(journal, "pricing")


def test_every_word_must_match(journal: Journal) -> None:
    both = add_entry(journal, EntryDraft(text="Roadmap risks reviewed")).value
    add_entry(journal, EntryDraft(text="Roadmap owners named"))
    assert found(journal, "roadmap risks") == [("entry", both.id)]


def test_words_match_as_prefixes(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="Interviewed five customers")).value
    assert found(journal, "interv") == [("entry", entry.id)]
    assert found(journal, "cust interv") == [("entry", entry.id)]
    assert found(journal, "viewed") == []


def test_case_and_accents_do_not_matter(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="Naïve pricing chat at the Café")).value
    assert found(journal, "CAFE naive") == [("entry", entry.id)]


@pytest.mark.parametrize(
    "query",
    [
        '"foo" OR -bar (',
        "NEAR(a b)",
        "title:secret",
        "a AND OR NOT b",
        "'; DROP TABLE entries; --",
        "^start",
        '"unbalanced',
        "{title body}: x",
        "x* + y",
        "c++ / c#",
        "50% → 60%",
        "AND",
        "NOT",
    ],
)
def test_operators_and_punctuation_in_a_query_never_fail(journal: Journal, query: str) -> None:
    add_entry(journal, EntryDraft(text="something searchable"))
    assert isinstance(search_journal(journal, query), list)
    assert found(journal, "searchable") != []


def test_operator_words_are_searched_as_words(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="foo orange bar")).value
    add_entry(journal, EntryDraft(text="foo alone"))
    assert found(journal, '"foo" OR -bar (') == [("entry", entry.id)]


@pytest.mark.parametrize("query", ["", "   ", "()", "***", '"" -'])
def test_a_query_without_words_is_refused(journal: Journal, query: str) -> None:
    with pytest.raises(ValidationError) as raised:
        search_journal(journal, query)
    assert raised.value.field == "query"


def test_snippets_mark_the_matched_words(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text="We interviewed users about onboarding."))
    [hit] = search_journal(journal, "interview")
    assert f"{MARK_START}interviewed{MARK_END}" in hit.snippet
    assert hit.highlighted("<mark>", "</mark>") == (
        "We <mark>interviewed</mark> users about onboarding."
    )


def test_a_long_entry_gives_a_short_snippet_around_the_match(journal: Journal) -> None:
    add_entry(journal, EntryDraft(text=f"{FILLER} The churn number finally moved. {FILLER}"))
    [hit] = search_journal(journal, "churn")
    plain = hit.highlighted("", "")
    assert "churn number finally moved" in plain
    assert len(plain.split()) <= 16
    assert "…" in plain


def test_hits_say_what_they_are_and_when(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="Launch retro notes", day=date(2026, 7, 3))).value
    project_id = build.project(journal, "Launch plan", start_date=date(2026, 6, 1))
    feedback_id = build.feedback_from(journal, "Great launch, clear comms.", date(2026, 7, 4))
    hits = {hit.kind: hit for hit in search_journal(journal, "launch")}
    assert (hits["entry"].id, hits["entry"].day) == (entry.id, date(2026, 7, 3))
    assert (hits["project"].id, hits["project"].day) == (project_id, date(2026, 6, 1))
    assert hits["project"].title == "Launch plan"
    assert (hits["feedback"].id, hits["feedback"].day) == (feedback_id, date(2026, 7, 4))


def test_the_number_of_hits_is_limited(journal: Journal) -> None:
    for number in range(30):
        add_entry(journal, EntryDraft(text=f"standup note {number}"))
    assert len(search_journal(journal, "standup")) == 20
    assert len(search_journal(journal, "standup", limit=5)) == 5


def test_the_index_follows_entry_updates_and_deletes(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="Draft about churn")).value
    update_entry(journal, entry.id, EntryDraft(text="Final about retention", title="Retention"))
    assert found(journal, "churn") == []
    assert found(journal, "retention") == [("entry", entry.id)]
    delete_entry(journal, entry.id)
    assert found(journal, "retention") == []


def test_the_index_follows_project_changes(journal: Journal) -> None:
    project_id = build.project(journal, "Checkout speed", problem="Checkout takes 40 seconds")
    assert found(journal, "seconds") == [("project", project_id)]
    build.edit_project(
        journal, "Checkout speed", name="Payment latency", problem="Payment takes too long"
    )
    assert found(journal, "seconds") == []
    assert found(journal, "latency") == [("project", project_id)]
    delete_project(journal, project_id, choice=DeleteChoice.REFUSE)
    assert found(journal, "payment") == []


def test_the_index_follows_feedback_changes(journal: Journal) -> None:
    feedback_id = build.feedback_from(journal, "Slides were dense", date(2026, 7, 1))
    assert found(journal, "dense") == [("feedback", feedback_id)]
    follow_up_feedback(journal, feedback_id, "Cut every slide to one idea", done=False)
    assert found(journal, "slide idea") == [("feedback", feedback_id)]
    delete_feedback(journal, feedback_id, choice=DeleteChoice.REFUSE)
    assert found(journal, "slides") == []


def test_ids_of_different_kinds_do_not_collide(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft(text="alpha in an entry")).value
    project_id = build.project(journal, "Alpha project")
    feedback_id = build.feedback_from(journal, "alpha feedback", date(2026, 7, 1))
    assert entry.id == project_id == feedback_id == 1
    assert sorted(found(journal, "alpha")) == [("entry", 1), ("feedback", 1), ("project", 1)]
    delete_entry(journal, entry.id)
    assert sorted(found(journal, "alpha")) == [("feedback", 1), ("project", 1)]


def test_an_empty_journal_finds_nothing(journal: Journal) -> None:
    assert search_journal(journal, "anything") == []


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Soren", "Søren"),
        ("Lukasz", "Łukasz"),
        ("Aesa", "Æsa"),
        ("strasse", "Straße"),
        ("Dang", "Đặng"),
        ("Huong", "Hương"),
        ("soren", "SØREN"),
    ],
)
def test_letters_fold_the_way_users_type_them(journal: Journal, typed: str, written: str) -> None:
    entry = add_entry(journal, EntryDraft(text=f"Call with {written} about pricing.")).value
    add_entry(journal, EntryDraft(text="Call with someone else about pricing."))

    assert found(journal, typed) == [("entry", entry.id)]
    assert found(journal, written) == [("entry", entry.id)]
    [hit] = search_journal(journal, typed)
    assert written in hit.snippet


def test_people_goals_and_metrics_are_searchable(journal: Journal) -> None:
    ids = (
        build.person(journal, "Søren Holm", title="Data lead", notes="Knows the funnel"),
        build.goal(
            journal, "Learn SQL windows", description="Rank trials", target_date=date(2026, 8, 1)
        ),
        build.case_study(
            journal,
            "Funnel",
            metrics=[{"name": "Trial rank", "result": 1, "note": "From the funnel query"}],
        ),
    )
    [metric] = list_metrics(journal, project="Funnel").items
    ids = (ids[0], ids[1], metric.id, ids[2])

    assert found(journal, "soren") == [("person", ids[0])]
    assert found(journal, "windows") == [("goal", ids[1])]
    assert set(found(journal, "rank")) == {("goal", ids[1]), ("metric", ids[2])}
    assert {kind for kind, _ in found(journal, "funnel")} == {"person", "metric", "project"}
    [goal_hit] = search_journal(journal, "windows")
    assert goal_hit.day == date(2026, 8, 1)
    delete_person(journal, ids[0], choice=DeleteChoice.REFUSE)
    assert found(journal, "soren") == []


@pytest.mark.parametrize("query", ["🎉", "🎉 🚀", "✅✅"])
def test_an_emoji_only_query_says_it_cannot_be_searched(journal: Journal, query: str) -> None:
    with pytest.raises(ValidationError) as raised:
        search_journal(journal, query)
    assert "only words can be searched" in raised.value.message
    assert "at least one word" not in raised.value.message
