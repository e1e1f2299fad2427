"""Interview stories: one per competency the journal supports, the rest listed as gaps."""

from __future__ import annotations

from datetime import date

import journal_builder as build

from pmjournal.domain.paging import MAX_LIMIT
from pmjournal.services.career.stories import (
    COMPETENCIES,
    build_stories,
    load_stories,
    render_markdown,
    render_text,
)
from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import entries_between
from pmjournal.services.records.evidence import list_evidence
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.internships import list_internships
from pmjournal.services.records.people import list_people
from pmjournal.services.records.projects import list_projects
from pmjournal.services.records.skills import add_skill_category
from pmjournal.services.snapshot import load_snapshot


def supported(journal: Journal) -> set[str]:
    """Competencies with evidence on some non-confidential project, decided from the tables."""
    entries = entries_between(journal, date.min, date.max)
    found = set()
    for project in list_projects(journal).items:
        if project.confidential:
            continue
        skills = {e.skill for e in list_evidence(journal, project=project.name).items}
        skills |= {s for entry in entries if project.name in entry.projects for s in entry.skills}
        feedback = list_feedback(journal, project=project.name, limit=MAX_LIMIT).items
        visible = [f for f in feedback if not f.confidential]
        skills |= {s for f in visible for s in f.skills}
        kinds = {f.kind for f in visible}
        for competency in COMPETENCIES:
            if competency.feedback_kinds:
                if kinds & set(competency.feedback_kinds):
                    found.add(competency.name)
            elif skills & set(competency.skills):
                found.add(competency.name)
    return found


def test_every_supported_competency_has_a_story_and_the_rest_are_gaps(demo_journal: Journal):
    book = load_stories(demo_journal)
    expected = supported(demo_journal)

    told = {s.competency.name for s in book.stories}
    assert told == expected
    assert len(expected) >= 5
    assert {c.name for c in book.gaps} == {c.name for c in COMPETENCIES} - expected
    assert [c.name for c in book.gaps] == ["Handling conflict"]
    text = render_markdown(book)
    assert "## Gaps" in text
    assert (
        "Handling conflict: no story yet. Skills that would fill it: Stakeholder management" in text
    )


def test_each_story_is_star_and_names_its_evidence(demo_journal: Journal):
    book = load_stories(demo_journal)

    for story in book.stories:
        assert story.situation and story.task and story.actions and story.result, story
        assert story.evidence
        assert all(
            e.startswith(("entry ", "feedback ", "metric ", "project notes"))
            for e in story.evidence
        )


def test_a_story_quotes_its_projects_metrics_and_the_entries_it_draws_on(demo_journal: Journal):
    book = load_stories(demo_journal)
    data = next(
        s
        for s in book.stories
        if s.competency.name == "Data-driven decision" and s.project == "Faster first report"
    )

    assert "First report load time (p75): 3.2 s → 1.1 s (−66%)" in data.result
    assert any("“Why is the first report slow?”" in e for e in data.evidence)
    assert data.task.startswith("The first report in a new workspace loaded in 3.2 s")


def test_a_mistake_story_is_the_constructive_feedback_and_what_changed(demo_journal: Journal):
    book = load_stories(demo_journal)
    mistakes = [s for s in book.stories if s.competency.name == "Learning from a mistake"]

    assert mistakes
    for story in mistakes:
        assert story.actions[0].startswith("Feedback: “")
        assert story.actions[1].startswith("What I changed: ")
        assert any(r.startswith("What I learned: ") for r in story.result)


def test_confidential_projects_and_people_never_become_stories(demo_journal: Journal):
    hidden = [p.name for p in list_projects(demo_journal).items if p.confidential]
    hidden += [p.name for p in list_people(demo_journal).items if p.confidential]
    assert hidden

    for render in (render_markdown, render_text):
        text = render(load_stories(demo_journal))
        for name in hidden:
            assert name not in text


def test_redacted_stories_name_no_one(demo_journal: Journal):
    names = [p.name for p in list_people(demo_journal).items]
    [organisation] = [i.organisation for i in list_internships(demo_journal).items]

    text = render_text(load_stories(demo_journal, redact=True))

    assert organisation not in text
    for name in names:
        assert name not in text


def test_an_empty_journal_lists_every_competency_as_a_gap_with_its_skills(journal: Journal):
    book = build_stories(load_snapshot(journal))

    assert book.stories == ()
    assert book.gaps == COMPETENCIES
    text = render_text(book)
    for competency in COMPETENCIES:
        assert competency.name in text
        assert competency.skills[-1] in text


def test_stakeholder_evidence_fills_the_conflict_gap(journal: Journal):
    build.project(
        journal,
        "Pricing",
        context="Sales wanted a discount.",
        problem="Finance disagreed.",
        role="I ran the pricing review.",
        outcome="Both teams signed off on a trial extension.",
        start_date=date(2026, 6, 1),
    )
    note = "Brokered a trial extension"
    build.evidence_of(journal, "Stakeholder management", note, project="Pricing")

    book = load_stories(journal)
    conflict = [s for s in book.stories if s.competency.name == "Handling conflict"]

    assert [s.project for s in conflict] == ["Pricing"]
    assert conflict[0].actions == (
        "Brokered a trial extension. (Stakeholder management, project notes)",
    )
    assert conflict[0].result == ("Both teams signed off on a trial extension.",)
    assert "Handling conflict" not in {c.name for c in book.gaps}


def test_a_journals_own_skills_map_to_competencies_by_words_and_category(journal: Journal):
    """A skill holds one note per source, so the second dashboard query is an entry's."""
    add_skill_category(journal, "Number work")
    build.skill(journal, "SQL dashboards", category="Number work")
    build.skill(journal, "Funnel math", category="Analytical")
    build.skill(journal, "Rapport", category="People")
    build.project(
        journal, "Churn", role="I built the churn dashboard.", start_date=date(2026, 6, 1)
    )
    build.evidence_of(journal, "SQL dashboards", "Query 0", project="Churn")
    query = build.entry(journal, date(2026, 6, 2), "Queries.", projects=["Churn"])
    build.evidence_of(journal, "SQL dashboards", "Query 1", entry_id=query)
    build.evidence_of(journal, "Funnel math", "Split the funnel", project="Churn")
    build.evidence_of(journal, "Rapport", "Won the ops lead over", project="Churn")

    book = load_stories(journal)
    told = {s.competency.name for s in book.stories}

    assert "Data-driven decision" in told
    assert "Leadership without authority" in told
    data = next(s for s in book.stories if s.competency.name == "Data-driven decision")
    assert any("SQL dashboards" in a for a in data.actions)
    assert any("Funnel math" in a for a in data.actions)


def test_the_competency_the_user_set_on_a_skill_decides(journal: Journal):
    build.skill(journal, "Spreadsheet wrangling", competency="Communication")
    build.project(
        journal, "Board deck", role="I built the board deck.", start_date=date(2026, 6, 1)
    )
    note = "Walked the board through it"
    build.evidence_of(journal, "Spreadsheet wrangling", note, project="Board deck")

    told = {s.competency.name for s in load_stories(journal).stories}

    assert told == {"Communication"}


def test_a_tradeoff_joins_the_actions_in_the_users_words_but_not_a_mistake_story(
    journal: Journal,
):
    from pmjournal.domain.feedback import FeedbackDraft
    from pmjournal.domain.projects import ProjectDraft
    from pmjournal.domain.skills import EvidenceSource
    from pmjournal.domain.vocab import FeedbackKind
    from pmjournal.services.records.evidence import add_evidence
    from pmjournal.services.records.feedback import add_feedback, follow_up_feedback
    from pmjournal.services.records.projects import add_project

    tradeoff = "I chose a trial extension over a discount. It kept list prices intact. More."
    add_project(
        journal,
        ProjectDraft(
            "Pricing",
            context="Sales wanted a discount.",
            role="I ran the pricing review.",
            tradeoff=tradeoff,
            outcome="Both teams signed off.",
        ),
    )
    source = EvidenceSource(project="Pricing")
    add_evidence(journal, "Stakeholder management", source, "Brokered a trial extension")
    criticism = FeedbackDraft(
        "Bring finance in earlier", kind=FeedbackKind.CONSTRUCTIVE, projects=["Pricing"]
    )
    feedback = add_feedback(journal, criticism).value
    follow_up_feedback(journal, feedback.id, "Invited finance to the kickoff", True, None)

    stories = {s.competency.name: s for s in load_stories(journal).stories}

    assert stories["Handling conflict"].actions == (
        "Brokered a trial extension. (Stakeholder management, project notes)",
        "Trade-off I weighed: I chose a trial extension over a discount. "
        "It kept list prices intact.",
    )
    assert "project notes" in stories["Handling conflict"].evidence
    assert not any("Trade-off" in a for a in stories["Learning from a mistake"].actions)
