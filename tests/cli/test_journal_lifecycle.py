"""The journal core end to end, as the issue states it: demo, search, export, import, check."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import run_pmjournal


def test_demo_search_export_import_export_gives_identical_json(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"

    assert run_pmjournal("--data-dir", first, "demo", cwd=tmp_path).returncode == 0
    found = run_pmjournal("--data-dir", first, "search", "onboarding", "--json", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and all("<mark>" in hit["snippet"].lower() for hit in hits)

    one, two = tmp_path / "one.json", tmp_path / "two.json"
    run = run_pmjournal(
        "--data-dir", first, "export", "--format", "json", "--out", one, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    run = run_pmjournal("--data-dir", second, "import", one, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run = run_pmjournal(
        "--data-dir", second, "export", "--format", "json", "--out", two, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr

    assert one.read_bytes() == two.read_bytes()
    assert len(json.loads(one.read_bytes())["entries"]) == 60
    for folder in (first, second):
        check = run_pmjournal("--data-dir", folder, "check", cwd=tmp_path)
        assert check.returncode == 0, check.stderr
        assert check.stdout.startswith("OK: schema")
