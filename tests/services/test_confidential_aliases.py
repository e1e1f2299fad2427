"""A confidential project's codename and the user's aliases never leave the journal.

The journal below is the defect's shape: a confidential project with a codename before a
dash, an alias of the user's own, and public entries whose titles use the short names.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from journal_builder import entry, import_edited, internship, person, project, record_of

from pmjournal.services.career.bullets import load_bullets, render_markdown
from pmjournal.services.career.weekly import render_markdown as weekly_markdown
from pmjournal.services.career.weekly import weekly_update
from pmjournal.services.exchange.markdown_export import export_markdown
from pmjournal.services.journal import Journal
from pmjournal.services.snapshot import load_snapshot

CONFIDENTIAL = ("Falcon", "Hawkeye", "Priya", "Rao")
COMPANY = ("Northwind", "NWL")


def leaked(text: str, secrets: tuple[str, ...] = CONFIDENTIAL) -> list[str]:
    return [s for s in secrets if s.casefold() in text.casefold()]


def build(journal: Journal, scratch: Path) -> None:
    def record(source: Journal) -> None:
        internship(source, "Northwind Ledger GmbH", "PM Intern", date(2026, 6, 1))
        place = "Northwind Ledger GmbH"
        role = "I rewrote the onboarding emails after Hawkeye slipped."
        project(source, "Onboarding", internship=place, role=role, start_date=date(2026, 6, 1))
        project(source, "Falcon — audit readiness", internship=place, confidential=True)
        person(source, "Dr. Priya Rao", relationship="manager", confidential=True)
        entry(
            source,
            date(2026, 7, 1),
            "Dr. Rao agreed that Hawkeye waits; NWL onboarding first.",
            title="Falcon: answer the audit questions",
            projects=["Onboarding"],
        )

    def alias(document: dict[str, Any]) -> None:
        record_of(document, "internships", "Northwind Ledger GmbH")["aliases"] = ["NWL"]
        record_of(document, "projects", "Falcon — audit readiness")["aliases"] = ["Hawkeye"]

    import_edited(journal, scratch, record, alias)


def test_codenames_aliases_and_titled_names_are_replaced_in_every_output(
    journal: Journal, tmp_path: Path
):
    build(journal, tmp_path / "scratch")

    weekly = weekly_markdown(weekly_update(journal, "2026-W27"))
    bullets = render_markdown(load_bullets(journal))
    export_markdown(journal, tmp_path / "md")
    exported = "\n".join(p.read_text("utf-8") for p in (tmp_path / "md").rglob("*.md"))

    for text in (weekly, bullets, exported):
        assert leaked(text) == [], leaked(text)
    assert "a confidential project" in exported.casefold()


def test_redact_replaces_the_company_in_every_form(journal: Journal, tmp_path: Path):
    build(journal, tmp_path / "scratch")

    snapshot = load_snapshot(journal, redact=True)
    texts = [e.title + " " + e.body for e in snapshot.entries]
    texts += [i.organisation for i in snapshot.internships]

    assert all(leaked(t, CONFIDENTIAL + COMPANY) == [] for t in texts), texts
    assert "Company A onboarding first" in " ".join(texts)
