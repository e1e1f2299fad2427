"""Use case: the portfolio PDF, from choosing projects to an atomically written file.

The CLI and the GUI worker both call ``build_portfolio``. It reads the journal once through the
career snapshot (which leaves out everything confidential and applies ``--redact``), then
builds the view, the HTML and the PDF with no session open. The file appears complete or not
at all, and nothing in this pipeline imports Qt, so the GUI can run it in a worker.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pmjournal.domain.errors import ValidationError
from pmjournal.render import templates
from pmjournal.render.pdf import RenderCancelledError, write_pdf
from pmjournal.render.portfolio_view import build_view
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage.database import Journal

Progress = Callable[[str, float], None]

_STAGES = {"read": 0.0, "compose": 0.15, "layout": 0.25, "write": 0.85, "done": 1.0}


@dataclass(frozen=True)
class PortfolioResult:
    path: Path
    pages: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class PreparedPortfolio:
    """Everything the PDF engine needs, before it runs: also what a preview would show."""

    html: str
    stylesheets: tuple[str, ...]
    attachments_dir: Path
    warnings: tuple[str, ...]


def check_choices(theme: str, paper: str) -> None:
    if theme not in templates.THEMES:
        raise ValidationError(
            f"unknown theme {theme!r} (choose {' or '.join(templates.THEMES)})", "theme"
        )
    if paper not in templates.PAPERS:
        raise ValidationError(
            f"unknown paper {paper!r} (choose {' or '.join(templates.PAPERS)})", "paper"
        )


def prepare_portfolio(
    journal: Journal,
    *,
    projects: Sequence[str] = (),
    theme: str = "classic",
    paper: str = "a4",
    redact: bool = False,
    today: date | None = None,
    stage: Callable[[str], None] | None = None,
) -> PreparedPortfolio:
    """The final HTML and CSS for a portfolio, and the warnings about its projects.

    ``stage`` hears "compose" once the journal has been read.
    """
    check_choices(theme, paper)
    snapshot = load_snapshot(journal, project_names=projects, redact=redact)
    if not snapshot.projects:
        raise ValidationError(
            "the journal has no shareable project with content yet; add one first", "project"
        )
    if stage:
        stage("compose")
    view = build_view(snapshot, made_on=today or date.today())
    return PreparedPortfolio(
        html=templates.render_html(view, theme),
        stylesheets=templates.stylesheets(theme, paper),
        attachments_dir=journal.attachments_dir,
        warnings=view.warnings,
    )


def build_portfolio(
    journal: Journal,
    out: Path,
    *,
    projects: Sequence[str] = (),
    theme: str = "classic",
    paper: str = "a4",
    redact: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PortfolioResult:
    """Write the portfolio PDF to ``out``, replacing it only once the new one is complete.

    ``progress(stage, fraction)`` reports "read", "compose", "layout", "write" and "done";
    ``cancelled()`` is polled between stages and stops with ``RenderCancelledError``.
    """

    def stage(name: str) -> None:
        if cancelled and cancelled():
            raise RenderCancelledError()
        if progress:
            progress(name, _STAGES[name])

    out = Path(out)
    if out.is_dir():
        raise ValidationError(f"{out} is a folder; give a file name such as portfolio.pdf", "out")
    if not out.parent.is_dir():
        raise ValidationError(f"folder {out.parent} does not exist", "out")
    stage("read")
    prepared = prepare_portfolio(
        journal, projects=projects, theme=theme, paper=paper, redact=redact, stage=stage
    )
    partial = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    try:
        # 0o666 so the finished file gets the user's usual permissions (umask applies).
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as f:
            rendered = write_pdf(
                prepared.html,
                prepared.stylesheets,
                f,
                attachments_dir=prepared.attachments_dir,
                stage=stage,
                cancelled=cancelled,
            )
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    if progress:
        progress("done", _STAGES["done"])
    warnings = prepared.warnings
    if rendered.missing_glyphs:
        shown = "".join(rendered.missing_glyphs[:10])
        warnings += (
            f"no installed font can show {len(rendered.missing_glyphs)} character(s) "
            f"({shown}); they print as boxes. For Chinese, Japanese or Korean text install "
            "a CJK font such as Noto Sans CJK (Debian/Ubuntu: fonts-noto-cjk)",
        )
    return PortfolioResult(out, rendered.pages, warnings)
