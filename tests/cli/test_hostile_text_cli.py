"""Every output of a journal holding hostile text: exit 0, in bounded time, with a warning.

The text is written straight into the file, as an older journal or a hand-edited one could
hold it (``add`` and ``import`` now refuse it: the last tests here). Before the guards these
journals took minutes or ended in ``RecursionError`` (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from cli_process import assert_refused, run_pmjournal

from pmjournal.storage.database import DB_FILENAME

MB = 1_000_000
BRACKETS = "[![x](" + "[" * 3
OUTPUTS = (
    ("portfolio", "--out", "portfolio.pdf"),
    ("bullets",),
    ("stories",),
    ("export", "--format", "markdown", "--out", "notes"),
)


def spoil(db: Path, data_mb: int) -> None:
    """Hostile text in the first shareable project, its entries and two names."""
    with sqlite3.connect(db) as connection:
        project = connection.execute(
            "SELECT min(id) FROM projects WHERE confidential = 0"
        ).fetchone()[0]
        entries = [
            row[0]
            for row in connection.execute(
                "SELECT entry_id FROM entry_projects WHERE project_id = ? ORDER BY entry_id",
                (project,),
            )
        ]
        connection.execute(
            "UPDATE projects SET approach = ?, context = ?, name = ? WHERE id = ?",
            (
                (BRACKETS * (MB // len(BRACKETS)))[:MB],
                "\n".join(">" * depth + " deeper" for depth in range(1, 200)),
                "Onboarding" * 500,
                project,
            ),
        )
        connection.execute(
            "UPDATE skills SET name = ? WHERE name = 'User research'", ("Research" * 600,)
        )
        nested = "- " * 5_000 + "deep"
        connection.execute(
            "UPDATE entries SET body = ?, title = '' WHERE id = ?", (nested, entries[0])
        )
        image = "![chart](data:image/png;base64," + "iVBORw0KGgo" * 9_000 + ")\n\n"
        per_entry = (image * (MB // len(image)),)
        for entry_id in [row[0] for row in connection.execute("SELECT id FROM entries")][
            1 : 1 + data_mb
        ]:
            connection.execute("UPDATE entries SET body = ? WHERE id = ?", (*per_entry, entry_id))


@pytest.fixture
def hostile_journal(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    shutil.copy2(demo_template, folder / DB_FILENAME)
    spoil(folder / DB_FILENAME, data_mb=10)
    return folder


@pytest.mark.parametrize("command", OUTPUTS, ids=[c[0] for c in OUTPUTS])
def test_outputs_of_a_hostile_journal_finish_and_warn(
    hostile_journal: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    args = [
        str(tmp_path / part) if part in ("portfolio.pdf", "notes") else part for part in command
    ]
    started = time.perf_counter()
    done = run_pmjournal("--data-dir", hostile_journal, *args, cwd=tmp_path)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert elapsed < 60, f"{command[0]} took {elapsed:.0f} s"
    if command[0] == "portfolio":
        assert (tmp_path / "portfolio.pdf").read_bytes().startswith(b"%PDF")
        warnings = done.stderr
        assert "project “Onboarding" in warnings and "shown as plain text" in warnings
        assert "nested more than" in warnings


@pytest.mark.long
def test_sixty_megabytes_of_inline_images_stay_linear(demo_template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    shutil.copy2(demo_template, folder / DB_FILENAME)
    spoil(folder / DB_FILENAME, data_mb=59)
    for command in OUTPUTS:
        args = [str(tmp_path / p) if p in ("portfolio.pdf", "notes") else p for p in command]
        started = time.perf_counter()
        done = run_pmjournal("--data-dir", folder, *args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert time.perf_counter() - started < 120


def test_add_refuses_text_over_the_caps(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    image = "![x](data:image/png;base64," + "A" * 20_000 + ")"
    assert_refused(
        run_pmjournal("--data-dir", folder, "add", "--text", image, cwd=tmp_path),
        "text",
        "inline data",
    )
    long_tag = "t" * 201
    assert_refused(
        run_pmjournal("--data-dir", folder, "add", "--text", "x", "--tag", long_tag, cwd=tmp_path),
        "tag",
        "200",
    )


@pytest.mark.parametrize(
    ("where", "value", "words"),
    [
        ("projects", {"name": "N" * 5_000}, ("projects[0].name", "200")),
        ("entries", {"body": "b" * 100_001}, ("entries[0].body", "100,000")),
        (
            "entries",
            {"body": "![x](data:image/png;base64," + "A" * 20_000 + ")"},
            ("entries[0].body", "inline data"),
        ),
    ],
)
def test_import_refuses_fields_over_the_caps(
    demo_template: Path, tmp_path: Path, where: str, value: dict[str, str], words: tuple[str, ...]
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy2(demo_template, source / DB_FILENAME)
    document = tmp_path / "journal.json"
    done = run_pmjournal(
        "--data-dir", source, "export", "--format", "json", "--out", document, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(document.read_bytes())
    data[where][0].update(value)
    document.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "target"
    assert_refused(run_pmjournal("--data-dir", target, "import", document, cwd=tmp_path), *words)
