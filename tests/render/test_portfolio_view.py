"""The view model's rules: which number leads, what is left out, what a thin project lacks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import journal_builder as build
import pytest

from pmjournal.render.portfolio_view import PortfolioView, build_view
from pmjournal.render.templates import render_html
from pmjournal.services.journal import Journal
from pmjournal.services.snapshot import load_snapshot

MADE_ON = date(2026, 9, 1)


@pytest.fixture
def journal_with_projects(journal: Journal) -> Journal:
    build.internship(journal, "Globex", "PM Intern", date(2026, 6, 1))
    build.case_study(
        journal,
        "Search revamp",
        internship="Globex",
        problem="Search found nothing for 30% of queries. It frustrated users.",
        role="I wrote the spec. I ran the test.",
        outcome="Shipped in week 8. Everyone was happy.",
        status="shipped",
        start_date=date(2026, 6, 2),
        approach="We dropped Falcon staff onto it.",
        metrics=[
            {"name": "Latency", "baseline": 100, "result": 120, "unit": "ms", "better": "lower"},
            {
                "name": "Zero-result rate",
                "baseline": 30,
                "result": 21,
                "unit": "%",
                "better": "lower",
            },
            {"name": "Clicks", "baseline": 10, "result": 30, "unit": "", "better": "higher"},
            {"name": "Queries studied", "result": 500},
        ],
    )
    build.case_study(
        journal,
        "Saved searches",
        internship="Globex",
        summary="Let people save a search.",
        expected_result="Expect repeat visits to rise; the test runs in October.",
        status="planned",
        start_date=date(2026, 7, 1),
        metrics=[{"name": "Repeat visits", "baseline": 12, "unit": "%"}],
    )
    build.project(journal, "Notes only", summary="Some notes", start_date=date(2026, 8, 1))
    build.project(journal, "Falcon", confidential=True, role="x", outcome="y")
    both = build.entry(
        journal,
        date(2026, 6, 5),
        "Reviewed.",
        title="Spec review",
        projects=["Search revamp", "Saved searches"],
    )
    build.evidence_of(journal, "Writing specs", "Spec reviewed", entry_id=both)
    return journal


def view_of(journal: Journal, **kwargs: object) -> PortfolioView:
    snapshot = load_snapshot(journal, **kwargs)  # type: ignore[arg-type]
    return build_view(snapshot, made_on=MADE_ON)


def test_the_headline_is_the_first_improved_metric_with_its_baseline(
    journal_with_projects: Journal,
) -> None:
    study = view_of(journal_with_projects).studies[0]
    assert study.headline is not None
    assert (study.headline.value, study.headline.detail) == ("−9 pts", "30% → 21%")
    latency = study.results[0]
    assert (latency.delta, latency.improved) == ("+20%", False)


def test_worse_and_unmeasured_metrics_are_never_call_outs(journal_with_projects: Journal) -> None:
    view = view_of(journal_with_projects)
    assert [c.label for c in view.callouts] == ["Clicks", "Zero-result rate"]
    assert [c.value for c in view.callouts] == ["+200%", "−9 pts"]


def test_unshipped_work_shows_the_expected_result_and_no_number(
    journal_with_projects: Journal,
) -> None:
    study = view_of(journal_with_projects).studies[1]
    assert study.headline is None
    assert study.expected.startswith("Expect repeat visits to rise")
    (visits,) = study.results
    assert (visits.baseline, visits.result, visits.delta) == ("12%", "", "")


def test_brief_is_problem_role_outcome_one_sentence_each(journal_with_projects: Journal) -> None:
    study = view_of(journal_with_projects).studies[0]
    assert study.brief == (
        "Search found nothing for 30% of queries. I wrote the spec. Shipped in week 8."
    )


def test_a_thin_project_is_named_with_what_it_lacks(journal_with_projects: Journal) -> None:
    view = view_of(journal_with_projects)
    assert view.warnings == (
        "project 'Saved searches' is not portfolio-ready: no role",
        "project 'Notes only' is not portfolio-ready: no role, no result",
    )
    assert [s.title for s in view.studies] == ["Search revamp", "Saved searches", "Notes only"]


def test_names_of_confidential_projects_are_scrubbed_from_public_text(
    journal_with_projects: Journal,
) -> None:
    study = view_of(journal_with_projects).studies[0]
    approach = next(s for s in study.sections if s.title == "Approach")
    assert "Falcon" not in approach.body
    assert "a confidential project" in approach.body


def test_evidence_shared_by_two_projects_counts_once_overall(
    journal_with_projects: Journal,
) -> None:
    view = view_of(journal_with_projects)
    assert [(s.name, s.count) for s in view.top_skills] == [("Writing specs", 1)]
    assert view.matrix == ()
    assert view.studies[0].skills == () and view.studies[1].skills == ()


def test_evidence_counts_for_a_project_only_where_the_note_ties_it(journal: Journal) -> None:
    """One entry holds one note a skill, so the two notes come from two entries about both."""
    build.project(journal, "Search", role="I wrote it.", start_date=date(2026, 6, 1))
    build.project(journal, "Saved", role="I wrote it.", start_date=date(2026, 6, 2))
    for title, note in (("Weekly review", "Wrote the Search spec"), ("Notes", "Reviewed specs")):
        entry_id = build.entry(
            journal, date(2026, 6, 5), "Busy week.", title=title, projects=["Search", "Saved"]
        )
        build.evidence_of(journal, "Writing specs", note, entry_id=entry_id)

    view = view_of(journal)

    assert [(s.name, s.count) for s in view.studies[0].skills] == [("Writing specs", 1)]
    assert view.studies[1].skills == ()
    assert view.matrix[0].rows == (("Writing specs", (1, 0)),)
    assert [(s.name, s.count) for s in view.top_skills] == [("Writing specs", 2)]


def test_empty_sections_are_left_out(journal_with_projects: Journal) -> None:
    thin = view_of(journal_with_projects).studies[2]
    assert (thin.sections, thin.results, thin.quotes, thin.timeline) == ((), (), (), ())
    assert not thin.has_results and not thin.learned


def test_the_sections_go_on_from_where_the_brief_stops(journal_with_projects: Journal) -> None:
    study = view_of(journal_with_projects).studies[0]
    bodies = {s.title: str(s.body) for s in study.sections}

    assert "It frustrated users." in bodies["Problem"]
    assert "Search found nothing" not in bodies["Problem"]
    assert "I ran the test." in bodies["My role"] and "I wrote the spec" not in bodies["My role"]


def test_the_brief_never_swallows_a_whole_section(journal: Journal) -> None:
    build.project(
        journal,
        "Short",
        problem="Checkout failed for 4% of carts.",
        role="I wrote the spec.",
        outcome="Shipped.",
        start_date=date(2026, 6, 1),
    )
    (study,) = view_of(journal).studies
    assert study.brief == "Checkout failed for 4% of carts. I wrote the spec. Shipped."
    assert [s.title for s in study.sections] == ["Problem", "My role"]


def test_an_expected_result_never_reads_as_achieved(journal: Journal) -> None:
    build.case_study(
        journal,
        "Measured so far",
        problem="Few users came back.",
        role="I ran the pilot.",
        expected_result="Repeat visits up by 10% by October.",
        status="active",
        start_date=date(2026, 6, 1),
        metrics=[{"name": "Signups", "baseline": 10, "result": 12, "better": "higher"}],
    )
    build.project(
        journal,
        "Not yet measured",
        problem="Few users came back.",
        expected_result="Repeat visits up by 10% by October.",
        status="planned",
        start_date=date(2026, 7, 1),
    )

    boxed_number, boxed_expectation = view_of(journal).studies

    assert boxed_number.headline is not None
    assert boxed_number.brief == (
        "Few users came back. I ran the pilot. Expected: Repeat visits up by 10% by October."
    )
    assert boxed_expectation.headline is None
    assert boxed_expectation.expected == "Repeat visits up by 10% by October."
    assert boxed_expectation.brief == "Few users came back."


def test_every_demo_brief_marks_an_expected_result(demo_journal: Journal) -> None:
    view = build_view(load_snapshot(demo_journal), made_on=MADE_ON)
    pending = [s for s in view.studies if s.expected]

    assert pending, "the demo should hold unshipped work"
    for study in pending:
        opening = study.expected.split(".")[0]
        if opening in study.brief:
            assert f"Expected: {opening}" in study.brief, study.brief


def test_the_timeline_prefers_entries_about_this_project_alone(journal: Journal) -> None:
    build.project(journal, "Mine", role="I wrote it.", start_date=date(2026, 6, 1))
    build.project(journal, "Other", role="I wrote it.", start_date=date(2026, 6, 1))
    for day in range(1, 8):
        entry_id = build.entry(
            journal, date(2026, 6, day), "Notes.", title=f"Day {day}", projects=["Mine"]
        )
        build.evidence_of(journal, "Writing specs", "Spec", entry_id=entry_id)
    build.entry(
        journal,
        date(2026, 6, 12),
        "Notes.",
        kind="weekly",
        title="Week 2: everything",
        projects=["Mine", "Other"],
    )
    build.entry(
        journal, date(2026, 6, 5), "Notes.", kind="weekly", title="Week 1: mine", projects=["Mine"]
    )

    mine_study = next(s for s in view_of(journal).studies if s.title == "Mine")
    titles = [m.text for m in mine_study.timeline]

    assert "Week 1: mine" in titles
    assert "Week 2: everything" not in titles


def test_a_case_study_opens_with_a_role_line_and_keeps_a_fixed_order(journal: Journal) -> None:
    build.internship(
        journal,
        "Globex",
        "PM Intern",
        date(2026, 6, 1),
        team="Growth",
        end_date=date(2026, 8, 28),
    )
    build.project(
        journal,
        "Ordered",
        internship="Globex",
        approach="Ran a test.",
        role="I led it. Then I wrote it up.",
        problem="Users left. Nobody knew why.",
        context="A small team.",
        outcome="Shipped.",
        learnings="Ask earlier.",
        start_date=date(2026, 6, 2),
        end_date=date(2026, 7, 30),
    )
    (study,) = view_of(journal).studies

    assert study.role_line == "PM Intern · Growth · Jun\u00a0–\u00a0Jul\u00a02026"
    assert [s.title for s in study.sections] == ["Context", "Problem", "My role", "Approach"]
    html = render_html(view_of(journal), "classic")
    order = ["Context", "Problem", "My role", "Approach", "Results", "What I learned"]
    places = [html.index(f"<h2>{title}</h2>") for title in order]
    assert places == sorted(places)
    assert html.index('class="study-role"') < html.index('class="study-brief"')


def test_plain_text_in_the_pdf_gets_curly_quotes_and_one_minus(journal: Journal) -> None:
    build.case_study(
        journal,
        "Quotes",
        role='I said "ship it" and it\'s done.',
        outcome="Shipped.",
        start_date=date(2026, 6, 1),
        metrics=[
            {"name": "Margin", "baseline": -12, "result": -3, "unit": "%", "better": "higher"}
        ],
    )

    html = render_html(view_of(journal), "classic")

    assert "“ship it”" in html and "it’s" in html
    assert "−12%" in html and "−3%" in html
    assert ">-12" not in html and '"ship it"' not in html


def test_a_score_and_a_rate_lead_by_their_difference_unless_the_metric_says_otherwise(
    journal: Journal, tmp_path: Path
) -> None:
    """A metric's own display choice reaches a journal by import, the only way it is set."""

    def record(source: Journal) -> None:
        rate = {"baseline": 42, "result": 58, "unit": "%", "better": "higher"}
        build.case_study(
            source,
            "Scores",
            role="I ran it.",
            outcome="Shipped.",
            start_date=date(2026, 6, 1),
            metrics=[
                {"name": "New-account NPS", "baseline": 21, "result": 29, "better": "higher"},
                {"name": "Activation", **rate},
                {"name": "Trial starts", **rate},
                {"name": "Hidden", "baseline": 1, "result": 2},
            ],
        )

    def choose_displays(document: dict[str, Any]) -> None:
        build.record_of(document, "metrics", "Trial starts")["change_display"] = "percent"
        build.record_of(document, "metrics", "Hidden")["change_display"] = "none"

    build.import_edited(journal, tmp_path / "scratch", record, choose_displays)

    view = view_of(journal)
    deltas = {m.name: m.delta for m in view.studies[0].results}

    assert deltas == {
        "New-account NPS": "+8",
        "Activation": "+16 pts",
        "Trial starts": "+38%",
        "Hidden": "",
    }
    assert "+38%" not in {c.value for c in view.callouts if c.label != "Trial starts"}
