"""Goals and check-ins on a real journal."""

from __future__ import annotations

from datetime import date

import pytest
from seed_rows import add_internship

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.vocab import GoalStatus
from pmjournal.services.records.goals import (
    CheckinDraft,
    GoalDraft,
    add_checkin,
    add_goal,
    delete_checkin,
    delete_goal,
    get_goal,
    goal_delete_impact,
    list_goals,
    update_checkin,
    update_goal,
)
from pmjournal.storage.database import Journal


def test_a_goal_with_an_internship_and_check_ins_in_date_order(journal: Journal) -> None:
    internship = add_internship(journal)
    goal = add_goal(
        journal, GoalDraft("Ship a feature", target_date=date(2026, 8, 15), internship=internship)
    ).value
    assert goal.internship == "PM Intern, Northwind Health" and goal.progress is None
    add_checkin(journal, goal.id, CheckinDraft("Flow shipped", date(2026, 7, 1), 100))
    outcome = add_checkin(journal, goal.id, CheckinDraft("Spec agreed", date(2026, 6, 15), 40))
    assert [(c.date.day, c.progress) for c in outcome.value.checkins] == [(15, 40), (1, 100)]
    assert outcome.value.progress == 100
    assert (Kind.GOAL, goal.id) in outcome.changes.updated
    assert outcome.changes.created == {(Kind.CHECKIN, outcome.value.checkins[0].id)}


def test_refusals_name_the_field(journal: Journal) -> None:
    with pytest.raises(ValidationError) as raised:
        add_goal(journal, GoalDraft("  "))
    assert raised.value.field == "title"
    with pytest.raises(ValidationError, match="no internship with id 3"):
        add_goal(journal, GoalDraft("x", internship=3))
    goal = add_goal(journal, GoalDraft("Learn SQL")).value
    with pytest.raises(ValidationError, match="0 to 100") as raised:
        add_checkin(journal, goal.id, CheckinDraft("over", progress=120))
    assert raised.value.field == "progress"
    with pytest.raises(ValidationError, match="a note or a progress"):
        add_checkin(journal, goal.id, CheckinDraft())
    with pytest.raises(ValidationError, match="no goal with id 99"):
        add_checkin(journal, 99, CheckinDraft("x"))
    assert get_goal(journal, goal.id).checkins == ()  # type: ignore[union-attr]


def test_update_keeps_check_ins(journal: Journal) -> None:
    goal = add_goal(journal, GoalDraft("Learn SQL")).value
    add_checkin(journal, goal.id, CheckinDraft("first query"))
    updated = update_goal(journal, goal.id, GoalDraft("Learn SQL", status=GoalStatus.ACHIEVED))
    assert updated.value.status == "achieved" and len(updated.value.checkins) == 1
    [checkin] = updated.value.checkins
    changed = update_checkin(journal, checkin.id, CheckinDraft("joins too", progress=60)).value
    assert (changed.note, changed.progress, changed.date) == ("joins too", 60, checkin.date)
    delete_checkin(journal, checkin.id)
    assert get_goal(journal, goal.id).checkins == ()  # type: ignore[union-attr]


def test_deleting_a_goal_with_check_ins_needs_the_choice(journal: Journal) -> None:
    goal = add_goal(journal, GoalDraft("Present at all-hands")).value
    add_checkin(journal, goal.id, CheckinDraft("booked a slot"))
    assert goal_delete_impact(journal, goal.id).summary() == (
        "deleting it would delete 1 check-in with it"
    )
    with pytest.raises(ValidationError, match="is in use: deleting it would delete 1 check-in"):
        delete_goal(journal, goal.id, choice=DeleteChoice.REFUSE)
    assert get_goal(journal, goal.id) is not None
    outcome = delete_goal(journal, goal.id, choice=DeleteChoice.DETACH)
    assert get_goal(journal, goal.id) is None
    assert Kind.CHECKIN in outcome.changes.kinds


def test_list_filters_and_orders_by_target_date(journal: Journal) -> None:
    internship = add_internship(journal)
    add_goal(journal, GoalDraft("Undated"))
    add_goal(journal, GoalDraft("Late", target_date=date(2026, 9, 1), internship=internship))
    add_goal(journal, GoalDraft("Early", target_date=date(2026, 7, 1), status=GoalStatus.DROPPED))
    assert [g.title for g in list_goals(journal).items] == ["Early", "Late", "Undated"]
    assert [g.title for g in list_goals(journal, status="dropped").items] == ["Early"]
    assert [g.title for g in list_goals(journal, internship=internship).items] == ["Late"]
    assert [g.title for g in list_goals(journal, due_by=date(2026, 8, 1)).items] == ["Early"]
    assert [g.title for g in list_goals(journal, text="DATED").items] == ["Undated"]
    page = list_goals(journal, limit=1, offset=1)
    assert (page.total, [g.title for g in page.items]) == (3, ["Late"])
