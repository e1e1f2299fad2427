"""What behavioural interviews probe for, and which of the user's skills show each.

The starter skills map by name; a journal's own skills map by the words of their name
("SQL dashboards" shows a data-driven decision) and, failing that, by their category
("Analytical"), so a journal that renamed or added skills still finds its stories. A
competency the user set on a skill overrides both: it is their judgement, not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Competency:
    """``skills`` are starter names; ``words`` begin words of other skill names;
    ``categories`` catch a skill no word places; ``feedback_kinds``, when set, is required
    evidence."""

    name: str
    question: str
    skills: tuple[str, ...]
    words: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    feedback_kinds: tuple[str, ...] = ()


COMPETENCIES: tuple[Competency, ...] = (
    Competency(
        "Leadership without authority",
        "Tell me about a time you got people to act when you were not their manager.",
        ("Leadership without authority", "Cross-functional collaboration",
         "Stakeholder management"),
        ("lead", "influenc", "align", "collaborat", "cross-functional", "mentor", "coach",
         "facilitat", "stakeholder", "teamwork"),
        ("people",),
    ),
    Competency(
        "Data-driven decision",
        "Tell me about a decision you made with data.",
        ("Data analysis", "Analytical thinking", "Metrics definition", "Experimentation"),
        ("data", "analy", "metric", "sql", "experiment", "a/b", "dashboard", "quantitative",
         "statistic", "forecast", "kpi", "measure"),
        ("analytical", "analytics", "data"),
    ),
    Competency(
        "Handling conflict",
        "Tell me about a disagreement with a stakeholder and how you resolved it.",
        ("Stakeholder management", "Negotiation", "Conflict resolution"),
        ("negotiat", "conflict", "stakeholder", "disagree", "persua", "mediat"),
    ),
    Competency(
        "Learning from a mistake",
        "Tell me about a mistake you made and what you changed afterwards.",
        ("Problem-solving", "Communication"),
        ("problem-solv", "problem solv", "retro", "reflect", "debug", "root cause"),
        feedback_kinds=("constructive",),
    ),
    Competency(
        "Customer focus",
        "Tell me about a time users changed your plan.",
        ("User research", "Customer-centric thinking"),
        ("user", "customer", "research", "interview", "usability", "discovery", "empath", "ux",
         "survey", "design"),
        ("strategy & discovery", "discovery", "research", "design"),
    ),
    Competency(
        "Prioritisation and trade-offs",
        "Tell me about a time you had to cut scope or say no.",
        ("Prioritisation", "Roadmapping", "Technical understanding"),
        ("priorit", "roadmap", "scope", "trade-off", "tradeoff", "planning", "technical",
         "architect", "estimat"),
        ("execution", "technical", "delivery"),
    ),
    Competency(
        "Communication",
        "Tell me about a time you had to convince a room or explain something complex.",
        ("Communication", "Presenting", "Writing specs"),
        ("communicat", "present", "writ", "spec", "storytell", "document", "pitch", "public speak"),
        ("communication",),
    ),
)  # fmt: skip

_BY_NAME = {c.name.casefold(): c for c in COMPETENCIES}


def competency_named(name: str) -> Competency | None:
    """The competency a user set on a skill ('communication' finds 'Communication')."""
    return _BY_NAME.get(name.strip().casefold())


def _has_word(skill: str, word: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(word)}", skill.casefold()) is not None


def competencies_of(skill: str, category: str = "", chosen: str = "") -> tuple[Competency, ...]:
    """The competencies a skill shows: the user's choice, else by name, words, category."""
    if chosen.strip():
        own = competency_named(chosen)
        return (own,) if own else ()
    folded = skill.strip().casefold()
    by_name = tuple(c for c in COMPETENCIES if folded in {s.casefold() for s in c.skills})
    if by_name:
        return by_name
    by_words = tuple(c for c in COMPETENCIES if any(_has_word(skill, w) for w in c.words))
    if by_words:
        return by_words
    group = category.strip().casefold()
    return tuple(c for c in COMPETENCIES if group and group in c.categories)
