"""The weekly update: one ISO week of the demo journal, and nothing from any other."""

from __future__ import annotations

from datetime import date

import pytest
from journal_builder import entry, project

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.feedback import FeedbackRecord
from pmjournal.domain.paging import MAX_LIMIT
from pmjournal.domain.records import EntryRecord
from pmjournal.services.career.weekly import (
    render_markdown,
    render_text,
    split_sections,
    weekly_update,
)
from pmjournal.services.demo.generate import DEMO_START
from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import entries_between
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.projects import list_projects

WEEK_3 = "2026-W25"  # the demo's third week: interviews, the options and the first spec


def week_rows(
    journal: Journal, first: date, last: date, inside: bool
) -> tuple[list[EntryRecord], list[FeedbackRecord]]:
    """Entries and feedback dated inside (or outside) a week, as the record services list them."""
    entries = entries_between(journal, date.min, date.max)
    feedback = list_feedback(journal, limit=MAX_LIMIT).items
    pick = (lambda d: first <= d <= last) if inside else (lambda d: not first <= d <= last)
    return (
        [e for e in entries if pick(e.date)],
        [f for f in feedback if pick(f.date) and not f.confidential],
    )


def test_a_demo_week_lists_its_projects_and_feedback_and_nothing_else(demo_journal: Journal):
    update = weekly_update(demo_journal, WEEK_3)
    text = render_markdown(update)
    entries, feedback = week_rows(demo_journal, update.monday, update.sunday, inside=True)
    _, other_feedback = week_rows(demo_journal, update.monday, update.sunday, inside=False)

    assert update.monday == DEMO_START.replace(day=15)
    assert {p for e in entries for p in e.projects} == {"Guided onboarding checklist"}
    assert "**Guided onboarding checklist**" in text
    assert [name for name, _ in update.done] == ["Guided onboarding checklist"]
    assert all(
        update.monday <= item.day <= update.sunday for _, items in update.done for item in items
    )
    assert {e.id for e in update.entries} == {e.id for e in entries}
    assert {f.id for f in update.feedback} == {f.id for f in feedback} != set()
    for item in feedback:
        assert item.text in text
    for item in other_feedback:
        assert item.text not in text
    for heading in ("What I did", "What I learned", "Feedback received", "Blockers", "Next week"):
        assert f"### {heading}" in text


def test_the_weekly_entrys_sections_become_summary_learned_blockers_and_plan(demo_journal: Journal):
    update = weekly_update(demo_journal, WEEK_3)

    assert "Three interviews, the third on my own." in update.summary
    assert "A spec is for the people building from it: tables beat prose." in update.learned
    assert update.blockers == (
        "Inês is on another project until Wednesday, so design starts late.",
    )
    assert update.next_week[0] == "Design review with Inês."
    assert ("User research", 2) in update.skills


def test_an_empty_week_says_so_plainly(demo_journal: Journal):
    for render in (render_markdown, render_text):
        text = render(weekly_update(demo_journal, "2026-W40"))

        assert "Nothing recorded this week: no entries and no feedback." in text
        assert "What I did" not in text


def test_the_default_week_is_the_one_holding_today(demo_journal: Journal):
    update = weekly_update(demo_journal, today=date(2026, 6, 18))

    assert update.week == WEEK_3
    assert not update.empty


def test_entries_only_about_a_confidential_project_are_left_out(demo_journal: Journal):
    secret = {p.name for p in list_projects(demo_journal).items if p.confidential}
    everything = entries_between(demo_journal, date.min, date.max)
    only_secret = [e for e in everything if e.projects and set(e.projects) <= secret]
    assert only_secret
    for note in only_secret:
        update = weekly_update(demo_journal, note.date.strftime("%G-W%V"))
        assert note.id not in {e.id for e in update.entries}
        listed = [item.text for _, items in update.done for item in items]
        assert listed and note.title not in listed


def test_plain_text_has_no_markdown_marks(demo_journal: Journal):
    text = render_text(weekly_update(demo_journal, WEEK_3))

    assert text.startswith("Weekly update, 2026-W25 (15–21 Jun 2026)")
    assert "#" not in text and "**" not in text
    assert "NEXT WEEK\n- Design review with Inês." in text


def test_a_bad_week_is_refused(demo_journal: Journal):
    with pytest.raises(ValidationError) as raised:
        weekly_update(demo_journal, "2026-24")

    assert raised.value.field == "week"


def test_sections_are_found_by_their_usual_headings():
    body = (
        "Intro line one\ncontinued.\n\n"
        "## What I did\n- Shipped **the** thing\n- Wrote [docs](http://x)\n\n"
        "### Random heading\nNot a blocker.\n\n"
        "## Blockers:\nWaiting on legal.\n\n"
        "# Next steps\n1. Launch\n2. Measure\n"
    )

    sections = split_sections(body)

    assert sections[""] == ["Intro line one continued."]
    assert sections["done"] == ["Shipped the thing", "Wrote docs"]
    assert sections["blockers"] == ["Waiting on legal."]
    assert sections["next"] == ["Launch", "Measure"]
    assert "Not a blocker." not in str(sections)


def test_an_entry_about_two_projects_is_listed_once(journal: Journal):
    project(journal, "Alpha")
    project(journal, "Beta")
    entry(journal, date(2026, 6, 3), title="Shared review", projects=["Alpha", "Beta"])
    update = weekly_update(journal, "2026-W23")

    assert [(name, [i.text for i in items]) for name, items in update.done] == [
        ("Alpha", ["Shared review (also Beta)"])
    ]


def test_a_week_across_a_new_year_shows_both_years(journal: Journal):
    entry(journal, date(2026, 12, 30), title="Wrote the Q1 plan")

    update = weekly_update(journal, "2026-W53")

    assert "(28 Dec 2026 – 3 Jan 2027)" in render_markdown(update)
    assert "(28 Dec 2026 – 3 Jan 2027)" in render_text(update)


def test_a_part_holding_only_confidential_work_is_left_out_not_printed_bare(journal: Journal):
    project(journal, "Onboarding")
    project(journal, "Falcon — audit readiness", confidential=True)
    entry(
        journal,
        date(2026, 7, 1),
        "## Done\n- Onboarding copy\n## Blockers\n- Falcon: waiting for legal\n"
        "## Next\n- Falcon audit answers",
        kind="weekly",
        title="Week review",
        projects=["Onboarding"],
    )

    text = render_markdown(weekly_update(journal, "2026-W27"))

    assert "Onboarding copy" in text
    assert "Blockers" not in text and "Next week" not in text
    assert "Falcon" not in text and "confidential" not in text
