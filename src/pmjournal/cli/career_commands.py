"""Career outputs from the journal: ``bullets``, ``weekly`` and ``stories``.

Input is checked before anything is written; a service's ``ValidationError`` becomes exit code
2 with one line on stderr. Lint warnings about bullets go to stderr and the bullets are still
written (exit 0), so the output can be piped or pasted while the warnings stay visible.
"""

from __future__ import annotations

from pathlib import Path

import click

from pmjournal.cli.context import data_dir_option, opened_journal
from pmjournal.domain.errors import ValidationError


def _place(text: str, option: str) -> tuple[str, int]:
    """'Onboarding checklist:2' → ('Onboarding checklist', 1): the project and 0-based place."""
    name, _, number = text.rpartition(":")
    if not name.strip() or not number.strip().isdigit():
        raise ValidationError(f"expected PROJECT:NUMBER, e.g. 'Onboarding:2', not {text!r}", option)
    return name.strip(), int(number) - 1


def _write(text: str, out: Path | None, target: Path | None) -> None:
    """Print to stdout, or replace ``target`` (``out`` checked and resolved) whole, never
    half-written; the message names ``out`` as the user wrote it."""
    if target is None:
        click.echo(text, nl=False)
        return
    from pmjournal.services.output_files import atomic_output

    with atomic_output(target) as stream:
        stream.write(text.encode("utf-8"))
    click.echo(f"Wrote {out}", err=True)


@data_dir_option
@click.command()
@click.option(
    "--format",
    "kind",
    type=click.Choice(["text", "markdown", "json-resume"]),
    default="text",
    show_default=True,
    help="text and json-resume use ASCII punctuation (straight quotes, - for dashes) for "
    "applicant-tracking systems; letters such as é are kept.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@click.option("--redact", is_flag=True, help="Replace company and people's names.")
@click.option(
    "--project",
    "projects",
    multiple=True,
    help="Only this project (repeatable; default: every non-confidential one with content).",
)
@click.option(
    "--pin", metavar="PROJECT:N", help="Keep your own wording for bullet N (with --text)."
)
@click.option("--text", "pin_text", help="The wording to pin with --pin.")
@click.option("--unpin", metavar="PROJECT:N", help="Go back to the generated bullet N.")
@click.pass_context
def bullets(
    ctx: click.Context,
    kind: str,
    out: Path | None,
    redact: bool,
    projects: tuple[str, ...],
    pin: str | None,
    pin_text: str | None,
    unpin: str | None,
) -> None:
    """Résumé bullets, 1-3 per project, each with the evidence it came from.

    Edit a bullet by pinning your own wording; it replaces the generated bullet N (the number
    shown before it, 1-3), survives regeneration and travels with export/import:

    \b
        pmjournal bullets --pin "Onboarding checklist:2" --text "Cut setup tickets ..."
        pmjournal bullets --unpin "Onboarding checklist:2"

    Lint warnings (weak verb, no number, too long...) go to stderr; the exit code stays 0.
    """
    from pmjournal.services.career import bullets as service

    if pin or unpin or pin_text:
        _edit(ctx, pin, pin_text, unpin)
        return
    with opened_journal(ctx) as journal:
        target = None
        if out is not None:
            from pmjournal.services.output_files import resolve_output

            target = resolve_output(out, protected=journal.files)
        report = service.load_bullets(
            journal, project_names=projects, redact=redact, ascii_only=kind != "markdown"
        )
    if kind == "json-resume":
        from pmjournal.services.career.json_resume import render_json_resume

        text = render_json_resume(report)
    else:
        text = (service.render_markdown if kind == "markdown" else service.render_text)(report)
    _write(text, out, target)
    for project, bullet, warning in report.warnings:
        click.echo(
            f"pmjournal: warning: {project}, bullet {bullet.position + 1}: {warning.message}",
            err=True,
        )


def _edit(ctx: click.Context, pin: str | None, pin_text: str | None, unpin: str | None) -> None:
    from pmjournal.services.career.bullets import pin_bullet, unpin_bullet

    if pin and unpin:
        raise ValidationError("use --pin or --unpin, not both", "pin")
    if pin:
        if pin_text is None:
            raise ValidationError("--pin needs --text with your wording", "text")
        project, position = _place(pin, "pin")
        with opened_journal(ctx) as journal:
            pin_bullet(journal, project, position, pin_text)
        click.echo(f"Pinned bullet {position + 1} of {project!r}.")
    elif unpin:
        project, position = _place(unpin, "unpin")
        with opened_journal(ctx) as journal:
            unpin_bullet(journal, project, position)
        click.echo(f"Unpinned bullet {position + 1} of {project!r}; the generated one is back.")
    else:
        raise ValidationError("--text goes with --pin PROJECT:N", "text")


@data_dir_option
@click.command()
@click.option("--week", metavar="YYYY-Www", help="An ISO week, e.g. 2026-W24 (default: this week).")
@click.option(
    "--format",
    "kind",
    type=click.Choice(["markdown", "text"]),
    default="markdown",
    show_default=True,
    help="markdown for chat and docs, text for email.",
)
@click.pass_context
def weekly(ctx: click.Context, week: str | None, kind: str) -> None:
    """A status update for your mentor: done, learned, feedback, blockers, next."""
    from pmjournal.domain.dates import parse_iso_week
    from pmjournal.services.career import weekly as service

    if week is not None:
        parse_iso_week(week)
    with opened_journal(ctx) as journal:
        update = service.weekly_update(journal, week)
    click.echo((service.render_markdown if kind == "markdown" else service.render_text)(update))


@data_dir_option
@click.command()
@click.option(
    "--format",
    "kind",
    type=click.Choice(["markdown", "text"]),
    default="markdown",
    show_default=True,
)
@click.option("--redact", is_flag=True, help="Replace company and people's names.")
@click.pass_context
def stories(ctx: click.Context, kind: str, redact: bool) -> None:
    """STAR interview stories by competency, with their evidence, and the gaps to fill."""
    from pmjournal.services.career import stories as service

    with opened_journal(ctx) as journal:
        book = service.load_stories(journal, redact=redact)
    click.echo((service.render_markdown if kind == "markdown" else service.render_text)(book))
