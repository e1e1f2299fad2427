"""The runner keeps links intact through table rebuilds and refuses an upgrade that breaks them.

Each test writes a throwaway revision after the newest one next to a copy of the real migrations
and upgrades a copy of the committed 0001 fixture with it, as a future schema release would.
"""

from __future__ import annotations

import shutil
import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest

from pmjournal.storage.migrate import HEAD, MigrationError, read_revision, upgrade

FIXTURE = Path(__file__).parents[1] / "fixtures" / "schema_0001.sqlite3"

REVISION = '''"""test revision"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''


def scripts_with(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(str(files("pmjournal.migrations")), folder)
    (folder / "versions" / "9999_test.py").write_text(REVISION.format(body=body, head=HEAD))
    return folder


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        tables = ("entry_projects", "metrics", "evidence", "feedback_projects", "resume_bullets")
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        connection.close()


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    shutil.copy2(FIXTURE, path)
    return path


def test_rebuilding_a_table_keeps_every_row_that_points_at_it(
    tmp_path: Path, journal_file: Path
) -> None:
    before = counts(journal_file)
    assert all(before.values()), before
    body = (
        '    with op.batch_alter_table("projects", recreate="always") as batch:\n'
        '        batch.add_column(sa.Column("colour", sa.String(20), nullable=True))'
    )

    upgrade(journal_file, scripts=scripts_with(tmp_path, body))

    assert read_revision(journal_file) == "9999"
    assert counts(journal_file) == before


def test_an_upgrade_that_orphans_rows_is_rolled_back(tmp_path: Path, journal_file: Path) -> None:
    before = counts(journal_file)
    body = '    op.execute("DELETE FROM projects")'

    with pytest.raises(MigrationError, match="left as it was"):
        upgrade(journal_file, scripts=scripts_with(tmp_path, body))

    assert read_revision(journal_file) == "0001"
    assert counts(journal_file) == before
