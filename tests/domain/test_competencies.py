"""Skills map to interview competencies by the user's choice, name, words, then category."""

from __future__ import annotations

from pmjournal.domain.competencies import competencies_of


def names(skill: str, category: str = "", chosen: str = "") -> set[str]:
    return {c.name for c in competencies_of(skill, category, chosen)}


def test_starter_skills_map_by_name():
    assert names("Data analysis") == {"Data-driven decision"}
    assert names("stakeholder management") == {
        "Leadership without authority",
        "Handling conflict",
    }


def test_own_skills_map_by_the_words_of_their_name_then_by_category():
    assert names("SQL dashboards", "Tools") == {"Data-driven decision"}
    assert names("Usability testing") == {"Customer focus"}
    assert names("Funnel math", "Analytical") == {"Data-driven decision"}
    assert names("Rapport", "People") == {"Leadership without authority"}
    assert names("Juggling", "Hobbies") == set()


def test_the_users_choice_wins_and_an_unknown_choice_maps_nowhere():
    assert names("SQL dashboards", "Analytical", chosen="communication") == {"Communication"}
    assert names("SQL dashboards", chosen="Astrology") == set()
