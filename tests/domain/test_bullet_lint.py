"""The bullet lint: each PRODUCT.md rule flags what breaks it and nothing that keeps it."""

from __future__ import annotations

import pytest

from pmjournal.domain.bullet_lint import (
    MAX_CHARS,
    STRONG_PAST,
    WEAK_OPENERS,
    is_strong_past,
    lint_bullet,
    repeated_openers,
)

GOOD = "Cut setup tickets from 37 to 22 a week (-41%) by rewriting the import guide"


def codes(text: str, expects_number: bool = True) -> set[str]:
    return {w.code for w in lint_bullet(text, expects_number=expects_number)}


def test_a_strong_bullet_passes_every_rule():
    assert lint_bullet(GOOD, expects_number=True) == ()


def test_a_hand_written_weak_bullet_gets_each_reason():
    warnings = lint_bullet(
        "Responsible for helping my team with the onboarding project", expects_number=True
    )

    by_code = {w.code: w.message for w in warnings}
    assert set(by_code) == {"weak-opener", "first-person", "no-number", "no-method"}
    assert '"responsible for"' in by_code["weak-opener"]
    assert "(my)" in by_code["first-person"]
    assert "metric" in by_code["no-number"]


@pytest.mark.parametrize("opener", WEAK_OPENERS)
def test_every_weak_opener_is_flagged(opener: str):
    text = f"{opener.capitalize()} the pricing page launch by pairing with design, 12 tests"

    assert "weak-opener" in codes(text)
    assert "not-past-tense-verb" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Design a checklist by interviewing 6 users",
        "Designing a checklist by interviewing 6 users",
        "Checklist redesign by interviewing 6 users",
        "- by interviewing 6 users",
    ],
)
def test_an_opener_that_is_not_a_past_tense_verb_is_flagged(text: str):
    assert "not-past-tense-verb" in codes(text)


def test_regular_and_curated_irregular_pasts_are_strong():
    assert is_strong_past("Specced")
    assert {"led", "ran", "built", "wrote", "cut"} <= STRONG_PAST
    assert not is_strong_past("helped")
    assert not is_strong_past("need")


def test_first_person_is_found_in_any_case_but_capitals_are_places():
    assert "first-person" in codes("Led our launch by pairing with design, 12 tests")
    assert "first-person" in codes("Led the launch so we could hit 12 tests by May")
    assert "first-person" in codes("Led the launch by pairing with design; I ran 12 tests")
    assert "first-person" not in codes("Led the US launch by pairing with design, 12 tests")


def test_a_number_is_required_only_when_the_project_has_one():
    text = "Led the launch of the pricing page by pairing with design"

    assert "no-number" in codes(text, expects_number=True)
    assert "no-number" not in codes(text, expects_number=False)


def test_length_is_limited_in_characters_and_words():
    long_words = "Led " + " ".join(["reconfiguration"] * 14) + " by testing 3 flows"
    many_words = "Led " + " ".join(["a"] * 28) + " by 3"

    assert len(long_words) > MAX_CHARS
    assert "too-long" in codes(long_words)
    assert len(many_words) <= MAX_CHARS
    assert "too-many-words" in codes(many_words)
    assert "too-many-words" not in codes(GOOD)


def test_buzzwords_are_named():
    message = {
        w.code: w.message
        for w in lint_bullet(
            "Spearheaded a best-in-class rollout by leveraging 3 teams", expects_number=True
        )
    }["buzzword"]

    assert "spearheaded" in message
    assert "best-in-class" in message
    assert "buzzword" not in codes("Led a first-class rollout by pairing 3 teams")


def test_formatting_an_ats_may_garble_is_flagged():
    assert "not-plain-text" in codes("**Cut** tickets from 37 to 22 by rewriting the guide")
    assert "not-plain-text" in codes("Cut tickets 37 → 22 by rewriting the guide")
    assert "not-plain-text" not in codes(GOOD)


def test_a_verb_may_open_at_most_two_bullets_of_a_role():
    texts = ["Led A by b, 1", "Led B by c, 2", "Ran C by d, 3", "Led D by e, 4", "led E by f"]

    found = repeated_openers(texts)

    assert set(found) == {3, 4}
    assert '"Led" already opens 2 bullets' in found[3].message
