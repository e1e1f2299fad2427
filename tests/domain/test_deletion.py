"""Delete impact: how it is worded, when it refuses, and what it reports as changed."""

from __future__ import annotations

import pytest

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact, count_phrase
from pmjournal.domain.errors import ValidationError


def test_counts_are_worded_with_plurals_in_a_fixed_order() -> None:
    refs = [(Kind.METRIC, 1), (Kind.ENTRY, 1), (Kind.ENTRY, 2), (Kind.FEEDBACK, 9)]
    assert count_phrase(refs) == "2 entries, 1 metric and 1 feedback"
    assert count_phrase([(Kind.PERSON, 1), (Kind.PERSON, 2)]) == "2 people"
    assert count_phrase([]) == ""


def test_an_unlinked_record_is_deleted_whatever_the_choice() -> None:
    impact = DeleteImpact(target=(Kind.PERSON, 1), label="person 'Sam'")
    assert not impact.linked
    impact.check(DeleteChoice.REFUSE)
    assert impact.summary() == "nothing else is affected"
    assert impact.changes().deleted == {(Kind.PERSON, 1)}


def test_a_linked_record_needs_the_detach_choice_and_the_refusal_names_the_links() -> None:
    impact = DeleteImpact(
        target=(Kind.PROJECT, 3),
        label="project 'Pricing'",
        detached=frozenset({(Kind.ENTRY, 1), (Kind.ENTRY, 2)}),
        removed=frozenset({(Kind.METRIC, 5)}),
        touched=frozenset({(Kind.INTERNSHIP, 1)}),
    )
    with pytest.raises(ValidationError) as caught:
        impact.check(DeleteChoice.REFUSE)
    assert caught.value.field == "choice"
    assert caught.value.message == (
        "project 'Pricing' is in use: deleting it would unlink 2 entries (kept) and delete "
        "1 metric with it; nothing was deleted"
    )
    impact.check(DeleteChoice.DETACH)
    assert impact.done() == "kept 2 entries without it; deleted 1 metric with it"
    changes = impact.changes()
    assert changes.deleted == {(Kind.PROJECT, 3), (Kind.METRIC, 5)}
    assert changes.updated == {(Kind.ENTRY, 1), (Kind.ENTRY, 2), (Kind.INTERNSHIP, 1)}


def test_records_that_go_with_the_target_alone_still_need_the_choice() -> None:
    impact = DeleteImpact(
        target=(Kind.PROJECT, 3), label="project 'P'", removed=frozenset({(Kind.METRIC, 5)})
    )
    with pytest.raises(ValidationError, match="delete 1 metric"):
        impact.check(DeleteChoice.REFUSE)


def test_move_is_a_choice_only_where_the_links_can_move() -> None:
    impact = DeleteImpact(
        target=(Kind.SKILL, 4), label="skill 'Pricing'", removed=frozenset({(Kind.EVIDENCE, 7)})
    )
    impact.check(DeleteChoice.MOVE, movable=True)
    with pytest.raises(ValidationError, match="cannot move to another record") as caught:
        impact.check(DeleteChoice.MOVE)
    assert caught.value.field == "choice"
    assert count_phrase([(Kind.SKILL, 1), (Kind.SKILL_CATEGORY, 2), (Kind.TAG, 3)]) == (
        "1 skill category, 1 skill and 1 tag"
    )
