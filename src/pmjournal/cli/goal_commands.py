"""``pmjournal goal``: what you want from the internship, and check-ins on the way."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.cli.output import (
    echo_fields,
    echo_json,
    echo_page_footer,
    one_line,
    parse_optional_date,
)
from pmjournal.cli.record_output import delete_with_choice, detach_option
from pmjournal.domain.goals import (
    CheckinDraft,
    GoalDraft,
    GoalRecord,
    validate_checkin,
    validate_goal,
)
from pmjournal.domain.vocab import GoalStatus

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

INTERNSHIP_HELP = 'Its internship: "Title at Organisation", "Organisation" or "#ID".'

STATUSES = click.Choice([s.value for s in GoalStatus])


@click.group()
def goal() -> None:
    """Goals: something you want from the internship, with a target date, status and check-ins.

    \b
    Example:
      pmjournal goal add --title "Ship a feature end to end" --target-date 2026-08-15
      pmjournal goal checkin 1 --note "Spec agreed" --progress 40
      pmjournal goal list --status open
    """


def _echo(record: GoalRecord) -> None:
    echo_fields(
        [
            ("Goal", f"#{record.id} {record.title}"),
            ("Status", record.status),
            ("Target", record.target_date),
            ("Internship", record.internship),
            ("Progress", f"{record.progress}%" if record.progress is not None else ""),
            ("About", record.description),
        ]
    )
    for checkin in record.checkins:
        measured = f" {checkin.progress}%" if checkin.progress is not None else ""
        click.echo(f"  check-in #{checkin.id} {checkin.date}{measured} {checkin.note}".rstrip())


def _get(ctx: click.Context, goal_id: int) -> GoalRecord:
    from pmjournal.domain.errors import ValidationError
    from pmjournal.services.records.goals import get_goal

    with opened_journal(ctx) as journal:
        record = get_goal(journal, goal_id)
    if record is None:
        raise ValidationError(f"no goal with id {goal_id}", "goal")
    return record


def _internship_id(journal: Journal, reference: str | None) -> int | None:
    """The internship a user names the way ``project add`` accepts it; None for none."""
    from pmjournal.services.records.internships import find_internship

    return None if not reference else find_internship(journal, reference).id


@data_dir_option
@goal.command("add")
@click.option("--title", required=True, help="The goal, in a line.")
@click.option("--description", default="", help="Why it matters, how you will know.")
@click.option("--target-date", help="YYYY-MM-DD.")
@click.option("--status", type=STATUSES, default="open", show_default=True)
@click.option(
    "--internship", help='Its internship: "Title at Organisation", "Organisation" or "#ID".'
)
@click.pass_context
def add(
    ctx: click.Context,
    title: str,
    description: str,
    target_date: str | None,
    status: str,
    internship: str | None,
) -> None:
    """Add a goal.

    \b
    Example:
      pmjournal goal add --title "Present at the all-hands" --target-date 2026-08-01
    """
    from pmjournal.services.records.goals import add_goal

    draft = GoalDraft(
        title,
        description,
        parse_optional_date(target_date, "target_date"),
        GoalStatus(status),
    )
    validate_goal(draft)
    with opened_journal(ctx) as journal:
        draft = replace(draft, internship=_internship_id(journal, internship))
        record = add_goal(journal, draft).value
    click.echo(f"Saved goal #{record.id}: {record.title}")


@data_dir_option
@goal.command("edit")
@click.argument("goal_id", metavar="ID", type=int)
@click.option("--title")
@click.option("--description")
@click.option("--target-date", help="YYYY-MM-DD; an empty string removes it.")
@click.option("--status", type=STATUSES)
@click.option(
    "--internship", help='Its internship: "Title at Organisation", "Organisation" or "#ID".'
)
@click.pass_context
def edit(
    ctx: click.Context,
    goal_id: int,
    title: str | None,
    description: str | None,
    target_date: str | None,
    status: str | None,
    internship: str | None,
) -> None:
    """Change a goal; what you leave out stays as it was.

    \b
    Example:
      pmjournal goal edit 1 --status achieved
    """
    from pmjournal.services.records.goals import update_goal

    current = _get(ctx, goal_id)
    draft = GoalDraft(
        title=current.title if title is None else title,
        description=current.description if description is None else description,
        target_date=current.target_date
        if target_date is None
        else parse_optional_date(target_date, "target_date"),
        status=GoalStatus(status or current.status),
        internship=current.internship_id,
    )
    validate_goal(draft)
    with opened_journal(ctx) as journal:
        if internship is not None:
            draft = replace(draft, internship=_internship_id(journal, internship))
        record = update_goal(journal, goal_id, draft).value
    click.echo(f"Updated goal #{record.id}: {record.title} ({record.status})")


@data_dir_option
@goal.command("list")
@click.option("--status", type=STATUSES)
@click.option("--internship", help="Only goals of this internship (as for add).")
@click.option("--text", help="Words in the title or description.")
@click.option("--due-by", help="Only goals due by YYYY-MM-DD.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
@click.pass_context
def list_command(
    ctx: click.Context,
    status: str | None,
    internship: str | None,
    text: str | None,
    due_by: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List goals by target date.

    \b
    Example:
      pmjournal goal list --due-by 2026-08-31 --json
    """
    from pmjournal.services.records.goals import list_goals

    due = parse_optional_date(due_by, "due_by")
    with opened_journal(ctx) as journal:
        page = list_goals(
            journal,
            status=status,
            internship=_internship_id(journal, internship),
            text=text,
            due_by=due,
            limit=limit,
            offset=offset,
        )
    if as_json:
        echo_json(page)
        return
    for record in page.items:
        target = str(record.target_date or "")
        progress = f"{record.progress}%" if record.progress is not None else ""
        click.echo(
            f"#{record.id:<4} {target:10}  {record.status:<11} {progress:>4}  "
            f"{one_line(record.title, 50)}"
        )
    echo_page_footer(page, offset, "goals")


@data_dir_option
@goal.command("show")
@click.argument("goal_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, goal_id: int, as_json: bool) -> None:
    """Show a goal and its check-ins.

    \b
    Example:
      pmjournal goal show 1
    """
    record = _get(ctx, goal_id)
    if as_json:
        echo_json(record)
    else:
        _echo(record)


@data_dir_option
@goal.command("remove")
@click.argument("goal_id", metavar="ID", type=int)
@detach_option("delete its check-ins with it", "--with-checkins")
@click.pass_context
def remove(ctx: click.Context, goal_id: int, detach: bool) -> None:
    """Delete a goal; one with check-ins is refused unless --detach (they go with it).

    Marking the goal dropped keeps its check-ins instead.

    \b
    Example:
      pmjournal goal remove 1 --detach
    """
    from pmjournal.services.records.goals import delete_goal

    with opened_journal(ctx) as journal:
        delete_with_choice(
            lambda choice: delete_goal(journal, goal_id, choice=choice),
            detach,
            "delete them with it, or mark the goal dropped",
        )
    click.echo(f"Deleted goal #{goal_id}")


@data_dir_option
@goal.command("checkin")
@click.argument("goal_id", metavar="ID", type=int)
@click.option("--note", default="", help="Where you are.")
@click.option("--progress", type=int, help="Percent done, 0 to 100.")
@click.option("--date", "day", help="YYYY-MM-DD (default today).")
@click.pass_context
def checkin(
    ctx: click.Context, goal_id: int, note: str, progress: int | None, day: str | None
) -> None:
    """Record progress on a goal.

    \b
    Example:
      pmjournal goal checkin 1 --note "Flow shipped" --progress 100 --date 2026-07-01
    """
    from pmjournal.services.records.goals import add_checkin

    draft = CheckinDraft(note, parse_optional_date(day, "date"), progress)
    validate_checkin(draft)
    with opened_journal(ctx) as journal:
        record = add_checkin(journal, goal_id, draft).value
    progress_text = f", {record.progress}% done" if record.progress is not None else ""
    click.echo(f"Checked in on goal #{record.id}{progress_text}")
