"""Jinja2 glue: the portfolio's HTML and stylesheets, loaded from ``pmjournal.resources``.

Templates come only from the package (``PackageLoader``), autoescape is on and undefined names
fail loudly, and the view model is passed as data: user text is never template source, so a
note containing ``{{ … }}`` prints as written. Stylesheets are returned as strings for
``CSS(string=…)`` because a stylesheet handed to WeasyPrint by URL has bypassed a custom
fetcher in past releases (FACTS.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from pmjournal.domain.limits import MAX_NAME_CHARS
from pmjournal.render import charts
from pmjournal.render.impact import MetricLine
from pmjournal.render.portfolio_view import PortfolioView
from pmjournal.render.resources import read_resource
from pmjournal.render.typography import finalize


@dataclass(frozen=True)
class Theme:
    name: str
    stylesheet: str
    palette: charts.Palette


THEMES: dict[str, Theme] = {
    "classic": Theme(
        "classic",
        "css/theme-classic.css",
        charts.Palette("#7b2232", "#c9bfb4", "#2b2623", "#d8d0c6", "PMJ Sans"),
    ),
    "modern": Theme(
        "modern",
        "css/theme-modern.css",
        charts.Palette("#0d7c72", "#c4ccd6", "#1c2430", "#dde2e8", "PMJ Sans"),
    ),
}
# Page size, and side margins that keep the text column 140 mm wide on either paper.
PAPERS: dict[str, str] = {
    "a4": "size: A4",
    "letter": "size: letter; margin-left: 38mm; margin-right: 38mm",
}
BASE_STYLESHEET = "css/portfolio.css"


_UNBROKEN = re.compile(r"\S{25,}")
_BREAK_EVERY = 12


def display_name(name: str) -> str:
    """A project, skill or metric name as the layout can set it (the ``name`` filter).

    Names over the cap (from journals older than it) are cut, and a run of 25 or more
    characters with no space gets zero-width break opportunities: in a heading, a contents
    line or a table header WeasyPrint would otherwise let it run off the page.
    """
    if len(name) > MAX_NAME_CHARS:
        name = name[: MAX_NAME_CHARS - 1] + "…"
    return _UNBROKEN.sub(
        lambda run: "\u200b".join(
            run.group(0)[i : i + _BREAK_EVERY] for i in range(0, len(run.group(0)), _BREAK_EVERY)
        ),
        name,
    )


@cache
def environment() -> Environment:
    """One environment per process: Jinja compiles and caches templates on first use."""
    env = Environment(
        loader=PackageLoader("pmjournal.resources", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    env.filters["name"] = display_name
    return env


class _Charts:
    """Chart helpers bound to the theme's palette, for templates to call."""

    def __init__(self, palette: charts.Palette) -> None:
        self._palette = palette

    def before_after(self, metrics: Sequence[MetricLine]) -> Markup:
        return charts.before_after(metrics, self._palette)

    def activity(self, buckets: Sequence[charts.Bucket]) -> Markup:
        return charts.activity(buckets, self._palette)


def render_html(view: PortfolioView, theme: str) -> str:
    template = environment().get_template("portfolio/portfolio.html.j2")
    chosen = THEMES[theme]
    return template.render(view=view, theme=chosen.name, charts=_Charts(chosen.palette))


def stylesheets(theme: str, paper: str) -> tuple[str, ...]:
    """The CSS texts for a theme and paper size, in cascade order."""
    return (
        read_resource(BASE_STYLESHEET),
        read_resource(THEMES[theme].stylesheet),
        f"@page {{ {PAPERS[paper]}; }}",
    )
