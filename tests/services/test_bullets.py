"""Résumé bullets on the demo journal and on hand-built ones: numbers, lint, pins, secrets."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import journal_builder as build
import jsonschema
import pytest

from pmjournal.domain.bullet_lint import WEAK_OPENERS
from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metrics import format_number
from pmjournal.domain.paging import MAX_LIMIT
from pmjournal.services.career.bullets import (
    MAX_BULLETS,
    BulletReport,
    load_bullets,
    pin_bullet,
    render_markdown,
    render_text,
    unpin_bullet,
)
from pmjournal.services.career.json_resume import build_json_resume, render_json_resume
from pmjournal.services.exchange.json_exchange import build_document, import_document
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records.internships import list_internships
from pmjournal.services.records.metrics import list_metrics
from pmjournal.services.records.people import list_people
from pmjournal.services.records.profile import update_profile
from pmjournal.services.records.projects import list_projects

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "json-resume.schema.json"
STRICT_RULES = {
    "no-number",
    "weak-opener",
    "not-past-tense-verb",
    "first-person",
    "buzzword",
    "too-long",
    "too-many-words",
    "repeated-verb",
    "not-plain-text",
}


def figures(metric) -> set[str]:
    return {format_number(q.value) for q in (metric.baseline, metric.result) if q is not None}


def all_text(report: BulletReport) -> str:
    return render_text(report) + render_markdown(report) + render_json_resume(report)


def saved_bullets(journal: Journal) -> list[dict[str, Any]]:
    """Every résumé bullet the journal stores, confidential projects' too, as exported."""
    bullets: list[dict[str, Any]] = build_document(journal)["resume_bullets"]
    return bullets


def secrets(journal: Journal) -> list[str]:
    """Names of everything marked confidential, read from the journal itself."""
    names = [p.name for p in list_projects(journal).items if p.confidential]
    names += [m.name for m in list_metrics(journal, limit=MAX_LIMIT).items if m.confidential]
    names += [p.name for p in list_people(journal).items if p.confidential]
    assert names, "the demo should hold confidential records"
    return names


def test_every_bullet_of_a_project_with_metrics_carries_a_metrics_figures(demo_journal: Journal):
    report = load_bullets(demo_journal)

    with_metrics = [
        g for g in report.projects if any(m.result is not None for m in g.project.metrics)
    ]
    assert len(with_metrics) >= 2
    for group in with_metrics:
        measured = [
            m for m in group.project.metrics if m.result is not None and "alone" not in m.note
        ]
        assert 1 <= len(group.bullets) <= MAX_BULLETS
        for bullet in group.bullets:
            assert any(
                figures(m) <= set(re.findall(r"\d[\d,.]*\d|\d", bullet.text)) for m in measured
            ), bullet.text
        shown = " ".join(b.text for b in group.bullets)
        for metric in measured[:MAX_BULLETS]:
            assert all(f in shown for f in figures(metric)), metric.name


def test_no_demo_bullet_breaks_a_strict_rule_or_opens_weakly(demo_journal: Journal):
    report = load_bullets(demo_journal, ascii_only=True)

    for group in report.projects:
        for bullet in group.bullets:
            lowered = bullet.text.lower()
            assert not any(lowered.startswith(opener) for opener in WEAK_OPENERS), bullet.text
            assert not {w.code for w in bullet.warnings} & STRICT_RULES, bullet.text
            assert bullet.text.isascii()


def test_each_bullet_names_its_metric_and_the_entry_behind_it(demo_journal: Journal):
    report = load_bullets(demo_journal)

    for group in report.projects:
        for bullet in group.bullets:
            kinds = {e.kind for e in bullet.evidence}
            assert "project" in kinds
            metric = next((e for e in bullet.evidence if e.kind == "metric"), None)
            if metric is None:
                continue
            entry = next(e for e in bullet.evidence if e.kind == "entry")
            assert entry.id in {e.id for e in group.project.entries}
            assert metric.label.split(":")[0] in {m.name for m in group.project.metrics}


def test_a_project_with_no_measured_result_still_gets_a_flagged_bullet(demo_journal: Journal):
    report = load_bullets(demo_journal)
    digest = next(
        g for g in report.projects if not any(m.result is not None for m in g.project.metrics)
    )

    assert len(digest.bullets) == 1
    assert "no-metric" in {w.code for w in digest.bullets[0].warnings}


def test_the_lint_flags_a_hand_written_weak_bullet_pinned_by_the_user(demo_journal: Journal):
    pin_bullet(demo_journal, "Guided onboarding checklist", 0, "Helped my team with onboarding")

    bullet = load_bullets(demo_journal).projects[0].bullets[0]

    assert bullet.pinned
    assert {w.code for w in bullet.warnings} >= {"weak-opener", "first-person", "no-number"}


def test_a_pinned_edit_survives_regeneration_and_can_be_let_go(demo_journal: Journal):
    before = load_bullets(demo_journal, project_names=["Faster first report"]).projects[0]
    mine = "Cut first-report load time from 3.2 s to 1.1 s by building three summary tables"

    heard: list[Changes] = []
    demo_journal.changes.subscribe(heard.append)
    first = pin_bullet(demo_journal, "faster first report", 1, mine)
    second = pin_bullet(demo_journal, "Faster first report", 1, "  " + mine + "  ")
    project = (Kind.PROJECT, before.project.id)
    [(kind, bullet_id)] = first.changes.created
    assert kind is Kind.BULLET and first.changes.updated == {project}
    assert second.changes.updated == {project, (Kind.BULLET, bullet_id)}
    after = load_bullets(demo_journal, project_names=["Faster first report"]).projects[0]

    assert [b.text for b in after.bullets] == [
        before.bullets[0].text,
        mine,
        *[b.text for b in before.bullets[2:]],
    ]
    assert after.bullets[1].pinned and after.bullets[1].evidence == before.bullets[1].evidence
    assert len(saved_bullets(demo_journal)) == 1

    unpinned = unpin_bullet(demo_journal, "Faster first report", 1)
    assert unpinned.changes.updated == {project, (Kind.BULLET, bullet_id)}
    assert heard == [first.changes, second.changes, unpinned.changes]
    again = load_bullets(demo_journal, project_names=["Faster first report"]).projects[0]
    assert [b.text for b in again.bullets] == [b.text for b in before.bullets]


def test_a_pin_past_the_generated_bullets_is_added_after_them(demo_journal: Journal):
    pin_bullet(demo_journal, "Scheduled report digest", 2, "Recruited 12 pilot accounts with sales")

    bullets = (
        load_bullets(demo_journal, project_names=["Scheduled report digest"]).projects[0].bullets
    )

    assert [(b.position, b.pinned) for b in bullets][-1] == (2, True)
    assert bullets[-1].text == "Recruited 12 pilot accounts with sales"
    assert [b.position for b in bullets] == sorted(b.position for b in bullets)


def test_a_pinned_edit_survives_export_and_import(demo_journal: Journal, tmp_path: Path):
    mine = "Raised 7-day onboarding completion from 42% to 58% by shipping a five-step checklist"
    pin_bullet(demo_journal, "Guided onboarding checklist", 0, mine)
    document = json.loads(json.dumps(build_document(demo_journal), default=str))

    restored = open_journal(tmp_path / "restored", auto_backup=False)
    try:
        import_document(restored, document)
        bullets = load_bullets(restored).projects[0].bullets
    finally:
        restored.close()

    assert bullets[0].text == mine and bullets[0].pinned


@pytest.mark.parametrize(
    ("project", "position", "text", "field"),
    [
        ("Guided onboarding checklist", 3, "Led it", "position"),
        ("Guided onboarding checklist", -1, "Led it", "position"),
        ("Guided onboarding checklist", 0, "   ", "text"),
        ("Guided onbaording checklist", 0, "Led it", "project"),
        ("Competitor migration offer", 0, "Led it", "project"),
    ],
)
def test_bad_pins_are_refused_and_write_nothing(
    demo_journal: Journal, project: str, position: int, text: str, field: str
):
    with pytest.raises(ValidationError) as raised:
        pin_bullet(demo_journal, project, position, text)

    assert raised.value.field == field
    assert saved_bullets(demo_journal) == []


def test_unpinning_a_bullet_that_is_not_pinned_is_an_error(demo_journal: Journal):
    with pytest.raises(ValidationError, match="not pinned"):
        unpin_bullet(demo_journal, "Faster first report", 0)


def test_confidential_content_never_reaches_any_format(demo_journal: Journal):
    names = secrets(demo_journal)
    secret = next(p.name for p in list_projects(demo_journal).items if p.confidential)
    build.edit_project(demo_journal, secret, confidential=False)
    pin_bullet(demo_journal, secret, 0, "Secret pinned bullet")
    build.edit_project(demo_journal, secret, confidential=True)

    for ascii_only in (False, True):
        text = all_text(load_bullets(demo_journal, ascii_only=ascii_only))
        for name in [*names, "Secret pinned bullet"]:
            assert name.lower() not in text.lower(), name


def test_redact_replaces_organisation_and_people_names(demo_journal: Journal):
    [organisation] = [i.organisation for i in list_internships(demo_journal).items]
    people = [p.name.split()[0] for p in list_people(demo_journal).items]
    pin_bullet(demo_journal, "Faster first report", 2, "Ran the trade-off discussion with Wei")

    plain = all_text(load_bullets(demo_journal))
    redacted = all_text(load_bullets(demo_journal, redact=True))

    assert organisation in plain and "Wei" in plain
    assert organisation not in redacted and "Company A" in redacted
    for first_name in people:
        assert not re.search(rf"\b{re.escape(first_name)}\b", redacted), first_name


def test_json_resume_validates_against_the_official_schema(demo_journal: Journal):
    schema = json.loads(SCHEMA.read_text("utf-8"))
    report = load_bullets(demo_journal, ascii_only=True)
    document = build_json_resume(report)

    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    jsonschema.Draft7Validator(strict(schema)).validate(document)
    assert json.loads(render_json_resume(report)) == document
    assert document["basics"]["name"] == "Maya Lindqvist"
    highlights = [h for work in document["work"] for h in work["highlights"]]
    assert highlights == [b.text for g in report.projects for b in g.bullets]
    assert {k["name"] for k in document["skills"]} >= {"Analytical", "People"}


def strict(schema: dict) -> dict:
    """The schema with no extra keys allowed, so a misspelt key ("highlight") fails too."""
    tightened = copy.deepcopy(schema)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tightened)
    return tightened


def test_the_strict_schema_rejects_a_misspelt_key(demo_journal: Journal):
    schema = strict(json.loads(SCHEMA.read_text("utf-8")))
    document = build_json_resume(load_bullets(demo_journal, ascii_only=True))
    document["work"][0]["highlight"] = document["work"][0].pop("highlights")

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(document)


@pytest.fixture
def small_journal(journal: Journal) -> Journal:
    """Projects with thin notes: a weak role, no approach, one outside any internship."""
    build.internship(journal, "Acme", "PM Intern", date(2026, 6, 1))
    build.case_study(
        journal,
        "Pricing page",
        internship="Acme",
        role="I helped the team with the pricing page.",
        start_date=date(2026, 6, 1),
        metrics=[
            {"name": "Conversion", "baseline": 2.5, "result": 3.1, "unit": "%", "better": "higher"}
        ],
    )
    build.evidence_of(journal, "Data analysis", "Queried conversions", project="Pricing page")
    build.project(
        journal,
        "Side project",
        role="I built a churn model in SQL.",
        approach="Interviewed 4 analysts.",
        start_date=date(2026, 7, 1),
    )
    return journal


def test_thin_notes_still_give_a_grammatical_bullet_with_the_number(small_journal: Journal):
    report = load_bullets(small_journal)
    bullets = {g.project.name: g.bullets for g in report.projects}

    assert [b.text for b in bullets["Pricing page"]] == [
        "Analysed the pricing page project; over the project, conversion rose from 2.5% to 3.1% "
        "(+0.6 pts)"
    ]
    assert [b.text for b in bullets["Side project"]] == [
        "Built a churn model in SQL",
        "Interviewed 4 analysts",
    ]
    assert {w.code for w in bullets["Side project"][0].warnings} == {"no-metric", "no-method"}


def test_projects_outside_an_internship_go_to_json_resume_projects(small_journal: Journal):
    document = build_json_resume(load_bullets(small_journal, ascii_only=True))

    assert [w["name"] for w in document["work"]] == ["Acme"]
    assert document["projects"][0]["name"] == "Side project"
    assert document["projects"][0]["highlights"] == [
        "Built a churn model in SQL",
        "Interviewed 4 analysts",
    ]
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(document)


def test_a_result_is_put_down_to_an_action_only_where_the_journal_ties_them(journal: Journal):
    activation = {"name": "Activation", "baseline": 20, "result": 30, "unit": "%"}
    build.case_study(
        journal, "Named", role="I redesigned the activation checklist.", metrics=[activation]
    )
    build.project(journal, "Evidenced", role="I rewrote the import hints.")
    note = build.entry(
        journal,
        date(2026, 7, 1),
        "Since I rewrote the import hints, tickets fell to 22.",
        title="Tickets down",
        projects=["Evidenced"],
    )
    tickets = {"baseline": 37, "result": 22, "better": "lower", "entry_id": note}
    build.metric(journal, "Evidenced", "Setup tickets", **tickets)
    conversion = {"name": "Conversion", "baseline": 2, "result": 3, "unit": "%"}
    build.case_study(
        journal, "Loose", role="I ran the pricing workshop with sales.", metrics=[conversion]
    )

    bullets = {g.project.name: [b.text for b in g.bullets] for g in load_bullets(journal).projects}

    assert bullets["Named"] == [
        "Raised activation from 20% to 30% (+10 pts) by redesigning the activation checklist"
    ]
    assert bullets["Evidenced"] == [
        "Cut setup tickets from 37 to 22 (−41%) by rewriting the import hints"
    ]
    assert bullets["Loose"] == [
        "Ran the pricing workshop with sales; over the project, conversion rose from 2% to 3% "
        "(+1 pt)"
    ]


def test_a_metric_whose_note_disowns_the_change_is_never_claimed(demo_journal: Journal):
    report = load_bullets(demo_journal)
    disowned = {
        m.id
        for g in report.projects
        for m in g.project.metrics
        if "not this project's alone" in m.note
    }

    assert disowned, "the demo should hold a metric whose change is shared with other work"
    for group in report.projects:
        for bullet in group.bullets:
            assert not {e.id for e in bullet.evidence if e.kind == "metric"} & disowned
            assert "21 to 29" not in bullet.text, bullet.text


def test_a_worse_result_is_stated_plainly_and_only_when_nothing_improved(journal: Journal):
    build.case_study(
        journal,
        "Mixed",
        role="I redesigned the pricing page.",
        metrics=[
            {"name": "Bounce rate", "baseline": 40, "result": 45, "unit": "%", "better": "lower"},
            {"name": "Signups", "baseline": 100, "result": 130, "better": "higher"},
        ],
    )
    saves = {"name": "Saves", "baseline": 50, "result": 40, "better": "higher"}
    build.case_study(journal, "Worse", role="I redesigned the settings page.", metrics=[saves])

    bullets = {g.project.name: [b.text for b in g.bullets] for g in load_bullets(journal).projects}

    assert bullets["Mixed"] == [
        "Redesigned the pricing page; over the project, signups rose from 100 to 130 (+30%)"
    ]
    assert bullets["Worse"] == ["Redesigned the settings page, with saves from 50 to 40 (−20%)"]


def test_json_resume_basics_come_from_the_profile(journal: Journal):
    update_profile(
        journal,
        name="Ada Park",
        email="ada@example.com",
        location="Leeds, UK",
        links=("https://www.linkedin.com/in/adapark/", "https://ada.example.com"),
    )

    document = build_json_resume(load_bullets(journal, ascii_only=True))

    assert document["basics"] == {
        "name": "Ada Park",
        "email": "ada@example.com",
        "url": "https://ada.example.com",
        "location": {"city": "Leeds", "region": "UK"},
        "profiles": [
            {
                "network": "LinkedIn",
                "username": "adapark",
                "url": "https://www.linkedin.com/in/adapark/",
            }
        ],
    }
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text("utf-8")))
    validator.validate(document)
