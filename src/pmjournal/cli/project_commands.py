"""``pmjournal project add|edit|list|show|remove``: the units of a case study."""

from __future__ import annotations

from collections.abc import Callable
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
from pmjournal.domain.projects import CASE_STUDY_FIELDS, ProjectDraft, ProjectRecord
from pmjournal.domain.vocab import ProjectStatus

_CASE_STUDY_HELP = {
    "summary": "Two or three sentences: problem, your role, outcome.",
    "context": "The situation before you started.",
    "problem": "What needed solving, and for whom.",
    "role": "What you did yourself.",
    "approach": "How you went about it.",
    "tradeoff": 'A trade-off you made or an alternative you weighed, and why: "I chose X '
    'over Y because Z".',
    "outcome": "What happened; numbers go in metrics.",
    "expected_result": "For unshipped work: the result you expect.",
    "learnings": "What you would keep or change.",
}


# Where a field's name does not read as its label.
_LABELS = {"tradeoff": "Trade-off"}


def _project_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The fields ``add`` and ``edit`` share; in ``edit`` a left-out option keeps its value."""
    for name in reversed(CASE_STUDY_FIELDS):
        flag = "--" + name.replace("_", "-")
        command = click.option(flag, name, help=_CASE_STUDY_HELP[name])(command)
    decorators = [
        click.option(
            "--internship", help='Its internship: "Title at Organisation", "Organisation" or "#ID".'
        ),
        click.option(
            "--status",
            type=click.Choice([s.value for s in ProjectStatus], case_sensitive=False),
            help="Where it stands (default active).",
        ),
        click.option("--start", help="Start date, YYYY-MM-DD."),
        click.option("--end", help="End date, YYYY-MM-DD."),
        click.option(
            "--confidential/--public",
            default=None,
            help="Confidential projects stay out of every output.",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _changes(options: dict[str, Any]) -> dict[str, Any]:
    """Draft fields from the typed options: dates parsed, "" clearing an optional value."""
    changes = given(**{name: options[name] for name in CASE_STUDY_FIELDS})
    changes |= given(status=options["status"], confidential=options["confidential"])
    if options["internship"] is not None:
        changes["internship"] = options["internship"].strip() or None
    if options["start"] is not None:
        changes["start_date"] = date_or_none(options["start"], "start")
    if options["end"] is not None:
        changes["end_date"] = date_or_none(options["end"], "end")
    return changes


def _json(record: ProjectRecord) -> dict[str, Any]:
    return plain(record)


def _line(record: ProjectRecord) -> str:
    secret = " (confidential)" if record.confidential else ""
    where = record.internship or "no internship"
    counts = (
        f"{counted(record.entry_count, 'entry', 'entries')}, "
        f"{counted(record.metric_count, 'metric', 'metrics')}"
    )
    dates = span(record.start_date, record.end_date)
    return f"{record.name + secret:<36} {record.status.value:<9} {where:<30} {dates:<25} {counts}"


def _show(record: ProjectRecord) -> None:
    echo_fields(
        [
            ("Project", f"{record.name} (#{record.id})"),
            ("Internship", record.internship),
            ("Status", record.status.value),
            ("Dates", span(record.start_date, record.end_date)),
            ("Confidential", "yes" if record.confidential else ""),
            ("Entries", record.entry_count),
            ("Metrics", record.metric_count),
            ("Feedback", record.feedback_count),
            *(
                (_LABELS.get(name, name.replace("_", " ").capitalize()), getattr(record, name))
                for name in CASE_STUDY_FIELDS
            ),
        ]
    )


@click.group()
def project() -> None:
    """Projects: the work inside an internship, each a case study.

    A project is named by its name (unique, any case).

    \b
    Example:
        pmjournal project add "Onboarding checklist" --internship Acme --start 2026-06-03 \\
            --problem "New admins got stuck on SSO" --role "I ran 5 interviews" \\
            --tradeoff "I chose a checklist over a product tour: admins return to it"
        pmjournal project list --internship Acme
    """


@data_dir_option
@project.command("add")
@click.argument("name")
@_project_options
@click.pass_context
def add_command(ctx: click.Context, name: str, **options: Any) -> None:
    """Add project NAME.

    \b
    Example:
        pmjournal project add "Pricing page" --internship "Product intern at Acme" \\
            --tradeoff "I tested annual plans before any price change: easier to undo"
    """
    from pmjournal.domain.projects import validate_project
    from pmjournal.services.records.projects import add_project

    draft = ProjectDraft(name=name, **_changes(options))
    validate_project(draft)
    with opened_journal(ctx) as journal:
        record = add_project(journal, draft).value
    where = f" in {record.internship}" if record.internship else ""
    click.echo(f"Added project #{record.id}: {record.name}{where}")


@data_dir_option
@project.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name.")
@_project_options
@click.pass_context
def edit_command(ctx: click.Context, name: str, new_name: str | None, **options: Any) -> None:
    """Change the given fields of project NAME.

    Left-out fields stay as they are; "" clears a text or date.

    \b
    Example:
        pmjournal project edit "Onboarding checklist" --status shipped --end 2026-07-10
        pmjournal project edit "Onboarding checklist" \\
            --tradeoff "I left SSO setup out of the checklist to ship two weeks sooner"
    """
    from pmjournal.services.records.projects import find_project, update_project

    changes = _changes(options) | given(name=new_name)
    with opened_journal(ctx) as journal:
        current = find_project(journal, name)
        draft = replace(ProjectDraft.of(current), **changes)
        record = update_project(journal, current.id, draft).value
    click.echo(f"Updated project #{record.id}: {record.name}")


@data_dir_option
@project.command("list")
@click.option("--internship", help="Only projects of this internship.")
@click.option(
    "--status",
    type=click.Choice([s.value for s in ProjectStatus], case_sensitive=False),
    help="Only projects with this status.",
)
@click.option("--skill", help="Only projects where you practised this skill.")
@click.option("--tag", help="Only projects with an entry tagged so.")
@click.option("--person", help="Only projects this person gave feedback on.")
@click.option("--since", help="Only projects running on or after YYYY-MM-DD.")
@click.option("--until", help="Only projects running on or before YYYY-MM-DD.")
@click.option("--text", help="Only projects whose name or case study has this.")
@limit_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON: total, offset and items.")
@click.pass_context
def list_command(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    as_json: bool,
    **filters: str | None,
) -> None:
    """List projects, the newest first, with their entry and metric counts.

    \b
    Example:
        pmjournal project list --skill "User research" --since 2026-06-01 --json
    """
    from pmjournal.services.records.projects import list_projects

    with opened_journal(ctx) as journal:
        page = list_projects(
            journal,
            since=date_or_none(since, "since"),
            until=date_or_none(until, "until"),
            limit=limit,
            offset=offset,
            **filters,
        )
    filtered = any(v is not None for v in (since, until, *filters.values()))
    echo_page(
        page,
        as_json=as_json,
        to_json=_json,
        line=_line,
        noun="projects",
        empty="No projects match."
        if filtered
        else "No projects yet. Add one with: pmjournal project add NAME",
    )


@data_dir_option
@project.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
def show_command(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show project NAME with its case study.

    \b
    Example:
        pmjournal project show "Onboarding checklist"
    """
    from pmjournal.services.records.projects import find_project

    with opened_journal(ctx) as journal:
        record = find_project(journal, name)
    if as_json:
        echo_json(_json(record))
    else:
        _show(record)


@data_dir_option
@project.command("remove")
@click.argument("name")
@detach_option(
    "keep its entries and feedback, unlinked; its metrics, skill evidence and edited bullets "
    "are deleted with it",
    "--keep-entries",
)
@click.pass_context
def remove_command(ctx: click.Context, name: str, detach: bool) -> None:
    """Remove project NAME.

    If anything is linked to it, this is refused and says what, unless --detach:
    entries and feedback are then kept (unlinked), and its metrics, skill evidence and
    edited bullets are deleted with it. Nothing is deleted silently.

    \b
    Example:
        pmjournal project remove "Pricing page" --detach
    """
    from pmjournal.services.records.projects import (
        delete_project,
        find_project,
        project_delete_impact,
    )

    with opened_journal(ctx) as journal:
        record = find_project(journal, name)
        impact = project_delete_impact(journal, record.id)
        delete_with_choice(
            lambda choice: delete_project(journal, record.id, choice=choice),
            detach,
            "keep them unlinked",
        )
    done = f"; {impact.done()}" if impact.linked else ""
    click.echo(f"Removed project #{record.id}: {record.name}{done}")
