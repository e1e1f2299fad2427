"""Is a project ready for the portfolio? The checklist the Projects view shows.

A case study in the portfolio needs what a hiring manager looks for: the user's own role, how
they went about it, a result (measured, or expected when it is too early to measure), what
others said, and the skills it shows. Each missing item names the field that would fill it,
so a front end can take the user there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmjournal.domain.projects import ProjectRecord


@dataclass(frozen=True)
class ReadinessItem:
    label: str
    done: bool
    field: str
    """Where to fill it: a case-study field name, or "metrics", "feedback", "skills"."""
    hint: str


def project_readiness(project: ProjectRecord, skills: Sequence[str]) -> tuple[ReadinessItem, ...]:
    """The five checks in a fixed order; ``skills`` are those practised on it or its entries."""
    has_result = bool(project.metric_count or project.outcome or project.expected_result)
    return (
        ReadinessItem("Your role", bool(project.role), "role", "Say what you did, with “I”."),
        ReadinessItem(
            "Your approach", bool(project.approach), "approach", "How you went about it."
        ),
        ReadinessItem(
            "A result",
            has_result,
            "outcome",
            "A metric, an outcome, or the result you expect.",
        ),
        ReadinessItem(
            "Feedback",
            project.feedback_count > 0,
            "feedback",
            "What a mentor, manager or peer said about it.",
        ),
        ReadinessItem(
            "Evidence of skills",
            bool(skills),
            "skills",
            "Link a skill to the project or to one of its entries.",
        ),
    )


def missing(items: Sequence[ReadinessItem]) -> tuple[ReadinessItem, ...]:
    return tuple(item for item in items if not item.done)
