"""Nothing lost: ``kill -9`` at any moment loses no committed entry and damages nothing.

Real processes are killed for real; the journal is then opened the way the app would open it.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from journal_builder import project
from sqlalchemy import select

from pmjournal.domain.skill_framework import STARTER_FRAMEWORK
from pmjournal.services.maintenance import check_database
from pmjournal.services.records.entries import EntryDraft, add_entry, get_entry
from pmjournal.storage import migrate, models
from pmjournal.storage.database import DB_FILENAME, open_journal

pytestmark = pytest.mark.slow

# Writes entries as fast as it can; prints each id only after add_entry (the commit) returned.
WRITER = """
import sys
from pathlib import Path
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.storage.database import open_journal

journal = open_journal(Path(sys.argv[1]))
label = sys.argv[2]
print("ready", flush=True)
number = 0
while True:
    record = add_entry(
        journal,
        EntryDraft(
            text=f"{label} entry {number}: " + "measured the funnel again " * 20,
            projects=["Crash test"],
            skills=["Data analysis", "Communication"],
            tags=[label],
        ),
    )
    print(record.value.id, label, number, flush=True)
    number += 1
"""

ROUNDS = 6


def run_and_kill(data_dir: Path, label: str, delay: float, log: Path) -> list[tuple[int, str]]:
    """Start a writer, SIGKILL it ``delay`` seconds after it is ready; return what it committed."""
    with log.open("a") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), label],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        assert child.stdout is not None
        try:
            ready = child.stdout.readline()
            assert ready == "ready\n", f"writer did not start: {log.read_text()[-2000:]}"
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            rest, _ = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert child.returncode == -signal.SIGKILL, "the writer died before it was killed"
    committed = []
    for line in rest.splitlines(keepends=True):
        if not line.endswith("\n"):
            continue
        entry_id, tag, number = line.split()
        committed.append((int(entry_id), f"{tag} entry {number}: "))
    return committed


def test_sigkill_while_writing_loses_no_committed_entry(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    journal = open_journal(data_dir)
    project(journal, "Crash test")
    journal.close()

    seed = random.randrange(1_000_000)
    chooser = random.Random(seed)
    committed: list[tuple[int, str]] = []
    for round_number in range(ROUNDS):
        delay = chooser.uniform(0.05, 0.6)
        committed += run_and_kill(data_dir, f"r{round_number}", delay, tmp_path / "stderr.log")
    assert len(committed) > ROUNDS, f"too few writes to prove anything (seed {seed})"

    path = data_dir / DB_FILENAME
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()

    journal = open_journal(data_dir, auto_backup=False)
    try:
        for entry_id, prefix in committed:
            entry = get_entry(journal, entry_id)
            assert entry is not None, f"committed entry {entry_id} is gone (seed {seed})"
            assert entry.body.startswith(prefix)
            assert entry.projects == ("Crash test",)
            assert entry.skills == ("Data analysis", "Communication")
        # Counted in the table itself: what matters is which rows reached the file.
        with journal.reading() as session:
            stored = len(session.scalars(select(models.Entry.id)).all())
        # At most the one commit in flight per kill may have landed without being reported.
        assert len(committed) <= stored <= len(committed) + ROUNDS
        survivor = add_entry(journal, EntryDraft(text="written after the crashes")).value
        assert survivor.id > max(entry_id for entry_id, _ in committed)
    finally:
        journal.close()
    report = check_database(path)
    assert report.ok, report.problems


# Kills the process the moment SQLite is about to run a chosen statement of the first migration.
MIGRATION_KILLER = """
import os, signal, sys
from pathlib import Path
from sqlalchemy import Engine, event

marker = sys.argv[2]

@event.listens_for(Engine, "connect")
def _trace(dbapi_connection, _record):
    def die_at(statement):
        if marker in statement:
            os.kill(os.getpid(), signal.SIGKILL)
    dbapi_connection.set_trace_callback(die_at)

from pmjournal.storage.database import open_journal
open_journal(Path(sys.argv[1]))
"""


@pytest.mark.parametrize(
    "marker",
    [
        "CREATE TABLE skills",
        "CREATE VIRTUAL TABLE search_index",
        "INSERT INTO skills",
        "INSERT INTO alembic_version",
    ],
)
def test_sigkill_while_creating_a_journal_leaves_one_that_opens(
    tmp_path: Path, marker: str
) -> None:
    """The first open creates the schema; a crash there must not make the folder unusable."""
    data_dir = tmp_path / "journal"
    child = subprocess.run(
        [sys.executable, "-c", MIGRATION_KILLER, str(data_dir), marker],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, f"never reached {marker!r}: {child.stderr}"

    journal = open_journal(data_dir)
    try:
        added = add_entry(journal, EntryDraft(text="first words after the crash")).value
        assert added.id == 1
        # Read from the table itself: the half-migrated file must hold exactly the starters.
        with journal.reading() as session:
            skills = session.scalars(select(models.Skill.name)).all()
    finally:
        journal.close()
    starter = [skill.name for members in STARTER_FRAMEWORK.values() for skill in members]
    assert sorted(skills) == sorted(starter)
    assert migrate.read_revision(data_dir / DB_FILENAME) == migrate.HEAD
    report = check_database(data_dir / DB_FILENAME)
    assert report.ok, report.problems
