"""``pmjournal portfolio``: the PDF a hiring manager reads.

Choices are checked before the journal is opened, so a typo in ``--theme`` costs nothing and
writes nothing; the service's ``ValidationError`` becomes exit code 2 with one line on stderr.
Warnings about thin projects go to stderr but the PDF is still written (exit 0).
"""

from __future__ import annotations

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
@click.pass_context
def portfolio(
    ctx: click.Context,
    out: Path,
    projects: tuple[str, ...],
    theme: str,
    paper: str,
    redact: bool,
) -> None:
    """Write a portfolio PDF of case studies from your journal."""
    from pmjournal.services.portfolio.build import build_portfolio, check_choices

    theme, paper = theme.strip().lower(), paper.strip().lower()
    check_choices(theme, paper)
    with opened_journal(ctx) as journal:
        result = build_portfolio(
            journal, out, projects=projects, theme=theme, paper=paper, redact=redact
        )
    for warning in result.warnings:
        click.echo(f"pmjournal: warning: {warning}", err=True)
    click.echo(f"Wrote {result.path} ({result.pages} pages)")
