"""``pmjournal demo``: fill an empty journal with the sample internship."""

from __future__ import annotations

import click

from pmjournal.cli.context import data_dir_option, opened_journal


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


@data_dir_option
@click.command()
@click.option(
    "--weeks",
    default=12,
    show_default=True,
    type=click.IntRange(min=1, max=2600),
    help="Weeks of journal: 12 is the sample internship; more adds generated later roles.",
)
@click.pass_context
def demo(ctx: click.Context, weeks: int) -> None:
    """Fill an empty journal with a realistic sample internship."""
    from pmjournal.services.demo.generate import generate_demo

    with opened_journal(ctx) as journal:
        made = generate_demo(journal, weeks=weeks).value
    parts = (
        _plural(made.internships, "internship"),
        _plural(made.projects, "project"),
        _plural(made.entries, "entry", "entries"),
        _plural(made.metrics, "metric"),
        _plural(made.feedback, "piece of feedback", "pieces of feedback"),
        _plural(made.people, "person", "people"),
        _plural(made.goals, "goal"),
    )
    click.echo("Created a demo journal: " + ", ".join(parts) + ".")
