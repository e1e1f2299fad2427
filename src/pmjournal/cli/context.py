"""What every command needs from the group: the data folder and an open journal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from pmjournal.services.journal import Journal, open_journal


def data_dir_of(ctx: click.Context) -> Path:
    return ctx.find_root().obj["data_dir"]


@contextmanager
def opened_journal(ctx: click.Context) -> Iterator[Journal]:
    """Open the journal of the ``--data-dir`` folder for one command, and close it after."""
    journal = open_journal(data_dir_of(ctx))
    try:
        yield journal
    finally:
        journal.close()


def data_dir_option(command: click.Command) -> click.Command:
    """Let ``--data-dir`` also follow the command name (PRODUCT.md: every command accepts it)."""

    def _store(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            ctx.find_root().obj["data_dir"] = value.expanduser()

    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        expose_value=False,
        is_eager=True,
        callback=_store,
        help="Folder holding the journal.",
    )(command)
