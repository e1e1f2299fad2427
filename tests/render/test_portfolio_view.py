"""The view model's rules: which number leads, what is left out, what a thin project lacks."""

from __future__ import annotations

from datetime import date

import pytest

from pmjournal.render.portfolio_view import PortfolioView, build_view
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage import models
from pmjournal.storage.database import Journal

MADE_ON = date(2026, 9, 1)


@pytest.fixture
def journal_with_projects(journal: Journal) -> Journal:
    with journal.transaction() as session:
        skills = {s.name: s for s in session.query(models.Skill)}
        internship = models.Internship(
            organisation="Globex", title="PM Intern", start_date=date(2026, 6, 1)
        )
        shipped = models.Project(
            name="Search revamp",
            internship=internship,
            problem="Search found nothing for 30% of queries. It frustrated users.",
            role="I wrote the spec. I ran the test.",
            outcome="Shipped in week 8. Everyone was happy.",
            status="shipped",
            start_date=date(2026, 6, 2),
            approach="We dropped Falcon staff onto it.",
        )
        shipped.metrics = [
            models.Metric(name="Latency", baseline=100, result=120, unit="ms", better="lower"),
            models.Metric(
                name="Zero-result rate", baseline=30, result=21, unit="%", better="lower"
            ),
            models.Metric(name="Clicks", baseline=10, result=30, unit="", better="higher"),
            models.Metric(name="Queries studied", result=500, position=3),
        ]
        planned = models.Project(
            name="Saved searches",
            internship=internship,
            summary="Let people save a search.",
            expected_result="Expect repeat visits to rise; the test runs in October.",
            status="planned",
            start_date=date(2026, 7, 1),
        )
        planned.metrics = [models.Metric(name="Repeat visits", baseline=12, unit="%")]
        thin = models.Project(name="Notes only", summary="Some notes", start_date=date(2026, 8, 1))
        secret = models.Project(name="Falcon", confidential=True, role="x", outcome="y")
        both = models.Entry(date=date(2026, 6, 5), title="Spec review", body="Reviewed.")
        both.projects = [shipped, planned]
        both.evidence = [models.Evidence(skill=skills["Writing specs"], note="Spec reviewed")]
        session.add_all([shipped, planned, thin, secret, both])
    return journal


def view_of(journal: Journal, **kwargs: object) -> PortfolioView:
    snapshot = load_snapshot(journal, **kwargs)  # type: ignore[arg-type]
    return build_view(snapshot, made_on=MADE_ON)


def test_the_headline_is_the_first_improved_metric_with_its_baseline(
    journal_with_projects: Journal,
) -> None:
    study = view_of(journal_with_projects).studies[0]
    assert study.headline is not None
    assert (study.headline.value, study.headline.detail) == ("−30%", "30% → 21%")
    latency = study.results[0]
    assert (latency.delta, latency.improved) == ("+20%", False)


def test_worse_and_unmeasured_metrics_are_never_call_outs(journal_with_projects: Journal) -> None:
    view = view_of(journal_with_projects)
    assert [c.label for c in view.callouts] == ["Clicks", "Zero-result rate"]
    assert [c.value for c in view.callouts] == ["+200%", "−30%"]


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
    assert view.matrix[0].rows == (("Writing specs", (1, 1, 0)),)
    assert view.studies[0].skills[0].evidence == ("Spec reviewed (5 Jun 2026)",)


def test_empty_sections_are_left_out(journal_with_projects: Journal) -> None:
    thin = view_of(journal_with_projects).studies[2]
    assert (thin.sections, thin.results, thin.quotes, thin.timeline) == ((), (), (), ())
    assert not thin.has_results and not thin.learned
