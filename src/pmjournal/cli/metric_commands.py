"""``pmjournal metric add|edit|list|show|remove``: measured results and their computed change.

A metric is named by its id (``metric list`` shows it): a project may measure the same thing
more than once. The change is computed, never typed, and printed as every output prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.cli.record_output import (
    date_or_none,
    echo_fields,
    echo_json,
    echo_page,
    given,
    limit_options,
    number_or_none,
    plain,
)
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metric_records import MetricDraft, MetricRecord
from pmjournal.domain.vocab import Direction


def _metric_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The fields ``add`` and ``edit`` share; in ``edit`` a left-out option keeps its value."""
    decorators = [
        click.option("--baseline", help="The value before, a plain number (42, 3.5, 1,200)."),
        click.option("--result", help="The value after, a plain number."),
        click.option("--unit", help='The unit of the result: %, s, users, "$"...'),
        click.option(
            "--baseline-unit",
            help="The baseline's unit when it differs (2 min before, 45 s after).",
        ),
        click.option(
            "--better",
            type=click.Choice([d.value for d in Direction], case_sensitive=False),
            help="Which way is an improvement (default higher).",
        ),
        click.option("--measured-on", help="When the result was measured, YYYY-MM-DD."),
        click.option("--entry", "entry", help="The id of the entry that evidences it."),
        click.option("--note", help="How it was measured, caveats."),
        click.option(
            "--confidential/--public",
            default=None,
            help="Confidential metrics stay out of every output.",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _entry_id(text: str) -> int | None:
    clean = text.strip().lstrip("#")
    if not clean:
        return None
    if not clean.isdigit():
        raise ValidationError(f"{text!r} is not an entry id (a number)", "entry")
    return int(clean)


def _changes(options: dict[str, Any]) -> dict[str, Any]:
    """Draft fields from the typed options: numbers and dates parsed, "" clearing a value."""
    changes = given(
        unit=options["unit"],
        better=options["better"],
        note=options["note"],
        confidential=options["confidential"],
    )
    for name in ("baseline", "result"):
        if options[name] is not None:
            changes[name] = number_or_none(options[name], name)
    if options["baseline_unit"] is not None:
        changes["baseline_unit"] = options["baseline_unit"].strip() or None
    if options["measured_on"] is not None:
        changes["measured_on"] = date_or_none(options["measured_on"], "measured-on")
    if options["entry"] is not None:
        changes["entry_id"] = _entry_id(options["entry"])
    return changes


def _json(record: MetricRecord) -> dict[str, Any]:
    return {**plain(record), "change_text": record.change_text, "delta_text": record.delta_text}


def _line(record: MetricRecord) -> str:
    secret = " (confidential)" if record.confidential else ""
    measured = str(record.measured_on) if record.measured_on else ""
    label = f"{record.project} · {record.name}{secret}"
    return f"#{record.id:<4} {label:<48} {record.change_text:<28} {measured}"


def _show(record: MetricRecord) -> None:
    echo_fields(
        [
            ("Metric", f"{record.name} (#{record.id})"),
            ("Project", record.project),
            ("Change", record.change_text),
            ("Better", record.better.value),
            ("Measured on", record.measured_on),
            ("Entry", f"#{record.entry_id}" if record.entry_id else ""),
            ("Confidential", "yes" if record.confidential else ""),
            ("Note", record.note),
        ]
    )


@click.group()
def metric() -> None:
    """Metrics: measured results of a project, with the change computed for you.

    \b
    Example:
        pmjournal metric add --project "Onboarding checklist" --name "Activation rate" \\
            --baseline 42 --result 31 --unit % --better lower --measured-on 2026-07-01
        pmjournal metric list --project "Onboarding checklist"
    """


@data_dir_option
@metric.command("add")
@click.option("--project", required=True, help="The project it measures.")
@click.option("--name", required=True, help='What was measured, e.g. "Activation rate".')
@_metric_options
@click.pass_context
def add_command(ctx: click.Context, project: str, name: str, **options: Any) -> None:
    """Add a metric to a project; it goes last in the project's order.

    \b
    Example:
        pmjournal metric add --project Pricing --name "Upgrade rate" --baseline 2.1 \\
            --result 2.9 --unit %
    """
    from pmjournal.domain.metric_records import validate_metric
    from pmjournal.services.records.metrics import add_metric

    draft = MetricDraft(project=project, name=name, **_changes(options))
    validate_metric(draft)
    with opened_journal(ctx) as journal:
        record = add_metric(journal, draft).value
    click.echo(f"Added metric #{record.id} to {record.project}: {record.name} {record.change_text}")


@data_dir_option
@metric.command("edit")
@click.argument("metric_id", metavar="ID", type=int)
@click.option("--project", help="Move it to this project (it goes last there).")
@click.option("--name", help="A new name.")
@_metric_options
@click.pass_context
def edit_command(
    ctx: click.Context, metric_id: int, project: str | None, name: str | None, **options: Any
) -> None:
    """Change the given fields of metric ID.

    Left-out fields stay as they are; "" clears a number or date.

    \b
    Example:
        pmjournal metric edit 3 --result 29 --measured-on 2026-07-15
    """
    from pmjournal.services.records.metrics import find_metric, update_metric

    changes = _changes(options) | given(project=project, name=name)
    with opened_journal(ctx) as journal:
        current = find_metric(journal, metric_id)
        draft = replace(MetricDraft.of(current), **changes)
        record = update_metric(journal, metric_id, draft).value
    click.echo(
        f"Updated metric #{record.id} of {record.project}: {record.name} {record.change_text}"
    )


@data_dir_option
@metric.command("list")
@click.option("--project", help="Only this project's metrics, in its order.")
@click.option("--internship", help="Only metrics of this internship's projects.")
@click.option("--since", help="Only metrics measured on or after YYYY-MM-DD.")
@click.option("--until", help="Only metrics measured on or before YYYY-MM-DD.")
@click.option("--text", help="Only metrics whose name, unit or note has this.")
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
    """List metrics by project, each with its change ("42% → 31% (−26%)").

    \b
    Example:
        pmjournal metric list --project "Onboarding checklist" --json
    """
    from pmjournal.services.records.metrics import list_metrics

    with opened_journal(ctx) as journal:
        page = list_metrics(
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
        noun="metrics",
        empty="No metrics match."
        if filtered
        else "No metrics yet. Add one with: pmjournal metric add --project P --name N --result X",
    )


@data_dir_option
@metric.command("show")
@click.argument("metric_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
def show_command(ctx: click.Context, metric_id: int, as_json: bool) -> None:
    """Show metric ID with its change.

    \b
    Example:
        pmjournal metric show 3
    """
    from pmjournal.services.records.metrics import find_metric

    with opened_journal(ctx) as journal:
        record = find_metric(journal, metric_id)
    if as_json:
        echo_json(_json(record))
    else:
        _show(record)


@data_dir_option
@metric.command("remove")
@click.argument("metric_id", metavar="ID", type=int)
@click.pass_context
def remove_command(ctx: click.Context, metric_id: int) -> None:
    """Remove metric ID (nothing else points at a metric, so nothing else changes).

    \b
    Example:
        pmjournal metric remove 3
    """
    from pmjournal.services.records.metrics import delete_metric, find_metric

    with opened_journal(ctx) as journal:
        record = find_metric(journal, metric_id)
        delete_metric(journal, metric_id)
    click.echo(f"Removed metric #{record.id} of {record.project}: {record.name}")
