"""Undoable skill deletes and merges, category deletes and check-in deletes: everything comes
back in one transaction, except links to records deleted in the meantime."""

from __future__ import annotations

import pytest
from seed_rows import add_project

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.goals import CheckinDraft, GoalDraft
from pmjournal.domain.skills import EvidenceSource, SkillDraft
from pmjournal.services.records.entries import EntryDraft, add_entry, delete_entry, get_entry
from pmjournal.services.records.evidence import add_evidence, list_evidence
from pmjournal.services.records.feedback import FeedbackDraft, add_feedback
from pmjournal.services.records.goals import add_checkin, add_goal, delete_goal, get_goal
from pmjournal.services.records.skills import (
    add_skill,
    add_skill_category,
    delete_skill,
    delete_skill_category,
    get_skill,
    list_skill_categories,
    update_skill,
)
from pmjournal.services.records.undo import (
    delete_checkin_undoably,
    delete_skill_category_undoably,
    delete_skill_undoably,
    merge_skills_undoably,
    restore,
)
from pmjournal.storage.database import Journal


def _notes(journal: Journal, skill: str) -> list[tuple[str, int, str]]:
    return sorted(
        (e.source, e.source_id, e.note) for e in list_evidence(journal, skill=skill).items
    )


def _skill_with_evidence(journal: Journal) -> tuple[int, int, int, int]:
    """'Pricing' with a description, evidence from two entries, a project and a feedback."""
    add_skill(journal, SkillDraft("Pricing", "Strategy & discovery", "Packaging and plans"))
    first = add_entry(journal, EntryDraft("Priced tiers", skills=["Pricing"])).value.id
    second = add_entry(journal, EntryDraft("Ran a price test", skills=["Pricing"])).value.id
    project = add_project(journal, "Plans page")
    add_evidence(journal, "Pricing", EvidenceSource(project="Plans page"), "owned the tiers")
    feedback = add_feedback(journal, FeedbackDraft("Sharp pricing", skills=["Pricing"])).value.id
    return first, second, project, feedback


def test_undoing_a_skill_delete_brings_back_the_skill_and_every_note(journal: Journal) -> None:
    first, second, project, feedback = _skill_with_evidence(journal)
    before = get_skill(journal, "Pricing")
    notes = _notes(journal, "Pricing")

    deleted = delete_skill_undoably(journal, "Pricing")
    assert get_entry(journal, first).skills == ()  # type: ignore[union-attr]
    assert (Kind.SKILL, before.id) in deleted.changes.deleted
    assert {(Kind.ENTRY, first), (Kind.PROJECT, project)} <= deleted.changes.updated

    back = restore(journal, deleted.value)
    skill = get_skill(journal, "Pricing")
    assert back.value == skill.id
    assert (skill.category, skill.description, skill.evidence_count) == (
        "Strategy & discovery",
        "Packaging and plans",
        4,
    )
    assert _notes(journal, "Pricing") == notes
    assert get_entry(journal, second).skills == ("Pricing",)  # type: ignore[union-attr]
    assert (Kind.SKILL, skill.id) in back.changes.created
    assert {(Kind.ENTRY, first), (Kind.FEEDBACK, feedback)} <= back.changes.updated


def test_a_skill_comes_back_without_links_to_what_was_deleted_meanwhile(
    journal: Journal,
) -> None:
    first, second, _, _ = _skill_with_evidence(journal)
    deleted = delete_skill_undoably(journal, "Pricing")
    delete_entry(journal, first)
    update_skill(journal, "Market research", SkillDraft("Market research", None))
    delete_skill_category(journal, "Strategy & discovery", choice=DeleteChoice.DETACH)

    back = restore(journal, deleted.value)

    skill = get_skill(journal, "Pricing")
    assert skill.evidence_count == 3 and skill.category is None
    assert (Kind.ENTRY, first) not in back.changes.updated
    assert get_entry(journal, second).skills == ("Pricing",)  # type: ignore[union-attr]


def test_a_skill_whose_name_was_taken_meanwhile_is_refused_and_nothing_is_written(
    journal: Journal,
) -> None:
    _skill_with_evidence(journal)
    deleted = delete_skill_undoably(journal, "Pricing")
    add_skill(journal, SkillDraft("pricing"))
    with pytest.raises(ValidationError, match="exists already"):
        restore(journal, deleted.value)
    assert get_skill(journal, "pricing").evidence_count == 0


def test_undoing_a_merge_splits_the_skills_as_they_were(journal: Journal) -> None:
    first, second, _, _ = _skill_with_evidence(journal)
    add_evidence(journal, "Market research", EvidenceSource(entry_id=first), "sized the market")
    into_before = _notes(journal, "Market research")
    source_before = _notes(journal, "Pricing")

    merged = merge_skills_undoably(journal, "Pricing", "Market research")
    assert get_skill(journal, "Market research").evidence_count == 4
    joined = dict(((s, i), n) for s, i, n in _notes(journal, "Market research"))
    assert joined[("entry", first)] == "sized the market"

    back = restore(journal, merged.value)

    assert _notes(journal, "Pricing") == source_before
    assert _notes(journal, "Market research") == into_before
    skill = get_skill(journal, "Pricing")
    assert (skill.category, skill.description) == ("Strategy & discovery", "Packaging and plans")
    assert get_entry(journal, second).skills == ("Pricing",)  # type: ignore[union-attr]
    assert set(get_entry(journal, first).skills) == {"Market research", "Pricing"}  # type: ignore[union-attr]
    into = get_skill(journal, "Market research")
    assert (Kind.SKILL, into.id) in back.changes.updated


def test_undoing_a_merge_after_an_entry_went_splits_the_rest(journal: Journal) -> None:
    first, second, _, _ = _skill_with_evidence(journal)
    merged = merge_skills_undoably(journal, "Pricing", "Market research")
    delete_entry(journal, second)

    restore(journal, merged.value)

    assert get_skill(journal, "Pricing").evidence_count == 3
    assert get_skill(journal, "Market research").evidence_count == 0
    assert get_entry(journal, first).skills == ("Pricing",)  # type: ignore[union-attr]


def test_undoing_a_category_delete_files_its_skills_back(journal: Journal) -> None:
    add_skill_category(journal, "Design")
    add_skill(journal, SkillDraft("Wireframing", "Design"))
    add_skill(journal, SkillDraft("Sketching", "Design"))
    position = next(c.position for c in list_skill_categories(journal) if c.name == "Design")

    deleted = delete_skill_category_undoably(journal, "Design")
    assert get_skill(journal, "Wireframing").category is None
    assert (Kind.SKILL, get_skill(journal, "Sketching").id) in deleted.changes.updated

    add_skill_category(journal, "Craft")
    update_skill(journal, "Sketching", SkillDraft("Sketching", "Craft"))
    back = restore(journal, deleted.value)

    category = next(c for c in list_skill_categories(journal) if c.name == "Design")
    assert (category.id, category.position, category.skills) == (
        back.value,
        position,
        ("Wireframing",),
    ), "a skill filed elsewhere since stays there"
    assert get_skill(journal, "Sketching").category == "Craft"


def test_a_category_comes_back_without_a_skill_deleted_meanwhile(journal: Journal) -> None:
    add_skill_category(journal, "Design")
    add_skill(journal, SkillDraft("Wireframing", "Design"))
    add_skill(journal, SkillDraft("Sketching", "Design"))
    deleted = delete_skill_category_undoably(journal, "Design")
    delete_skill(journal, "Sketching", choice=DeleteChoice.REFUSE)

    restore(journal, deleted.value)

    category = next(c for c in list_skill_categories(journal) if c.name == "Design")
    assert category.skills == ("Wireframing",)


def test_undoing_a_check_in_delete_puts_it_back_on_its_goal(journal: Journal) -> None:
    goal = add_goal(journal, GoalDraft("Run a usability test")).value
    add_checkin(journal, goal.id, CheckinDraft("recruited five", progress=30))
    checked = add_checkin(journal, goal.id, CheckinDraft("ran three", progress=60)).value
    last = checked.checkins[-1]

    deleted = delete_checkin_undoably(journal, last.id)
    assert get_goal(journal, goal.id).progress == 30  # type: ignore[union-attr]
    assert deleted.changes.updated == {(Kind.GOAL, goal.id)}

    back = restore(journal, deleted.value)

    again = get_goal(journal, goal.id)
    assert again is not None and again.progress == 60
    assert [(c.note, c.date, c.progress) for c in again.checkins][-1] == (
        last.note,
        last.date,
        last.progress,
    )
    assert back.changes.created == {(Kind.CHECKIN, back.value)}


def test_a_check_in_whose_goal_was_deleted_meanwhile_is_refused(journal: Journal) -> None:
    goal = add_goal(journal, GoalDraft("Present at demo day")).value
    checked = add_checkin(journal, goal.id, CheckinDraft("booked", progress=10)).value
    deleted = delete_checkin_undoably(journal, checked.checkins[0].id)
    delete_goal(journal, goal.id, choice=DeleteChoice.REFUSE)

    with pytest.raises(ValidationError, match="“Present at demo day” was deleted since"):
        restore(journal, deleted.value)
