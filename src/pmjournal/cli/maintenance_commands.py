"""Keeping data safe: ``backup``, ``restore`` and ``check``."""

from __future__ import annotations

from pathlib import Path

import click

from pmjournal.cli.context import data_dir_of, data_dir_option, opened_journal


@data_dir_option
@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="File or folder for the copy (default: the backups folder of the journal).",
)
@click.pass_context
def backup(ctx: click.Context, out: Path | None) -> None:
    """Write a consistent copy of the database."""
    from pmjournal.domain.errors import ValidationError
    from pmjournal.services.maintenance import backup_now

    if out is not None and not out.is_dir() and not out.parent.is_dir():
        raise ValidationError(f"{out.parent}: no such folder", "out")
    with opened_journal(ctx) as journal:
        written = backup_now(journal, out)
    click.echo(f"Backed up to {written}")


@data_dir_option
@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def restore(ctx: click.Context, path: Path) -> None:
    """Replace the journal with a backup; the current one is kept as a backup first."""
    from pmjournal.services.maintenance import restore as restore_journal

    kept = restore_journal(data_dir_of(ctx), path)
    click.echo(f"Restored {path}")
    if kept:
        click.echo(f"The journal it replaced is kept at {kept}")


@data_dir_option
@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check integrity, schema and search index."""
    from pmjournal.services.maintenance import check_database

    with opened_journal(ctx) as journal:
        report = check_database(journal.path)
    counts = ", ".join(f"{n} {table}" for table, n in report.counts.items())
    if report.ok:
        click.echo(f"OK: schema {report.revision}; {counts}")
        return
    for problem in report.problems:
        click.echo(f"problem: {problem}", err=True)
    ctx.exit(1)
