"""The ``pmjournal`` program: global options, lazy command loading and exit codes.

Commands are imported only when run, so ``pmjournal add`` does not pay for WeasyPrint or Qt.
Exit codes: 0 success; 2 bad input or refused (one line on stderr); 1 unexpected failure.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from pmjournal.domain.errors import DiskFullError, PmJournalError

COMMANDS: dict[str, str] = {
    "demo": "pmjournal.cli.demo_command:demo",
    "profile": "pmjournal.cli.journal_commands:profile",
    "add": "pmjournal.cli.journal_commands:add",
    "search": "pmjournal.cli.journal_commands:search",
    "export": "pmjournal.cli.exchange_commands:export_command",
    "import": "pmjournal.cli.exchange_commands:import_command",
    "backup": "pmjournal.cli.maintenance_commands:backup",
    "restore": "pmjournal.cli.maintenance_commands:restore",
    "check": "pmjournal.cli.maintenance_commands:check",
    "portfolio": "pmjournal.cli.portfolio_command:portfolio",
    "bullets": "pmjournal.cli.career_commands:bullets",
    "weekly": "pmjournal.cli.career_commands:weekly",
    "stories": "pmjournal.cli.career_commands:stories",
    "internship": "pmjournal.cli.internship_commands:internship",
    "project": "pmjournal.cli.project_commands:project",
    "metric": "pmjournal.cli.metric_commands:metric",
    "person": "pmjournal.cli.person_commands:person",
    "feedback": "pmjournal.cli.feedback_commands:feedback",
    "goal": "pmjournal.cli.goal_commands:goal",
    "skill": "pmjournal.cli.skill_commands:skill",
    "tag": "pmjournal.cli.tag_commands:tag",
    "attach": "pmjournal.cli.attach_command:attach",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (the pattern in click's docs)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PmJournalError as error:
            click.echo(f"pmjournal: {error}", err=True)
            ctx.exit(2)
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise  # the reader went away (``search x | head``); click exits quietly
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                folder = Path(error.filename).parent if error.filename else Path.cwd()
                click.echo(f"pmjournal: {DiskFullError(folder)}", err=True)
                ctx.exit(2)
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"pmjournal: {where}{error.strerror or error}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("pmjournal: interrupted", err=True)
            ctx.exit(130)
        except Exception as error:
            if os.environ.get("PMJOURNAL_DEBUG"):
                raise
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            click.echo(
                f"pmjournal: unexpected error: {type(error).__name__}: {first_line} "
                "(set PMJOURNAL_DEBUG=1 for details)",
                err=True,
            )
            ctx.exit(1)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the package's version; looked up only here, so other commands do not pay for it."""
    if not value or ctx.resilient_parsing:
        return
    from pmjournal import version

    click.echo(f"pmjournal, version {version()}")
    ctx.exit()


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("pmjournal", appauthor=False))


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def _open_desktop_app(ctx: click.Context) -> None:
    """Start the GUI; where it cannot run, say why and show what the CLI can do."""
    try:
        app = importlib.import_module("pmjournal.ui.app")
    except ModuleNotFoundError:
        click.echo("The desktop app is not built yet; the command line can do this:\n")
        click.echo(ctx.get_help())
        return
    if not _has_display():
        click.echo("No display found, so the desktop app cannot open; the command line can:\n")
        click.echo(ctx.get_help())
        return
    ctx.exit(app.run(ctx.obj["data_dir"]))


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="PMJOURNAL_DATA_DIR",
    help="Folder holding the journal (default: your platform's user data folder).",
)
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None) -> None:
    """pmjournal: record your internship, compile your portfolio.

    With no command, opens the desktop app.
    """
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = (data_dir or default_data_dir()).expanduser()
    if ctx.invoked_subcommand is None:
        _open_desktop_app(ctx)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``pmjournal`` entry point; click's usage errors become one line on stderr, too."""
    try:
        result = cli.main(args=argv, prog_name="pmjournal", standalone_mode=False)
    except click.UsageError as error:
        where = error.ctx.command_path if error.ctx else "pmjournal"
        click.echo(f"{where}: {error.format_message()} (see {where} --help)", err=True)
        sys.exit(2)
    except click.ClickException as error:
        click.echo(f"pmjournal: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("pmjournal: aborted", err=True)
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)
