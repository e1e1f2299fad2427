"""``pmjournal person add|edit|list|show|remove``: the network an internship builds.

A person is named by their name (unique, any case) or "#ID".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.cli.record_output import (
    delete_with_choice,
    detach_option,
    echo_fields,
    echo_json,
    echo_page,
    given,
    limit_options,
    plain,
)
from pmjournal.domain.people import PersonDraft, PersonRecord
from pmjournal.domain.vocab import Relationship

_RELATIONSHIPS = [r.value for r in Relationship]


def _person_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The fields ``add`` and ``edit`` share; in ``edit`` a left-out option keeps its value."""
    decorators = [
        click.option("--title", help='Their role, e.g. "Staff PM".'),
        click.option("--organisation", help="Where they work."),
        click.option(
            "--relationship",
            type=click.Choice(_RELATIONSHIPS, case_sensitive=False),
            help="Who they are to you (default peer).",
        ),
        click.option("--email", help="Their email address."),
        click.option("--notes", help="Anything to remember about them."),
        click.option(
            "--confidential/--public",
            default=None,
            help="A confidential person's name and feedback stay out of every output.",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _json(record: PersonRecord) -> dict[str, Any]:
    return plain(record)


def _line(record: PersonRecord) -> str:
    secret = " (confidential)" if record.confidential else ""
    where = ", ".join(part for part in (record.title, record.organisation) if part)
    feedback = f"{record.feedback_count} feedback"
    return f"{record.name + secret:<30} {record.relationship.value:<12} {where:<36} {feedback}"


def _show(record: PersonRecord) -> None:
    echo_fields(
        [
            ("Person", f"{record.name} (#{record.id})"),
            ("Relationship", record.relationship.value),
            ("Title", record.title),
            ("Organisation", record.organisation),
            ("Email", record.email),
            ("Confidential", "yes" if record.confidential else ""),
            ("Feedback", record.feedback_count),
            ("Notes", record.notes),
        ]
    )


@click.group()
def person() -> None:
    """People: mentors, managers, peers and contacts.

    A person is named by their name (unique, any case) or "#ID".

    \b
    Example:
        pmjournal person add "Maya Chen" --relationship mentor --title "Staff PM" \\
            --organisation Acme
        pmjournal person list --relationship mentor
    """


@data_dir_option
@person.command("add")
@click.argument("name")
@_person_options
@click.pass_context
def add_command(ctx: click.Context, name: str, **options: Any) -> None:
    """Add person NAME.

    \b
    Example:
        pmjournal person add "Sam Lee" --relationship peer --email sam@example.com
    """
    from pmjournal.domain.people import validate_person
    from pmjournal.services.records.people import add_person

    draft = PersonDraft(name=name, **given(**options))
    validate_person(draft)
    with opened_journal(ctx) as journal:
        record = add_person(journal, draft).value
    click.echo(f"Added person #{record.id}: {record.name} ({record.relationship.value})")


@data_dir_option
@person.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name.")
@_person_options
@click.pass_context
def edit_command(ctx: click.Context, name: str, new_name: str | None, **options: Any) -> None:
    """Change the given fields of person NAME.

    Left-out fields stay as they are; "" clears a text.

    \b
    Example:
        pmjournal person edit "Maya Chen" --title "Group PM"
    """
    from pmjournal.services.records.people import find_person, update_person

    changes = given(name=new_name, **options)
    with opened_journal(ctx) as journal:
        current = find_person(journal, name)
        record = update_person(journal, current.id, replace(PersonDraft.of(current), **changes))
    click.echo(f"Updated person #{record.value.id}: {record.value.name}")


@data_dir_option
@person.command("list")
@click.option(
    "--relationship",
    type=click.Choice(_RELATIONSHIPS, case_sensitive=False),
    help="Only people of this relationship.",
)
@click.option("--organisation", help="Only people at this organisation.")
@click.option("--project", help="Only people who gave feedback on this project.")
@click.option(
    "--text", help="Only people whose name, title, organisation, email or notes has this."
)
@limit_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON: total, offset and items.")
@click.pass_context
def list_command(
    ctx: click.Context, limit: int, offset: int, as_json: bool, **filters: str | None
) -> None:
    """List people by name, with how much feedback each gave.

    \b
    Example:
        pmjournal person list --project "Onboarding checklist"
    """
    from pmjournal.services.records.people import list_people

    with opened_journal(ctx) as journal:
        page = list_people(journal, limit=limit, offset=offset, **filters)
    filtered = any(v is not None for v in filters.values())
    echo_page(
        page,
        as_json=as_json,
        to_json=_json,
        line=_line,
        noun="people",
        empty="No people match."
        if filtered
        else "No people yet. Add someone with: pmjournal person add NAME",
    )


@data_dir_option
@person.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
def show_command(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show person NAME.

    \b
    Example:
        pmjournal person show "Maya Chen"
    """
    from pmjournal.services.records.people import find_person

    with opened_journal(ctx) as journal:
        record = find_person(journal, name)
    if as_json:
        echo_json(_json(record))
    else:
        _show(record)


@data_dir_option
@person.command("remove")
@click.argument("name")
@detach_option(
    "keep the feedback they gave, without a person (its relationship stays)", "--keep-feedback"
)
@click.pass_context
def remove_command(ctx: click.Context, name: str, detach: bool) -> None:
    """Remove person NAME.

    If they gave feedback, this is refused and says how much, unless --detach: the
    feedback is then kept, without a person. Nothing is deleted silently.

    \b
    Example:
        pmjournal person remove "Sam Lee" --detach
    """
    from pmjournal.services.records.people import (
        delete_person,
        find_person,
        person_delete_impact,
    )

    with opened_journal(ctx) as journal:
        record = find_person(journal, name)
        impact = person_delete_impact(journal, record.id)
        delete_with_choice(
            lambda choice: delete_person(journal, record.id, choice=choice),
            detach,
            "keep it without a person",
        )
    done = f"; {impact.done()}" if impact.linked else ""
    click.echo(f"Removed person #{record.id}: {record.name}{done}")
