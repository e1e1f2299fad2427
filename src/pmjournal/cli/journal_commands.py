"""Everyday commands: ``profile``, ``add`` and ``search``."""

from __future__ import annotations

import json

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.domain.dates import parse_date
from pmjournal.domain.vocab import EntryKind


@data_dir_option
@click.command()
@click.option("--name", help="Your name, as on the cover.")
@click.option("--headline", help="One line: who you are and what you are after.")
@click.option("--email", help="Contact email.")
@click.option("--phone", help="Contact phone.")
@click.option("--location", help="City or region.")
@click.option("--link", "links", multiple=True, help="A web link (repeat for several).")
@click.pass_context
def profile(ctx: click.Context, links: tuple[str, ...], **fields: str | None) -> None:
    """Show or set who the outputs are about."""
    from pmjournal.services.records.profile import get_profile, update_profile

    changes: dict[str, object] = {k: v for k, v in fields.items() if v is not None}
    if links:
        changes["links"] = links
    with opened_journal(ctx) as journal:
        record = update_profile(journal, **changes).value if changes else get_profile(journal)
    if record.is_empty:
        click.echo("No profile yet. Set one with: pmjournal profile --name NAME --headline TEXT")
        return
    for label, value in (
        ("Name", record.name),
        ("Headline", record.headline),
        ("Email", record.email),
        ("Phone", record.phone),
        ("Location", record.location),
    ):
        if value:
            click.echo(f"{label + ':':10} {value}")
    for link in record.links:
        click.echo(f"{'Link:':10} {link}")


@data_dir_option
@click.command()
@click.option("--text", required=True, help="What you did, in Markdown.")
@click.option("--date", "day", help="YYYY-MM-DD (default today).")
@click.option("--title", default="", help="A short title.")
@click.option("--project", "projects", multiple=True, help="Link to a project (repeatable).")
@click.option("--skill", "skills", multiple=True, help="A skill you practised (repeatable).")
@click.option("--tag", "tags", multiple=True, help="A free-form tag (repeatable).")
@click.option("--weekly", is_flag=True, help="This is a weekly entry.")
@click.pass_context
def add(
    ctx: click.Context,
    text: str,
    day: str | None,
    title: str,
    projects: tuple[str, ...],
    skills: tuple[str, ...],
    tags: tuple[str, ...],
    weekly: bool,
) -> None:
    """Write a quick entry."""
    from pmjournal.services.records.entries import EntryDraft, add_entry, validate_draft

    draft = EntryDraft(
        text=text,
        day=None if day is None else parse_date(day),
        kind=EntryKind.WEEKLY if weekly else EntryKind.DAILY,
        title=title,
        projects=projects,
        skills=skills,
        tags=tags,
    )
    validate_draft(draft)
    with opened_journal(ctx) as journal:
        record = add_entry(journal, draft).value
    links = ", ".join((*record.projects, *record.skills))
    click.echo(f"Saved entry #{record.id} for {record.date}" + (f" ({links})" if links else ""))


@data_dir_option
@click.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search across entries, projects and feedback."""
    from pmjournal.services.search import search_journal

    with opened_journal(ctx) as journal:
        hits = search_journal(journal, query, limit)
    if as_json:
        rows = [
            {
                "kind": hit.kind,
                "id": hit.id,
                "date": hit.day.isoformat() if hit.day else None,
                "title": hit.title,
                "snippet": hit.highlighted("<mark>", "</mark>"),
            }
            for hit in hits
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"Nothing matches {query!r}.")
        return
    bold_on, bold_off = "\x1b[1m", "\x1b[22m"
    for hit in hits:
        day = hit.day.isoformat() if hit.day else " " * 10
        label = f"{hit.kind} #{hit.id}"
        heading = f"  {hit.title}" if hit.title else ""
        click.echo(f"{day}  {label:<14}{heading}")
        snippet = " ".join(hit.highlighted(bold_on, bold_off).split())
        click.echo(f"            {snippet}")
