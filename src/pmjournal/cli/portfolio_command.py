"""``pmjournal portfolio``: the PDF a hiring manager reads.

Choices are checked before the journal is opened, so a typo in ``--theme`` costs nothing and
writes nothing; the service's ``ValidationError`` becomes exit code 2 with one line on stderr.
Warnings about thin projects go to stderr but the PDF is still written (exit 0).

``--progress`` is for the desktop app, which builds the PDF in this command as a child process
(WeasyPrint holds the GIL for seconds, which would freeze its window): each stage is printed on
stdout as ``progress STAGE FRACTION``, and a killed build leaves only a partial file that
``output_files.remove_partials`` clears.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pmjournal.cli.context import data_dir_option, opened_journal


@data_dir_option
@click.command()
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF, e.g. portfolio.pdf.",
)
@click.option(
    "--project",
    "projects",
    multiple=True,
    metavar="NAME",
    help="A project to include (repeatable; default: every non-confidential one with content).",
)
@click.option(
    "--theme", default="classic", show_default=True, metavar="NAME", help="classic or modern."
)
@click.option("--paper", default="a4", show_default=True, metavar="SIZE", help="a4 or letter.")
@click.option(
    "--redact",
    is_flag=True,
    help="Replace company and people's names with placeholders ('Company A', 'my mentor').",
)
@click.option("--progress", "show_progress", is_flag=True, hidden=True)
@click.pass_context
def portfolio(
    ctx: click.Context,
    out: Path,
    projects: tuple[str, ...],
    theme: str,
    paper: str,
    redact: bool,
    show_progress: bool,
) -> None:
    """Write a portfolio PDF of case studies from your journal."""
    from pmjournal.domain.progress import no_progress
    from pmjournal.services.portfolio.build import build_portfolio, check_choices

    theme, paper = theme.strip().lower(), paper.strip().lower()
    check_choices(theme, paper)
    with opened_journal(ctx) as journal:
        result = build_portfolio(
            journal,
            out,
            projects=projects,
            theme=theme,
            paper=paper,
            redact=redact,
            progress=_print_progress if show_progress else no_progress,
        )
    for warning in result.warnings:
        click.echo(f"pmjournal: warning: {warning}", err=True)
    click.echo(f"Wrote {result.path} ({result.pages} pages)")


def _print_progress(stage: str, fraction: float) -> None:
    click.echo(f"progress {stage} {fraction:.2f}")
    sys.stdout.flush()
