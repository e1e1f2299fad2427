"""The starter skill framework seeded into a new journal; users rename, add and delete freely."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StarterSkill:
    name: str
    description: str


STARTER_FRAMEWORK: dict[str, tuple[StarterSkill, ...]] = {
    "Strategy & discovery": (
        StarterSkill("Market research", "Sizing a market, reading trends, finding where to play."),
        StarterSkill(
            "Competitive analysis", "Comparing alternatives and positioning against them."
        ),
        StarterSkill(
            "User research", "Interviews, surveys and usability tests that change a plan."
        ),
        StarterSkill(
            "Customer-centric thinking", "Starting from the user's problem, not the feature."
        ),
        StarterSkill("Product vision", "Saying where the product should go and why."),
    ),
    "Execution": (
        StarterSkill("Roadmapping", "Sequencing work into a plan others can follow."),
        StarterSkill("Prioritisation", "Choosing what not to do, with a reason."),
        StarterSkill("Project management", "Scope, timeline, risks and follow-through."),
        StarterSkill(
            "Writing specs", "Requirements and acceptance criteria engineers can build from."
        ),
        StarterSkill("Experimentation", "A/B tests and launches designed to learn something."),
    ),
    "Analytical": (
        StarterSkill("Analytical thinking", "Breaking a vague question into measurable parts."),
        StarterSkill("Data analysis", "SQL, spreadsheets and dashboards that answer a question."),
        StarterSkill("Problem-solving", "Finding the cause, weighing options, picking one."),
        StarterSkill("Metrics definition", "Choosing the number that shows success."),
    ),
    "People": (
        StarterSkill("Communication", "Clear writing and speaking for the audience at hand."),
        StarterSkill("Stakeholder management", "Aligning people with different goals."),
        StarterSkill("Cross-functional collaboration", "Working with engineering, design, sales."),
        StarterSkill("Leadership without authority", "Getting things done through influence."),
        StarterSkill("Presenting", "Demos, readouts and reviews in front of a room."),
    ),
    "Technical": (
        StarterSkill("Technical understanding", "Enough of the system to make sound trade-offs."),
        StarterSkill("Prototyping", "Mock-ups and prototypes that test an idea quickly."),
    ),
}
