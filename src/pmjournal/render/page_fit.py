"""Avoiding nearly empty pages at the end of a case study.

CSS keeps short blocks together (``break-inside: avoid``), but then a timeline that does not
fit moves whole to a page of its own, and CSS has no rule for "not a nearly empty page". So
the portfolio is laid out, the last page of each case study is measured, and a case study
ending on a page filled less than ``NEAR_EMPTY`` is laid out once more in its tight form
(smaller gaps, one evidence line per skill, a shorter timeline), which pulls the tail back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from pmjournal.render.pdf import PageFill, Refit
from pmjournal.render.portfolio_view import PortfolioView

NEAR_EMPTY = 0.3


def loose_ends(pages: Sequence[PageFill], studies: Sequence[str]) -> set[str]:
    """The case studies (by anchor) whose last page holds less than ``NEAR_EMPTY``.

    An element that runs over several pages has its anchor on each of them, so a case
    study is the one whose anchor is on the page; the last such page is its end.
    """
    last: dict[str, PageFill] = {}
    for page in pages:
        for anchor in studies:
            if anchor in page.anchors:
                last[anchor] = page
    first = {a: next(p for p in pages if a in p.anchors) for a in last}
    return {a for a, page in last.items() if page is not first[a] and page.filled < NEAR_EMPTY}


def tightened(view: PortfolioView, anchors: set[str]) -> PortfolioView:
    studies = tuple(replace(s, tight=True) if s.anchor in anchors else s for s in view.studies)
    return replace(view, studies=studies)


def refit_for(view: PortfolioView, render: Callable[[PortfolioView], str]) -> Refit:
    """A ``write_pdf`` refit that re-renders the view with its loose case studies tightened."""

    def refit(pages: tuple[PageFill, ...]) -> str | None:
        loose = loose_ends(pages, [s.anchor for s in view.studies])
        return render(tightened(view, loose)) if loose else None

    return refit
