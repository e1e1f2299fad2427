"""``pmjournal attach``: copy an image or PDF into the journal and link it."""

from __future__ import annotations

from pathlib import Path

import click

from pmjournal.cli.context import data_dir_option, opened_journal


@data_dir_option
@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--entry", "entry_id", type=int, help="The id of the entry to attach it to.")
@click.option("--project", help="The name of the project to attach it to.")
@click.pass_context
def attach(ctx: click.Context, file: Path, entry_id: int | None, project: str | None) -> None:
    """Attach an image (PNG, JPEG, GIF, WebP) or a PDF, up to 20 MB, to an entry or a project.

    The file is copied into the journal's attachments/ folder under its content hash; the
    same file attached twice is kept once. Show an image in an entry's Markdown with
    ![caption](attachments/NAME), NAME as printed here.

    \b
    Example:
      pmjournal attach funnel.png --entry 12
      pmjournal attach spec.pdf --project "Onboarding checklist"
    """
    from pmjournal.domain.errors import ValidationError
    from pmjournal.services.records.attachments import attach_file

    if (entry_id is None) == (project is None):
        raise ValidationError("give exactly one of --entry ID or --project NAME", "target")
    with opened_journal(ctx) as journal:
        record = attach_file(journal, file, entry_id=entry_id, project=project).value
    where = f"entry #{entry_id}" if entry_id is not None else repr(project)
    click.echo(
        f"Attached {record.filename!r} ({record.media_type}, {record.size} bytes) to {where} "
        f"as attachments/{record.stored_name}"
    )
