"""A journal written by any released schema, opened by the command line: upgraded to the newest
schema with its data, ``pmjournal check`` clean, and the trade-off of 0004 ready to use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_process import run_pmjournal as pmjournal

from pmjournal.storage.database import DB_FILENAME
from pmjournal.storage.migrate import HEAD

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_FIXTURES = sorted(FIXTURES.glob("schema_*.sqlite3"))


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=[p.stem for p in SCHEMA_FIXTURES])
def test_an_old_journal_upgrades_checks_clean_and_takes_a_tradeoff(
    fixture: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    shutil.copyfile(fixture, folder / DB_FILENAME)

    def run(*args: str) -> str:
        done = pmjournal("--data-dir", folder, *args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    checked = run("check")
    assert checked.startswith(f"OK: schema {HEAD}; ")
    assert "4 entries" in checked and "2 projects" in checked
    shown = json.loads(run("project", "show", "Onboarding revamp", "--json"))
    assert shown["problem"] == "Only 42% of patients who started sign-up finished it."
    assert shown["entry_count"] == 3 and shown["metric_count"] == 2

    run("project", "edit", "Onboarding revamp", "--tradeoff", "I left SSO for a later release")
    hits = json.loads(run("search", "later release", "--json"))
    assert [(hit["kind"], hit["title"]) for hit in hits] == [("project", "Onboarding revamp")]
    assert run("check").startswith(f"OK: schema {HEAD}; ")
