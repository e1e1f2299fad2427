"""The journal notices commits made by another connection (another process), not its own."""

from __future__ import annotations

from pathlib import Path

from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage.database import open_journal


def test_own_commits_are_not_news_and_another_connections_are(tmp_path: Path) -> None:
    app = open_journal(tmp_path, auto_backup=False)
    terminal = open_journal(tmp_path, auto_backup=False)
    try:
        watch = app.outside_writes()
        assert not watch.happened()

        add_entry(app, EntryDraft(text="Written in the app"))
        assert not watch.happened()

        add_entry(terminal, EntryDraft(text="Written in a terminal"))
        assert watch.happened()
        assert not watch.happened()  # told once

        add_entry(terminal, EntryDraft(text="Another from the terminal"))
        add_entry(app, EntryDraft(text="Then one in the app"))
        # The app's commit came after the foreign one: taken as seen (the documented blind spot
        # is only a foreign commit landing between an own commit and its re-read).
        assert not watch.happened()
    finally:
        terminal.close()
        app.close()
