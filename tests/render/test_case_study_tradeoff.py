"""The case study's "Trade-offs and alternatives": after the approach, before the results,
only when the user wrote one, redacted like the rest, and kept whole on a page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pmjournal.domain.metric_records import MetricDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.render.portfolio_view import PortfolioView, build_view
from pmjournal.render.resources import read_resource
from pmjournal.render.templates import render_html
from pmjournal.services.records.metrics import add_metric
from pmjournal.services.records.projects import add_project, find_project, update_project
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage.database import Journal

CHECKLIST = ProjectDraft(
    "Onboarding checklist",
    problem="Admins stalled at SSO setup.",
    role="I ran five interviews.",
    approach="Interviews, then a clickable prototype.",
    tradeoff="I chose a checklist over a product tour: admins come back to a checklist.",
    outcome="Shipped in week 8.",
    learnings="Ask about the last time.",
    start_date=date(2026, 6, 1),
)


def view_of(journal: Journal) -> PortfolioView:
    return build_view(load_snapshot(journal), made_on=date(2026, 9, 1))


def test_the_tradeoff_is_a_section_after_the_approach_and_before_the_results(
    journal: Journal,
) -> None:
    add_project(journal, CHECKLIST)
    add_metric(
        journal, MetricDraft("Onboarding checklist", "Activation", baseline=42, result=58, unit="%")
    )
    (study,) = view_of(journal).studies
    assert [s.title for s in study.sections][-2:] == ["Approach", "Trade-offs and alternatives"]
    tradeoff = study.sections[-1]
    assert tradeoff.key == "tradeoff" and tradeoff.anchor == "case-1-tradeoff"
    assert "admins come back to a checklist" in tradeoff.body

    html = render_html(view_of(journal), "classic")
    order = ["Approach", "Trade-offs and alternatives", "Results", "What I learned"]
    places = [html.index(f"<h2>{title}</h2>") for title in order]
    assert places == sorted(places)
    assert '<section class="study-section tradeoff" id="case-1-tradeoff">' in html


def test_no_tradeoff_no_section(journal: Journal) -> None:
    add_project(journal, replace(CHECKLIST, tradeoff="  \n "))
    (study,) = view_of(journal).studies
    assert "Trade-offs and alternatives" not in [s.title for s in study.sections]
    assert "Trade-offs" not in render_html(view_of(journal), "modern")


def test_a_confidential_name_in_the_tradeoff_is_replaced(journal: Journal) -> None:
    add_project(journal, ProjectDraft("Falcon", confidential=True, role="x", outcome="y"))
    add_project(journal, replace(CHECKLIST, tradeoff="I waited for Falcon to finish first."))
    (study,) = view_of(journal).studies
    body = str(study.sections[-1].body)
    assert "Falcon" not in body and "a confidential project" in body


def test_an_edited_tradeoff_shows_as_edited(journal: Journal) -> None:
    add_project(journal, CHECKLIST)
    current = find_project(journal, "Onboarding checklist")
    update_project(journal, current.id, replace(ProjectDraft.of(current), tradeoff="Speed won."))
    (study,) = view_of(journal).studies
    assert "Speed won." in study.sections[-1].body


def test_the_stylesheet_keeps_the_tradeoff_whole_on_a_page() -> None:
    css = read_resource("css/portfolio.css")
    rule = css.split(".study-section.tradeoff", 1)[1].split("}", 1)[0]
    assert "break-inside: avoid" in rule
