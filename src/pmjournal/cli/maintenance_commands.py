"""Keeping data safe: ``backup``, ``restore`` and ``check``."""

from __future__ import annotations

import shlex
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


def restore_advice(data_dir: Path) -> str:
    """The exact command that puts the newest sound backup back, or why there is none."""
    from pmjournal.services.maintenance import latest_sound_backup

    latest = latest_sound_backup(data_dir)
    if latest is None:
        return f"no sound backup found in {data_dir / 'backups'}"
    folder = shlex.quote(str(data_dir))
    return (
        f"to go back to the newest sound backup run: pmjournal --data-dir {folder} restore "
        f"{shlex.quote(str(latest))} (or: pmjournal --data-dir {folder} restore --latest)"
    )


@data_dir_option
@click.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--latest", is_flag=True, help="Restore the newest sound backup of this journal.")
@click.pass_context
def restore(ctx: click.Context, path: Path | None, latest: bool) -> None:
    """Replace the journal with a backup; the current one is kept as a backup first."""
    from pmjournal.domain.errors import ValidationError
    from pmjournal.services.maintenance import latest_sound_backup
    from pmjournal.services.maintenance import restore as restore_journal

    data_dir = data_dir_of(ctx)
    if latest == (path is not None):
        raise ValidationError("give either a backup file or --latest", "path")
    if path is None:
        path = latest_sound_backup(data_dir)
        if path is None:
            raise ValidationError(f"no sound backup found in {data_dir / 'backups'}", "latest")
    kept = restore_journal(data_dir, path)
    click.echo(f"Restored {path}")
    if kept:
        click.echo(f"The journal it replaced is kept at {kept}")


@data_dir_option
@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check integrity, schema and search index.

    A damaged journal is answered with the exact ``restore`` command for its newest sound
    backup, since that is what the user has to do next.
    """
    from pmjournal.services.journal import NotAJournalError
    from pmjournal.services.maintenance import check_database

    data_dir = data_dir_of(ctx)
    try:
        with opened_journal(ctx) as journal:
            report = check_database(journal.path, frozen=journal.read_only)
    except NotAJournalError as error:
        raise NotAJournalError(f"{error}; {restore_advice(data_dir)}") from None
    counts = ", ".join(f"{n} {table}" for table, n in report.counts.items())
    if report.ok:
        click.echo(f"OK: schema {report.revision}; {counts}")
        return
    for problem in report.problems:
        click.echo(f"problem: {problem}", err=True)
    if any(not problem.startswith("search index") for problem in report.problems):
        click.echo(restore_advice(data_dir), err=True)
    ctx.exit(1)
