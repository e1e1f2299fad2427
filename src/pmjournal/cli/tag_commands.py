"""``pmjournal tag``: the free-form labels on entries."""

from __future__ import annotations

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.cli.output import echo_fields, echo_json, echo_page_footer
from pmjournal.cli.record_output import delete_with_choice, detach_option
from pmjournal.domain.names import clean_tag


@click.group()
def tag() -> None:
    """Tags: free-form labels on entries (``pmjournal add --tag``); renames keep every label.

    \b
    Example:
      pmjournal tag list
      pmjournal tag rename ux design
      pmjournal tag remove draft --detach
    """


@data_dir_option
@tag.command("add")
@click.argument("name")
@click.pass_context
def add(ctx: click.Context, name: str) -> None:
    """Add a tag before any entry carries it.

    \b
    Example:
      pmjournal tag add discovery
    """
    from pmjournal.services.records.tags import add_tag

    clean_tag(name, "name")
    with opened_journal(ctx) as journal:
        record = add_tag(journal, name).value
    click.echo(f"Saved tag {record.name!r}")


def _rename(ctx: click.Context, name: str, new_name: str) -> None:
    from pmjournal.services.records.tags import rename_tag

    clean_tag(new_name, "name")
    with opened_journal(ctx) as journal:
        record = rename_tag(journal, name, new_name).value
    click.echo(f"Renamed tag to {record.name!r} on {record.entry_count} entries")


@data_dir_option
@tag.command("rename")
@click.argument("name")
@click.argument("new_name")
@click.pass_context
def rename(ctx: click.Context, name: str, new_name: str) -> None:
    """Rename a tag on every entry; to join two tags use ``tag merge``.

    \b
    Example:
      pmjournal tag rename ux user-experience
    """
    _rename(ctx, name, new_name)


@data_dir_option
@tag.command("edit")
@click.argument("name")
@click.option("--name", "new_name", required=True, help="The new name.")
@click.pass_context
def edit(ctx: click.Context, name: str, new_name: str) -> None:
    """Rename a tag (as ``tag rename``).

    \b
    Example:
      pmjournal tag edit ux --name user-experience
    """
    _rename(ctx, name, new_name)


@data_dir_option
@tag.command("merge")
@click.argument("source")
@click.argument("into")
@click.pass_context
def merge(ctx: click.Context, source: str, into: str) -> None:
    """Merge SOURCE into INTO: every entry tagged SOURCE gets INTO; SOURCE is deleted.

    \b
    Example:
      pmjournal tag merge ux design
    """
    from pmjournal.services.records.tags import merge_tags

    with opened_journal(ctx) as journal:
        record = merge_tags(journal, source, into).value
    click.echo(f"Merged into {record.name!r}, now on {record.entry_count} entries")


@data_dir_option
@tag.command("list")
@click.option("--text", help="Part of the name.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
@click.pass_context
def list_command(
    ctx: click.Context, text: str | None, limit: int, offset: int, as_json: bool
) -> None:
    """List tags with how many entries carry each.

    \b
    Example:
      pmjournal tag list --json
    """
    from pmjournal.services.records.tags import list_tags

    with opened_journal(ctx) as journal:
        page = list_tags(journal, text=text, limit=limit, offset=offset)
    if as_json:
        echo_json(page)
        return
    for record in page.items:
        click.echo(f"{record.name:<32} {record.entry_count:>4} entries")
    echo_page_footer(page, offset, "tags")


@data_dir_option
@tag.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show a tag.

    \b
    Example:
      pmjournal tag show discovery
    """
    from pmjournal.services.records.tags import get_tag

    with opened_journal(ctx) as journal:
        record = get_tag(journal, name)
    if as_json:
        echo_json(record)
    else:
        echo_fields([("Tag", record.name), ("Entries", str(record.entry_count))])


@data_dir_option
@tag.command("remove")
@click.argument("name")
@detach_option("take it off the entries that carry it (they stay)", "--untag")
@click.pass_context
def remove(ctx: click.Context, name: str, detach: bool) -> None:
    """Delete a tag; one on entries is refused unless --detach (the entries stay, untagged).

    \b
    Example:
      pmjournal tag remove draft --detach
    """
    from pmjournal.services.records.tags import delete_tag

    with opened_journal(ctx) as journal:
        outcome = delete_with_choice(
            lambda choice: delete_tag(journal, name, choice=choice),
            detach,
            "take it off them, or merge it into another tag",
        )
    untagged = len(outcome.changes.updated)
    click.echo(f"Deleted tag {name.strip()!r}" + (f" from {untagged} entries" if untagged else ""))
