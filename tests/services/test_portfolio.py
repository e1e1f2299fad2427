"""The portfolio of the demo journal, rendered once and read back as a hiring manager's PDF."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pdf_checks import font_names, image_count, pdf_text, unsafe_features
from pypdf import PdfReader

import pmjournal
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metrics import format_absolute, format_percent
from pmjournal.domain.paging import MAX_LIMIT
from pmjournal.render.pdf import RenderCancelledError
from pmjournal.services.journal import DB_FILENAME, Journal, open_journal
from pmjournal.services.portfolio.build import PortfolioResult, build_portfolio
from pmjournal.services.records.feedback import list_feedback
from pmjournal.services.records.internships import list_internships
from pmjournal.services.records.metrics import list_metrics
from pmjournal.services.records.people import list_people
from pmjournal.services.records.projects import list_projects
from pmjournal.services.snapshot import load_snapshot


@dataclass(frozen=True)
class Rendered:
    result: PortfolioResult
    reader: PdfReader
    text: str
    progress: list[tuple[str, float]]


@pytest.fixture(scope="module")
def demo_copy(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    folder = tmp_path_factory.mktemp("demo-portfolio")
    shutil.copy2(demo_template, folder / DB_FILENAME)
    journal = open_journal(folder, auto_backup=False)
    yield journal
    journal.close()


def _render(journal: Journal, out: Path, **options: object) -> Rendered:
    progress: list[tuple[str, float]] = []
    result = build_portfolio(
        journal, out, progress=lambda stage, done: progress.append((stage, done)), **options
    )  # type: ignore[arg-type]
    return Rendered(result, PdfReader(out), " ".join(pdf_text(out).split()), progress)


@pytest.fixture(scope="module")
def portfolio(demo_copy: Journal, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return _render(demo_copy, tmp_path_factory.mktemp("out") / "portfolio.pdf")


@pytest.fixture(scope="module")
def redacted(demo_copy: Journal, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    out = tmp_path_factory.mktemp("out") / "redacted.pdf"
    return _render(demo_copy, out, redact=True, theme="modern", paper="letter")


def _top_level(reader: PdfReader) -> dict[str, int]:
    """Top-level bookmark titles and the 1-based page each points at."""
    return {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }


def _delta(metric: object) -> str:
    change = metric.change  # type: ignore[attr-defined]
    if change.percent is not None:
        return format_percent(change.percent)
    return format_absolute(change) if change.absolute is not None else ""


def test_one_case_study_per_shareable_project_with_bookmarks_and_contents(
    portfolio: Rendered, demo_copy: Journal
) -> None:
    chosen = [p.name for p in load_snapshot(demo_copy).projects]
    assert len(chosen) >= 3
    pages = len(portfolio.reader.pages)
    assert pages == portfolio.result.pages and 8 <= pages <= 30
    bookmarks = _top_level(portfolio.reader)
    assert [t for t in bookmarks if t in chosen] == chosen
    assert {"Impact at a glance", "Contents", "Appendix: skills across projects"} <= set(bookmarks)
    contents = " ".join(portfolio.reader.pages[2].extract_text().split())
    for title in [*chosen, "Appendix: skills across projects"]:
        assert re.search(rf"{re.escape(title)} [. ]*{bookmarks[title]}\b", contents), title
    assert f"2 / {pages}" in portfolio.reader.pages[1].extract_text()


def test_a_case_study_reads_in_order_from_its_first_page(
    portfolio: Rendered, demo_copy: Journal
) -> None:
    """Title, summary, headline number with its baseline, then the sections, in that order."""
    project = load_snapshot(demo_copy).projects[0]
    page = _top_level(portfolio.reader)[project.name]
    text = " ".join(portfolio.reader.pages[page - 1].extract_text().split())
    marks = [project.name, "Context", "Problem", "My role", "Approach"]
    positions = [text.find(mark) for mark in marks]
    assert -1 not in positions and positions == sorted(positions), dict(
        zip(marks, positions, strict=True)
    )
    assert re.search(r"[+−]\d+(\.\d)?(%| pts?(?![a-z]))", text), "the headline change is on page 1"
    assert "Product Management Intern" in text, "the role line is on the first page"
    assert "→" in text, "the headline shows its baseline"


def test_metadata_describes_the_document(portfolio: Rendered, demo_copy: Journal) -> None:
    snapshot = load_snapshot(demo_copy)
    meta = portfolio.reader.metadata
    assert meta is not None
    assert meta.title == f"{snapshot.profile.name} — Product portfolio"
    assert meta.author == snapshot.profile.name
    assert all(p.name in (meta.subject or "") for p in snapshot.projects)
    assert "product management" in meta["/Keywords"]
    assert meta.creation_date is not None and meta.creation_date.date() == date.today()
    assert meta.creator == f"pmjournal {pmjournal.__version__}"


def test_every_metric_shows_its_computed_change(portfolio: Rendered, demo_copy: Journal) -> None:
    metrics = [m for p in load_snapshot(demo_copy).projects for m in p.metrics]
    assert metrics
    for metric in metrics:
        assert metric.name in portfolio.text
        if _delta(metric):
            assert _delta(metric) in portfolio.text, metric.text


def test_nothing_confidential_appears(portfolio: Rendered, demo_copy: Journal) -> None:
    secret_projects = [p for p in list_projects(demo_copy, limit=MAX_LIMIT).items if p.confidential]
    secret_metrics = [
        m.name for m in list_metrics(demo_copy, limit=MAX_LIMIT).items if m.confidential
    ]
    secret_feedback = [
        f.text for f in list_feedback(demo_copy, limit=MAX_LIMIT).items if f.confidential
    ]
    assert secret_projects, "the demo journal should hold a confidential project"
    for project in secret_projects:
        assert project.name not in portfolio.text
        assert project.name not in _top_level(portfolio.reader)
    for text in [*secret_metrics, *secret_feedback]:
        assert " ".join(text.split()) not in portfolio.text


def test_the_pdf_is_self_contained_inert_and_vector(portfolio: Rendered) -> None:
    path = portfolio.result.path
    assert unsafe_features(path) == []
    assert {name.split("-")[0] for name in font_names(path)} == {"PMJ"}
    assert image_count(path) == 0, "charts are drawn as vector graphics, not pictures"
    assert "SKILLS PRACTISED PER WEEK" in portfolio.text
    assert "BEFORE AND AFTER" in portfolio.text


def test_progress_is_reported_in_order(portfolio: Rendered) -> None:
    assert [stage for stage, _ in portfolio.progress] == [
        "read", "compose", "layout", "write", "done"
    ]  # fmt: skip
    fractions = [done for _, done in portfolio.progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_redaction_replaces_company_and_people_names(
    redacted: Rendered, demo_copy: Journal
) -> None:
    everyone = list_people(demo_copy, limit=MAX_LIMIT).items
    people = [p.name for p in everyone]
    companies = [i.organisation for i in list_internships(demo_copy, limit=MAX_LIMIT).items]
    companies += [p.organisation for p in everyone if p.organisation]
    assert people and companies
    text = redacted.text
    for name in [*people, *companies]:
        assert name not in text, name
        first = name.split()[0]
        if len(first) > 2:
            assert re.search(rf"\b{re.escape(first)}\b", text) is None, first
    assert "Company A" in text
    assert re.search(r"\b(my mentor|my manager|a peer|a stakeholder|a user)\b", text, re.I)
    assert round(float(redacted.reader.pages[0].mediabox.width)) == 612


def test_choosing_one_project(demo_copy: Journal, tmp_path: Path) -> None:
    name = load_snapshot(demo_copy).projects[-1].name
    rendered = _render(demo_copy, tmp_path / "one.pdf", projects=[name.upper()])
    chosen = [t for t in _top_level(rendered.reader) if t.startswith(name)]
    assert chosen == [name]
    others = [p.name for p in load_snapshot(demo_copy).projects if p.name != name]
    assert not [o for o in others if o in _top_level(rendered.reader)]


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"projects": ["No such project"]}, "project"),
        ({"theme": "baroque"}, "theme"),
        ({"paper": "a5"}, "paper"),
    ],
)
def test_bad_choices_write_nothing(
    demo_journal: Journal, tmp_path: Path, options: dict[str, object], field: str
) -> None:
    out = tmp_path / "portfolio.pdf"
    with pytest.raises(ValidationError) as raised:
        build_portfolio(demo_journal, out, **options)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert list(tmp_path.iterdir()) == [tmp_path / "demo"]


def test_a_confidential_project_cannot_be_chosen(demo_journal: Journal, tmp_path: Path) -> None:
    secret = next(p.name for p in list_projects(demo_journal).items if p.confidential)
    with pytest.raises(ValidationError, match="confidential"):
        build_portfolio(demo_journal, tmp_path / "p.pdf", projects=[secret])
    assert not (tmp_path / "p.pdf").exists()


def test_cancelling_keeps_the_previous_file_and_leaves_no_partial_one(
    demo_journal: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "portfolio.pdf"
    out.write_bytes(b"previous version")
    stages: list[str] = []

    def cancelled() -> bool:
        return "layout" in stages

    with pytest.raises(RenderCancelledError):
        build_portfolio(
            demo_journal, out, progress=lambda s, _: stages.append(s), cancelled=cancelled
        )
    assert out.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo", "portfolio.pdf"]


def test_an_empty_journal_is_refused(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no shareable project"):
        build_portfolio(journal, tmp_path / "empty.pdf")
    assert not (tmp_path / "empty.pdf").exists()


def test_out_is_checked_before_the_journal_is_read(demo_journal: Journal) -> None:
    stages: list[str] = []
    before = demo_journal.path.read_bytes()

    for target in (demo_journal.path, Path("/dev/null")):
        with pytest.raises(ValidationError) as raised:
            build_portfolio(demo_journal, target, progress=lambda s, _: stages.append(s))
        assert raised.value.field == "out"

    assert stages == []
    assert demo_journal.path.read_bytes() == before
