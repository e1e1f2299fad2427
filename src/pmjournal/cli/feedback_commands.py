"""``pmjournal feedback``: record what people said and what you did about it."""

from __future__ import annotations

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
from pmjournal.domain.feedback import FeedbackDraft, FeedbackRecord, validate_feedback
from pmjournal.domain.vocab import FeedbackKind, Relationship

KINDS = click.Choice([k.value for k in FeedbackKind])
RELATIONSHIPS = click.Choice([r.value for r in Relationship])


@click.group()
def feedback() -> None:
    """Feedback: what someone said, about which projects and skills, and your follow-up.

    \b
    Example:
      pmjournal feedback add --text "Your synthesis changed the roadmap" \\
          --person "Grace Lin" --kind praise --project "Onboarding" --skill Communication
      pmjournal feedback list --open
      pmjournal feedback followup 3 --text "Shared the template" --done
    """


def _echo(record: FeedbackRecord) -> None:
    follow = record.follow_up
    state = ""
    if follow.text or follow.done:
        state = ("done" + (f" on {follow.on}" if follow.on else "")) if follow.done else "open"
    echo_fields(
        [
            ("Feedback", f"#{record.id} of {record.date}"),
            (
                "From",
                f"{record.person} ({record.relationship})"
                if record.person
                else record.relationship,
            ),
            ("Kind", record.kind),
            ("Said", record.text),
            ("Projects", record.projects),
            ("Skills", record.skills),
            ("Follow-up", follow.text),
            ("Status", state),
            ("Confidential", "yes" if record.confidential else ""),
        ]
    )


@data_dir_option
@feedback.command("add")
@click.option("--text", required=True, help="What was said.")
@click.option("--date", "day", help="YYYY-MM-DD (default today).")
@click.option("--person", help="Who said it (a person in the journal).")
@click.option("--relationship", type=RELATIONSHIPS, help="Default: the person's relationship.")
@click.option("--kind", type=KINDS, default="praise", show_default=True)
@click.option("--project", "projects", multiple=True, help="A project it is about (repeatable).")
@click.option("--skill", "skills", multiple=True, help="A skill it shows (repeatable).")
@click.option("--confidential", is_flag=True, help="Keep it out of everything exported.")
@click.pass_context
def add(
    ctx: click.Context,
    text: str,
    day: str | None,
    person: str | None,
    relationship: str | None,
    kind: str,
    projects: tuple[str, ...],
    skills: tuple[str, ...],
    confidential: bool,
) -> None:
    """Record feedback.

    \b
    Example:
      pmjournal feedback add --text "Tighten the readout" --kind constructive \\
          --person "Omar Haddad" --date 2026-07-14
    """
    from pmjournal.services.records.feedback import add_feedback

    draft = FeedbackDraft(
        text=text,
        day=parse_optional_date(day, "date"),
        person=person,
        relationship=Relationship(relationship) if relationship else None,
        kind=FeedbackKind(kind),
        projects=projects,
        skills=skills,
        confidential=confidential,
    )
    validate_feedback(draft)
    with opened_journal(ctx) as journal:
        record = add_feedback(journal, draft).value
    click.echo(f"Saved feedback #{record.id} of {record.date}")


@data_dir_option
@feedback.command("edit")
@click.argument("feedback_id", metavar="ID", type=int)
@click.option("--text", help="What was said.")
@click.option("--date", "day", help="YYYY-MM-DD.")
@click.option("--person", help="Who said it; an empty string removes the person.")
@click.option("--relationship", type=RELATIONSHIPS)
@click.option("--kind", type=KINDS)
@click.option("--project", "projects", multiple=True, help="Replaces the projects (repeatable).")
@click.option("--skill", "skills", multiple=True, help="Replaces the skills (repeatable).")
@click.option("--confidential/--not-confidential", default=None)
@click.pass_context
def edit(
    ctx: click.Context,
    feedback_id: int,
    text: str | None,
    day: str | None,
    person: str | None,
    relationship: str | None,
    kind: str | None,
    projects: tuple[str, ...],
    skills: tuple[str, ...],
    confidential: bool | None,
) -> None:
    """Change feedback; what you leave out stays as it was.

    \b
    Example:
      pmjournal feedback edit 3 --kind suggestion --skill Presenting
    """
    from pmjournal.domain.errors import ValidationError
    from pmjournal.services.records.feedback import get_feedback, update_feedback

    with opened_journal(ctx) as journal:
        current = get_feedback(journal, feedback_id)
        if current is None:
            raise ValidationError(f"no feedback with id {feedback_id}", "feedback")
        draft = FeedbackDraft(
            text=current.text if text is None else text,
            day=parse_optional_date(day, "date") or current.date,
            person=current.person if person is None else (person or None),
            relationship=Relationship(relationship or current.relationship),
            kind=FeedbackKind(kind or current.kind),
            projects=projects or current.projects,
            skills=skills or current.skills,
            confidential=current.confidential if confidential is None else confidential,
        )
        record = update_feedback(journal, feedback_id, draft).value
    click.echo(f"Updated feedback #{record.id}")


@data_dir_option
@feedback.command("list")
@click.option("--person", help="Only from this person.")
@click.option("--kind", type=KINDS)
@click.option("--project", help="Only about this project.")
@click.option("--skill", help="Only showing this skill.")
@click.option("--open", "state", flag_value="open", help="Only with a follow-up still to do.")
@click.option("--done", "state", flag_value="done", help="Only with the follow-up done.")
@click.option("--since", help="From YYYY-MM-DD.")
@click.option("--until", help="Up to YYYY-MM-DD.")
@click.option("--text", help="Words in what was said or the follow-up.")
@click.option("--internship", type=int, help="Only about projects of this internship id.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
@click.pass_context
def list_command(
    ctx: click.Context,
    person: str | None,
    kind: str | None,
    project: str | None,
    skill: str | None,
    state: str | None,
    since: str | None,
    until: str | None,
    text: str | None,
    internship: int | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List feedback, newest first.

    \b
    Example:
      pmjournal feedback list --person "Grace Lin" --since 2026-07-01 --json
    """
    from pmjournal.services.records.feedback import list_feedback

    first = parse_optional_date(since, "since")
    last = parse_optional_date(until, "until")
    with opened_journal(ctx) as journal:
        page = list_feedback(
            journal,
            person=person,
            kind=kind,
            project=project,
            skill=skill,
            open_follow_up=None if state is None else state == "open",
            since=first,
            until=last,
            text=text,
            internship=internship,
            limit=limit,
            offset=offset,
        )
    if as_json:
        echo_json(page)
        return
    for record in page.items:
        who = record.person or record.relationship
        mark = "✓" if record.follow_up.done else ("…" if record.follow_up.text else " ")
        click.echo(
            f"#{record.id:<4} {record.date}  {mark} {record.kind:<12} {who}: "
            f"{one_line(record.text, 50)}"
        )
    echo_page_footer(page, offset, "feedback")


@data_dir_option
@feedback.command("show")
@click.argument("feedback_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, feedback_id: int, as_json: bool) -> None:
    """Show one piece of feedback.

    \b
    Example:
      pmjournal feedback show 3
    """
    from pmjournal.domain.errors import ValidationError
    from pmjournal.services.records.feedback import get_feedback

    with opened_journal(ctx) as journal:
        record = get_feedback(journal, feedback_id)
    if record is None:
        raise ValidationError(f"no feedback with id {feedback_id}", "feedback")
    if as_json:
        echo_json(record)
    else:
        _echo(record)


@data_dir_option
@feedback.command("remove")
@click.argument("feedback_id", metavar="ID", type=int)
@detach_option("delete the skill evidence it holds with it", "--with-evidence")
@click.pass_context
def remove(ctx: click.Context, feedback_id: int, detach: bool) -> None:
    """Delete feedback; if it is evidence for skills, refused unless --detach (the evidence
    goes with it; its projects and person are kept).

    \b
    Example:
      pmjournal feedback remove 3 --detach
    """
    from pmjournal.services.records.feedback import delete_feedback

    with opened_journal(ctx) as journal:
        delete_with_choice(
            lambda choice: delete_feedback(journal, feedback_id, choice=choice),
            detach,
            "delete that evidence with it",
        )
    click.echo(f"Deleted feedback #{feedback_id}")


@data_dir_option
@feedback.command("followup")
@click.argument("feedback_id", metavar="ID", type=int)
@click.option("--text", default="", help="What you did about it.")
@click.option("--done/--not-done", default=False, show_default=True)
@click.option("--date", "day", help="When it was done, YYYY-MM-DD (default today if --done).")
@click.pass_context
def followup(ctx: click.Context, feedback_id: int, text: str, done: bool, day: str | None) -> None:
    """Record what you did about feedback, and whether it is done.

    \b
    Example:
      pmjournal feedback followup 3 --text "Ran a dry run with Omar" --done --date 2026-07-20
    """
    from pmjournal.services.records.feedback import follow_up_feedback

    on = parse_optional_date(day, "date")
    with opened_journal(ctx) as journal:
        record = follow_up_feedback(journal, feedback_id, text, done, on).value
    state = f"done on {record.follow_up.on}" if record.follow_up.done else "open"
    click.echo(f"Follow-up of feedback #{record.id}: {state}")
