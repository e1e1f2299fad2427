"""Assembling bullets from the user's sentences: inflect, cut and join, never invent."""

from __future__ import annotations

from pmjournal.domain.bullet_text import (
    Action,
    action_clauses,
    compose,
    depersonalise,
    fits,
    gerund,
    metric_label,
    plain_text,
    result_of,
    trimmed,
)
from pmjournal.domain.metrics import Quantity, compute_change
from pmjournal.domain.sentences import sentences
from pmjournal.domain.vocab import Direction


def pasts(sentence: str) -> list[str]:
    return [a.past for a in action_clauses(sentence)]


def test_a_subject_is_stripped_and_the_verb_kept_or_made_past():
    assert pasts("I led discovery for the checklist.") == ["led discovery for the checklist"]
    assert pasts("I own the analysis.") == ["owned the analysis"]
    assert pasts("We wrote the spec.") == ["wrote the spec"]
    assert pasts("As the only PM intern, I ran five interviews.") == ["ran five interviews"]
    assert pasts("I was responsible for defining the metrics.") == ["defined the metrics"]
    assert pasts("Responsible for sizing the market and aligning sales.") == [
        "sized the market",
        "aligned sales",
    ]


def test_weak_or_verbless_sentences_give_nothing_rather_than_an_upgrade():
    assert pasts("I helped the team ship the checklist.") == []
    assert pasts("I worked on the pricing page.") == []
    assert pasts("Product owner for the onboarding flow.") == []
    assert pasts("Research showed that users churn.") == []


def test_a_list_of_actions_keeps_shared_objects_and_puts_a_strong_verb_first():
    found = action_clauses(
        "I read and coded 148 tickets, interviewed six users, worked with Sam on the build "
        "and wrote the notes."
    )

    assert [a.past for a in found] == [
        "interviewed six users",
        "read and coded 148 tickets",
        "worked with Sam on the build",
        "wrote the notes",
    ]
    assert found[1].gerund == "reading and coding 148 tickets"


def test_first_person_is_removed_or_the_clause_cut_before_it():
    assert depersonalise("ran the test with my mentor") == "ran the test with the mentor"
    assert depersonalise("ran the test, which we then shipped") == "ran the test"
    assert depersonalise("we ran it") is None
    assert pasts("I ran the test so that we could ship it.") == ["ran the test"]
    assert pasts("I ran the test, and we shipped it.") == ["ran the test", "shipped it"]


def test_gerunds_double_or_drop_letters_as_english_does():
    assert gerund("map") == "mapping"
    assert gerund("size") == "sizing"
    assert gerund("agree") == "agreeing"


def test_sentences_split_on_ends_and_list_items_not_abbreviations():
    text = "First one, e.g. this. Second one!\n- **Bold** [item](http://x)\n"

    assert sentences(text) == ["First one, e.g. this.", "Second one!", "Bold item"]


def test_a_result_states_the_computed_change_with_an_honest_verb():
    better = compute_change(
        Quantity(37, "tickets/week"), Quantity(22, "tickets/week"), Direction.LOWER
    )
    worse = compute_change(Quantity(42, "%"), Quantity(40, "%"), Direction.HIGHER)
    no_baseline = compute_change(None, Quantity(1200, "users"), Direction.HIGHER)

    improved = result_of("Setup tickets", better, ascii_only=True)
    assert improved is not None and improved.up is False
    assert improved.phrase == "setup tickets from 37 to 22 tickets/week (-41%)"
    assert result_of("Activation", worse).phrase == "with activation from 42% to 40% (−2 pts)"
    assert result_of("Weekly users", no_baseline).phrase == "with weekly users at 1,200"
    assert result_of("Reach", no_baseline).phrase == "with reach at 1,200 users"
    assert result_of("NPS", compute_change(None, None, Direction.HIGHER)) is None
    assert metric_label("NPS (day 14)") == "NPS (day 14)"
    assert metric_label("D7 retention") == "D7 retention"


def test_compose_states_a_cause_only_when_tied_and_never_stitches_a_method_on():
    change = compute_change(Quantity(42, "%"), Quantity(58, "%"), Direction.HIGHER)
    result = result_of("Completion", change)
    owned = [Action("owned the launch", "owning the launch")]
    wrote = [Action("wrote the spec", "writing the spec")]

    assert compose(wrote, result).text == (
        "Raised completion from 42% to 58% (+16 pts) by writing the spec"
    )
    assert compose(owned, result, tied=False).text == (
        "Owned the launch; over the project, completion rose from 42% to 58% (+16 pts)"
    )
    assert " by " not in compose(owned, result, tied=False).text
    taken = compose(wrote, result, taken=lambda verb: verb == "raised")
    assert taken.text.startswith("Increased completion")


def test_compose_drops_whole_clauses_to_fit_one_line_and_keeps_the_number():
    change = compute_change(Quantity(9, "%"), Quantity(4, "%"), Direction.LOWER)
    actions = [Action(f"ran workshop number {n} with the whole team", None) for n in range(6)]

    composed = compose(actions, result_of("Abandonment", change))

    assert fits(composed.text) and len(composed.text) <= 110
    assert composed.text.endswith("cutting abandonment from 9% to 4% (−5 pts)")
    assert 1 <= composed.actions_used < len(actions)


def test_a_long_clause_loses_its_trailing_qualifier_never_a_number_or_half_a_phrase():
    sentence = (
        "cut the load of the first report from 3.2 s to 1.1 s by pre-computing summary "
        "tables for the three reports new users open"
    )

    assert trimmed(sentence) == [
        "cut the load of the first report from 3.2 s to 1.1 s by pre-computing summary tables"
    ]
    assert trimmed("ran a test for 3 weeks with users") == ["ran a test for 3 weeks"]
    assert trimmed("ran it for the team") == []


def test_plain_text_turns_typography_into_ascii():
    assert plain_text("42% → 31% (−26%) — “done”") == '42% -> 31% (-26%) - "done"'
