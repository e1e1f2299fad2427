"""No case study ends on a nearly empty page: measured after layout, tightened once."""

from __future__ import annotations

import io

from pmjournal.render.page_fit import loose_ends
from pmjournal.render.pdf import PageFill, write_pdf
from pmjournal.services.portfolio.build import prepare_portfolio
from pmjournal.storage.database import Journal


def page(filled: float, *anchors: str) -> PageFill:
    return PageFill(frozenset(anchors), filled)


def test_a_study_whose_last_page_is_nearly_empty_is_found():
    pages = [
        page(0.9, "impact"),
        page(0.95, "case-1"),
        page(0.2, "case-1"),
        page(0.9, "case-2"),
        page(0.5, "case-2"),
        page(0.1, "case-3"),
        page(0.4, "skills-matrix"),
    ]

    assert loose_ends(pages, ["case-1", "case-2", "case-3"]) == {"case-1"}


def test_no_demo_case_study_ends_on_a_nearly_empty_page(demo_journal: Journal):
    prepared = prepare_portfolio(demo_journal)
    studies = [f"case-{n}" for n in range(1, 4)]
    final: list[tuple[PageFill, ...]] = []

    def record(pages: tuple[PageFill, ...]) -> None:
        final.append(pages)

    def first_pass(pages: tuple[PageFill, ...]) -> str | None:
        record(pages)
        assert prepared.refit is not None
        return prepared.refit(pages)

    write_pdf(
        prepared.html,
        prepared.stylesheets,
        io.BytesIO(),
        attachments_dir=None,
        refit=first_pass,
    )
    revised = prepared.refit(final[0]) if prepared.refit else None
    if revised is not None:
        write_pdf(
            revised,
            prepared.stylesheets,
            io.BytesIO(),
            attachments_dir=None,
            refit=lambda pages: record(pages),
        )

    assert loose_ends(final[-1], studies) == set(), [round(p.filled, 2) for p in final[-1]]
