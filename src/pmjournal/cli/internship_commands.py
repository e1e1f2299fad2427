"""``pmjournal internship add|edit|list|show|remove``: the roles the journal is about.

An internship is named "Title at Organisation", or "Organisation" alone while you have one
internship there, or "#ID"; case does not matter.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.cli.record_output import (
    counted,
    date_or_none,
    delete_with_choice,
    detach_option,
    echo_fields,
    echo_json,
    echo_page,
    given,
    limit_options,
    plain,
    span,
)
from pmjournal.domain.internships import InternshipDraft, InternshipRecord


def _json(record: InternshipRecord) -> dict[str, Any]:
    return {**plain(record), "label": record.label}


def _line(record: InternshipRecord) -> str:
    dates = span(record.start_date, record.end_date)
    counts = (
        f"{counted(record.project_count, 'project', 'projects')}, "
        f"{counted(record.goal_count, 'goal', 'goals')}"
    )
    return f"#{record.id:<4} {record.label:<40} {dates:<25} {counts}"


def _show(record: InternshipRecord) -> None:
    echo_fields(
        [
            ("Internship", f"{record.label} (#{record.id})"),
            ("Team", record.team),
            ("Location", record.location),
            ("Dates", span(record.start_date, record.end_date)),
            ("Projects", record.project_count),
            ("Goals", record.goal_count),
            ("Description", record.description),
        ]
    )


@click.group()
def internship() -> None:
    """Internships: a role at an organisation, with dates.

    \b
    Name an internship "Title at Organisation" ("Product intern at Acme"), or
    "Organisation" alone while you have one internship there, or "#ID".

    \b
    Example:
        pmjournal internship add --organisation Acme --title "Product intern" \\
            --start 2026-06-01 --end 2026-08-28 --team Growth
        pmjournal internship list
    """


def _fields(team: str | None, location: str | None, description: str | None) -> dict[str, Any]:
    return given(team=team, location=location, description=description)


@data_dir_option
@internship.command("add")
@click.option("--organisation", required=True, help="The company or organisation.")
@click.option("--title", required=True, help='Your role, e.g. "Product intern".')
@click.option("--start", required=True, help="First day, YYYY-MM-DD.")
@click.option("--end", help="Last day, YYYY-MM-DD (leave out while it runs).")
@click.option("--team", help="Team or department.")
@click.option("--location", help="City, or remote.")
@click.option("--description", help="A few words on the role.")
@click.pass_context
def add_command(
    ctx: click.Context,
    organisation: str,
    title: str,
    start: str,
    end: str | None,
    team: str | None,
    location: str | None,
    description: str | None,
) -> None:
    """Add an internship.

    \b
    Example:
        pmjournal internship add --organisation Acme --title "Product intern" --start 2026-06-01
    """
    from pmjournal.domain.internships import validate_internship
    from pmjournal.services.records.internships import add_internship

    draft = InternshipDraft(
        organisation=organisation,
        title=title,
        start_date=date_or_none(start, "start"),
        end_date=date_or_none(end, "end"),
        **_fields(team, location, description),
    )
    validate_internship(draft)
    with opened_journal(ctx) as journal:
        record = add_internship(journal, draft).value
    click.echo(f"Added internship #{record.id}: {record.label}")


@data_dir_option
@internship.command("edit")
@click.argument("name")
@click.option("--organisation", help="New organisation.")
@click.option("--title", help="New title.")
@click.option("--start", help="New first day, YYYY-MM-DD.")
@click.option("--end", help='New last day, YYYY-MM-DD ("" clears it).')
@click.option("--team", help='Team ("" clears it).')
@click.option("--location", help='Location ("" clears it).')
@click.option("--description", help='Description ("" clears it).')
@click.pass_context
def edit_command(
    ctx: click.Context,
    name: str,
    organisation: str | None,
    title: str | None,
    start: str | None,
    end: str | None,
    team: str | None,
    location: str | None,
    description: str | None,
) -> None:
    """Change the given fields of internship NAME.

    Left-out fields stay as they are; "" clears an optional one.

    \b
    Example:
        pmjournal internship edit "Product intern at Acme" --end 2026-09-04
    """
    from pmjournal.services.records.internships import find_internship, update_internship

    changes = given(organisation=organisation, title=title, **_fields(team, location, description))
    if start is not None:
        changes["start_date"] = date_or_none(start, "start")
    if end is not None:
        changes["end_date"] = date_or_none(end, "end")
    with opened_journal(ctx) as journal:
        current = find_internship(journal, name)
        draft = replace(InternshipDraft.of(current), **changes)
        record = update_internship(journal, current.id, draft).value
    click.echo(f"Updated internship #{record.id}: {record.label}")


@data_dir_option
@internship.command("list")
@click.option(
    "--text", help="Only internships whose organisation, title, team or description has this."
)
@limit_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON: total, offset and items.")
@click.pass_context
def list_command(
    ctx: click.Context, text: str | None, limit: int, offset: int, as_json: bool
) -> None:
    """List internships, the newest first.

    \b
    Example:
        pmjournal internship list --json
    """
    from pmjournal.services.records.internships import list_internships

    with opened_journal(ctx) as journal:
        page = list_internships(journal, text=text, limit=limit, offset=offset)
    echo_page(
        page,
        as_json=as_json,
        to_json=_json,
        line=_line,
        noun="internships",
        empty="No internships"
        + (" match." if text else " yet. Add one with: pmjournal internship add"),
    )


@data_dir_option
@internship.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
def show_command(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show internship NAME.

    \b
    Example:
        pmjournal internship show Acme
    """
    from pmjournal.services.records.internships import find_internship

    with opened_journal(ctx) as journal:
        record = find_internship(journal, name)
    if as_json:
        echo_json(_json(record))
    else:
        _show(record)


@data_dir_option
@internship.command("remove")
@click.argument("name")
@detach_option("keep its projects and goals, without an internship", "--keep-projects")
@click.pass_context
def remove_command(ctx: click.Context, name: str, detach: bool) -> None:
    """Remove internship NAME.

    With projects or goals in it, this is refused and says how many, unless --detach
    (they are kept, without an internship). Nothing is deleted silently.

    \b
    Example:
        pmjournal internship remove "Product intern at Acme" --detach
    """
    from pmjournal.services.records.internships import (
        delete_internship,
        find_internship,
        internship_delete_impact,
    )

    with opened_journal(ctx) as journal:
        record = find_internship(journal, name)
        impact = internship_delete_impact(journal, record.id)
        delete_with_choice(
            lambda choice: delete_internship(journal, record.id, choice=choice),
            detach,
            "keep them without an internship",
        )
    done = f"; {impact.done()}" if impact.linked else ""
    click.echo(f"Removed internship #{record.id}: {record.label}{done}")
