"""Use case: the portfolio PDF, from choosing projects to an atomically written file.

The CLI and the GUI worker both call ``build_portfolio``. It checks ``out`` first (through
``output_files``, so a device, a folder or the journal itself is refused before any work),
reads the journal once through the career snapshot (which leaves out everything confidential
and applies ``--redact``), then builds the view, the HTML and the PDF with no session open.
The file appears complete or not at all, and nothing in this pipeline imports Qt, so the GUI
can run it in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.progress import CancelCheck, Progress, never_cancelled, no_progress
from pmjournal.render import templates
from pmjournal.render.page_fit import refit_for
from pmjournal.render.pdf import Refit, RenderCancelledError, write_pdf
from pmjournal.render.portfolio_view import build_view
from pmjournal.services.output_files import atomic_output, resolve_output
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage.database import Journal

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
    refit: Refit | None = None


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
        refit=refit_for(view, lambda tight: templates.render_html(tight, theme)),
    )


def build_portfolio(
    journal: Journal,
    out: Path,
    *,
    projects: Sequence[str] = (),
    theme: str = "classic",
    paper: str = "a4",
    redact: bool = False,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> PortfolioResult:
    """Write the portfolio PDF to ``out``, replacing it only once the new one is complete.

    ``out`` is checked before the journal is read; a symlink is followed, so the link keeps
    pointing at the new file. The result names ``out`` as the user wrote it.

    The long-work contract (``domain/progress.py``): ``progress(stage, fraction)`` reports
    "read", "compose", "layout", "write" and "done"; ``cancelled()`` is polled between stages
    and stops with ``Cancelled`` (``RenderCancelledError``), leaving ``out`` as it was.
    """

    def stage(name: str) -> None:
        if cancelled():
            raise RenderCancelledError()
        progress(name, _STAGES[name])

    target = resolve_output(Path(out), protected=journal.files)
    # Opened before the journal is read, so a folder that refuses new files fails at once.
    with atomic_output(target) as stream:
        stage("read")
        prepared = prepare_portfolio(
            journal, projects=projects, theme=theme, paper=paper, redact=redact, stage=stage
        )
        rendered = write_pdf(
            prepared.html,
            prepared.stylesheets,
            stream,
            attachments_dir=prepared.attachments_dir,
            stage=stage,
            cancelled=cancelled,
            refit=prepared.refit,
        )
    progress("done", _STAGES["done"])
    warnings = prepared.warnings
    if rendered.missing_glyphs:
        shown = "".join(rendered.missing_glyphs[:10])
        warnings += (
            f"no installed font can show {len(rendered.missing_glyphs)} character(s) "
            f"({shown}); they print as boxes. For Chinese, Japanese or Korean text install "
            "a CJK font such as Noto Sans CJK (Debian/Ubuntu: fonts-noto-cjk)",
        )
    return PortfolioResult(Path(out), rendered.pages, warnings)
