"""``pmjournal capture``: the small quick-entry window, for a desktop shortcut (docs/capture.md).

The window is the desktop app's (``pmjournal.ui``), imported only here, so no other command
pays for Qt. Without a display there is no window to open: that is a refusal (exit 2).
"""

from __future__ import annotations

import click

from pmjournal.cli.context import data_dir_of, data_dir_option
from pmjournal.domain.errors import ValidationError


@data_dir_option
@click.command()
@click.pass_context
def capture(ctx: click.Context) -> None:
    """A small window for one quick entry: Ctrl+Enter saves and closes.

    Bind it to a key of your desktop to write an entry from anywhere; docs/capture.md shows
    how on GNOME, KDE, macOS and Windows.
    """
    from pmjournal.cli.main import has_display

    if not has_display():
        raise ValidationError(
            "no display found, so the capture window cannot open; use `pmjournal add --text`",
            "display",
        )
    from pmjournal.ui.capture_window import run_capture

    ctx.exit(run_capture(data_dir_of(ctx)))
