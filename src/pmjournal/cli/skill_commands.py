"""``pmjournal skill``: the skills you practise, their evidence, renames and merges."""

from __future__ import annotations

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.cli.output import echo_fields, echo_json, echo_page_footer, one_line
from pmjournal.cli.record_output import delete_with_choice, detach_option
from pmjournal.domain.skills import SkillDraft, validate_skill


@click.group()
def skill() -> None:
    """Skills: named competencies in categories, with evidence from entries, projects, feedback.

    \b
    Example:
      pmjournal skill add "SQL" --category Analytical --competency "Data fluency"
      pmjournal skill merge "Competitive analysis" "Market research"
      pmjournal skill remove "Prototyping" --move-to "Technical understanding"
    """


@data_dir_option
@skill.command("add")
@click.argument("name")
@click.option("--category", help="An existing skill category.")
@click.option("--description", default="", help="What practising it looks like.")
@click.option("--competency", help="The interview competency it counts towards.")
@click.pass_context
def add(
    ctx: click.Context,
    name: str,
    category: str | None,
    description: str,
    competency: str | None,
) -> None:
    """Add a skill; its name must be new (ignoring case).

    \b
    Example:
      pmjournal skill add "Pricing" --category "Strategy & discovery"
    """
    from pmjournal.services.records.skills import add_skill

    draft = SkillDraft(name, category, description, competency)
    validate_skill(draft)
    with opened_journal(ctx) as journal:
        record = add_skill(journal, draft).value
    click.echo(
        f"Saved skill {record.name!r}" + (f" in {record.category}" if record.category else "")
    )


@data_dir_option
@skill.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name (links are kept).")
@click.option("--category", help="Move to this category; an empty string: no category.")
@click.option("--description")
@click.option("--competency", help="An empty string clears it.")
@click.pass_context
def edit(
    ctx: click.Context,
    name: str,
    new_name: str | None,
    category: str | None,
    description: str | None,
    competency: str | None,
) -> None:
    """Change a skill; what you leave out stays as it was.

    \b
    Example:
      pmjournal skill edit "Presenting" --competency "Influence"
    """
    from pmjournal.services.records.skills import get_skill, update_skill

    with opened_journal(ctx) as journal:
        current = get_skill(journal, name)
        draft = SkillDraft(
            name=current.name if new_name is None else new_name,
            category=current.category if category is None else (category or None),
            description=current.description if description is None else description,
            competency=current.competency if competency is None else (competency or None),
        )
        validate_skill(draft)
        record = update_skill(journal, current.name, draft).value
    click.echo(f"Updated skill {record.name!r}")


@data_dir_option
@skill.command("list")
@click.option("--category", help="Only this category.")
@click.option("--text", help="Words in the name or description.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
@click.pass_context
def list_command(
    ctx: click.Context,
    category: str | None,
    text: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List skills by name, with how much evidence each has.

    \b
    Example:
      pmjournal skill list --category People
    """
    from pmjournal.services.records.skills import list_skills

    with opened_journal(ctx) as journal:
        page = list_skills(journal, category=category, text=text, limit=limit, offset=offset)
    if as_json:
        echo_json(page)
        return
    for record in page.items:
        click.echo(
            f"{record.name:<32} {record.evidence_count:>3} evidence  {record.category or ''}"
        )
    echo_page_footer(page, offset, "skills")


@data_dir_option
@skill.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show a skill and its evidence.

    \b
    Example:
      pmjournal skill show "User research"
    """
    from pmjournal.services.records.evidence import list_evidence
    from pmjournal.services.records.skills import get_skill

    with opened_journal(ctx) as journal:
        record = get_skill(journal, name)
        evidence = list_evidence(journal, skill=record.name, limit=1000)
    if as_json:
        echo_json({"skill": record, "evidence": list(evidence.items)})
        return
    echo_fields(
        [
            ("Skill", record.name),
            ("Category", record.category),
            ("Competency", record.competency),
            ("About", record.description),
            ("Evidence", str(record.evidence_count)),
        ]
    )
    for item in evidence.items:
        note = f": {one_line(item.note, 50)}" if item.note else ""
        click.echo(f"  #{item.id} {item.label}{note}")


@data_dir_option
@skill.command("remove")
@click.argument("name")
@detach_option("delete its evidence notes with it (the entries, projects and feedback stay)")
@click.option(
    "--move-to",
    "--move-evidence-to",
    "move_to",
    metavar="SKILL",
    help="If it has evidence: keep the notes under this skill instead.",
)
@click.pass_context
def remove(ctx: click.Context, name: str, detach: bool, move_to: str | None) -> None:
    """Delete a skill; one with evidence is refused unless --move-to moves the notes to
    another skill or --detach deletes them with it.

    \b
    Example:
      pmjournal skill remove "Prototyping" --move-to "Technical understanding"
    """
    from pmjournal.services.records.skills import delete_skill

    with opened_journal(ctx) as journal:
        delete_with_choice(
            lambda choice: delete_skill(journal, name, choice=choice, move_to=move_to),
            detach,
            "delete them with it",
            move_to=move_to,
            move_hint="--move-to SKILL to keep them under another skill",
        )
    moved = f"; its evidence is now under {move_to!r}" if move_to else ""
    click.echo(f"Deleted skill {name.strip()!r}{moved}")


@data_dir_option
@skill.command("merge")
@click.argument("source")
@click.argument("into")
@click.pass_context
def merge(ctx: click.Context, source: str, into: str) -> None:
    """Merge SOURCE into INTO: every evidence note moves, SOURCE is deleted.

    Notes of both skills about the same entry, project or feedback are joined into one.

    \b
    Example:
      pmjournal skill merge "Competitive analysis" "Market research"
    """
    from pmjournal.services.records.skills import merge_skills

    with opened_journal(ctx) as journal:
        record = merge_skills(journal, source, into).value
    click.echo(f"Merged {source.strip()!r} into {record.name!r} ({record.evidence_count} evidence)")
