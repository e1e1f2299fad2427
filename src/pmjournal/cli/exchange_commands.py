"""Moving a journal in and out: ``export`` and ``import``.

Targets and input files are checked before the journal is opened, so bad input exits 2 having
created and written nothing.
"""

from __future__ import annotations

from pathlib import Path

import click

from pmjournal.cli.context import data_dir_of, data_dir_option, opened_journal


@data_dir_option
@click.command("export")
@click.option(
    "--format",
    "kind",
    type=click.Choice(["json", "markdown"]),
    required=True,
    help="json: one file, a lossless backup; markdown: a readable copy, nothing confidential.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The JSON file (replaced if it exists), or a new or empty folder for Markdown.",
)
@click.pass_context
def export_command(ctx: click.Context, kind: str, out: Path) -> None:
    """Write the whole journal as a JSON document or a folder of Markdown files."""
    if kind == "json":
        from pmjournal.services.exchange.json_exchange import (
            ImportSummary,
            build_document,
            write_document,
        )
        from pmjournal.services.journal import journal_files
        from pmjournal.services.output_files import resolve_output

        protected = journal_files(data_dir_of(ctx))
        resolve_output(out, protected=protected)
        with opened_journal(ctx) as journal:
            document = build_document(journal)
        write_document(document, out, protected=protected)
        click.echo(f"Exported {ImportSummary.of(document).line()} to {out}")
        return
    from pmjournal.services.exchange.markdown_export import check_export_folder, export_markdown

    check_export_folder(out)
    with opened_journal(ctx) as journal:
        written = export_markdown(journal, out)
    click.echo(f"Wrote {written} Markdown files to {out}")


@data_dir_option
@click.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def import_command(ctx: click.Context, path: Path) -> None:
    """Import a JSON export into an empty journal; all or nothing."""
    from pmjournal.services.exchange.json_exchange import import_document, load_document

    document = load_document(path)
    with opened_journal(ctx) as journal:
        summary = import_document(journal, document).value
    click.echo(f"Imported {summary.line()} from {path} into {data_dir_of(ctx)}")
