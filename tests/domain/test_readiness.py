"""The portfolio-readiness checklist names what a project still lacks."""

from __future__ import annotations

from dataclasses import replace

from pmjournal.domain.projects import ProjectRecord
from pmjournal.domain.readiness import missing, project_readiness
from pmjournal.domain.vocab import ProjectStatus

BARE = ProjectRecord(
    id=1,
    name="Onboarding",
    internship_id=None,
    internship=None,
    status=ProjectStatus.ACTIVE,
    start_date=None,
    end_date=None,
    confidential=False,
    summary="",
    context="",
    problem="",
    role="",
    approach="",
    tradeoff="",
    outcome="",
    expected_result="",
    learnings="",
    entry_count=0,
    metric_count=0,
    feedback_count=0,
)


def test_a_bare_project_misses_all_five_items_in_order() -> None:
    items = project_readiness(BARE, [])
    assert [i.field for i in missing(items)] == [
        "role",
        "approach",
        "outcome",
        "feedback",
        "skills",
    ]


def test_each_item_is_met_by_what_the_user_adds() -> None:
    filled = replace(BARE, role="I led", approach="Interviews", feedback_count=1)
    assert [i.label for i in missing(project_readiness(filled, []))] == [
        "A result",
        "Evidence of skills",
    ]
    for result in (
        replace(filled, metric_count=1),
        replace(filled, outcome="Shipped"),
        replace(filled, expected_result="-10% tickets"),
    ):
        assert missing(project_readiness(result, ["Communication"])) == ()
