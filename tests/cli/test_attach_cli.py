"""``pmjournal attach`` as a user runs it."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from cli_process import assert_refused
from cli_process import run_pmjournal as pmjournal
from seed_rows import add_project

from pmjournal.storage.database import open_journal

PDF = b"%PDF-1.4\n%%EOF\n"


def run(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return pmjournal("--data-dir", data_dir, *args, cwd=data_dir.parent)


def test_attach_to_an_entry_and_a_project_then_refusals(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    journal = open_journal(data_dir)
    add_project(journal, "Onboarding checklist")
    journal.close()
    run(data_dir, "add", "--text", "Wrote the spec")
    spec = tmp_path / "spec.pdf"
    spec.write_bytes(PDF)
    name = f"{hashlib.sha256(PDF).hexdigest()}.pdf"

    done = run(data_dir, "attach", spec, "--entry", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"to entry #1 as attachments/{name}\n")
    assert (data_dir / "attachments" / name).read_bytes() == PDF
    done = run(data_dir, "attach", spec, "--project", "onboarding checklist")
    assert done.returncode == 0, done.stderr

    assert_refused(run(data_dir, "attach", spec, "--entry", "1"), "attached to entry #1 already")
    assert_refused(run(data_dir, "attach", spec), "exactly one of --entry ID or --project NAME")
    fake = tmp_path / "photo.jpg"
    fake.write_text("not really a photo")
    assert_refused(run(data_dir, "attach", fake, "--entry", "1"), "photo.jpg", "not an image")
    assert_refused(run(data_dir, "attach", tmp_path / "gone.png", "--entry", "1"), "no such file")
    assert sorted(p.name for p in (data_dir / "attachments").iterdir()) == [name]


def test_export_import_export_through_the_cli_is_byte_identical_with_attachments(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "journal"
    run(data_dir, "add", "--text", "Wrote the spec")
    spec = tmp_path / "spec.pdf"
    spec.write_bytes(PDF)
    assert run(data_dir, "attach", spec, "--entry", "1").returncode == 0
    first = tmp_path / "first.json"
    exported = run(data_dir, "export", "--format", "json", "--out", first)
    assert "1 attachment" in exported.stdout, exported.stderr

    copy = tmp_path / "copy"
    imported = run(copy, "import", first)
    assert imported.returncode == 0, imported.stderr
    second = tmp_path / "second.json"
    run(copy, "export", "--format", "json", "--out", second)

    assert second.read_bytes() == first.read_bytes()
    name = f"{hashlib.sha256(PDF).hexdigest()}.pdf"
    assert (copy / "attachments" / name).read_bytes() == PDF
