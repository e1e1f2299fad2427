"""The journal as a folder of Markdown files, readable in any editor and by static-site tools.

One file per entry (``entries/YYYY-MM-DD-<id>-<slug>.md``), one per project
(``projects/<slug>.md``) and an ``index.md`` linking them. Each file opens with YAML front
matter. Every front-matter value is written as JSON, which is also YAML, so no YAML library is
needed and no user text can break out of its quotes. The files are rendered from the shared
read model (``services.snapshot``), so confidential work is left out and confidential names are
replaced exactly as in every other output; the JSON export is the complete backup.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.progress import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from pmjournal.domain.snapshot_views import CareerSnapshot, EntryView, MetricView, ProjectView
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import projects as projects_repo

SLUG_LIMIT = 60
# Names Windows refuses for a file whatever its extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
# Characters JSON leaves raw but YAML forbids or reads as line breaks inside a quoted scalar.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")

_SECTIONS = (
    ("context", "Context"),
    ("problem", "Problem"),
    ("role", "My role"),
    ("approach", "Approach"),
    ("tradeoff", "Trade-offs and alternatives"),
    ("outcome", "Outcome"),
    ("expected_result", "Expected result"),
    ("learnings", "Learnings"),
)


@dataclass(frozen=True)
class LeftOut:
    """How much confidential work the export omits, so the index can say the copy is partial."""

    projects: int
    entries: int


def check_export_folder(folder: Path) -> None:
    """Refuse a target that holds anything, so an export never mixes with or overwrites files."""
    if folder.exists() and not folder.is_dir():
        raise ValidationError(f"{folder} is a file; give a folder for the Markdown export", "out")
    if folder.is_dir() and any(folder.iterdir()):
        raise ValidationError(f"{folder} is not empty; give a new or empty folder", "out")


def export_markdown(
    journal: Journal,
    folder: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> int:
    """Write the journal as Markdown into ``folder`` (new or empty); returns the files written.

    The files are written into a temporary sibling folder that is renamed into place at the
    end, so a failure or a cancel half-way leaves no partial export behind.
    """
    folder = Path(folder)
    check_export_folder(folder)
    progress("reading the journal", 0.0)
    files = render_files(load_snapshot(journal, include_empty=True), _left_out(journal))
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Made with mkdir rather than mkdtemp, so the export gets the user's usual permissions.
    staging = folder.parent / f".{folder.name}.partial-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        for done, (relative, text) in enumerate(files.items()):
            if done % 50 == 0:
                check_cancelled(cancelled, "Markdown export")
                progress("writing Markdown files", done / len(files))
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        check_cancelled(cancelled, "Markdown export")
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress("written", 1.0)
    return len(files)


def _left_out(journal: Journal) -> LeftOut:
    """Counted apart, because the snapshot by design holds nothing of what it hides."""
    with journal.reading() as session:
        return LeftOut(*projects_repo.confidential_counts(session))


def render_files(snapshot: CareerSnapshot, left_out: LeftOut) -> dict[str, str]:
    """Every file of the export, by path relative to the folder (with ``/`` separators)."""
    entry_paths = {e.id: _entry_path(e) for e in snapshot.entries}
    project_paths = _project_paths(sorted(snapshot.projects, key=lambda p: p.id))
    files = {entry_paths[e.id]: _entry_file(e) for e in snapshot.entries}
    for project, path in project_paths:
        files[path] = _project_file(project, entry_paths)
    files["index.md"] = _index_file(snapshot, project_paths, entry_paths, left_out)
    return files


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: safe in a file name on every system."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:SLUG_LIMIT].rstrip("-")


def _entry_path(entry: EntryView) -> str:
    slug = slugify(entry.title or entry.body.strip().split("\n", 1)[0])
    stem = f"{entry.date.isoformat()}-{entry.id}" + (f"-{slug}" if slug else "")
    return f"entries/{stem}.md"


def _project_paths(projects: Sequence[ProjectView]) -> list[tuple[ProjectView, str]]:
    """A file per project named for it; the id breaks ties between names that slug alike."""
    paths = []
    taken: set[str] = set()
    for project in projects:
        slug = slugify(project.name) or f"project-{project.id}"
        while slug in taken or slug in _RESERVED:
            slug = f"{slug}-{project.id}"
        taken.add(slug)
        paths.append((project, f"projects/{slug}.md"))
    return paths


def _entry_file(entry: EntryView) -> str:
    front = {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "kind": entry.kind,
        "title": entry.title,
        "projects": entry.projects,
        "skills": _distinct(entry.skills),
        "tags": entry.tags,
    }
    body = entry.body
    return _front_matter(front) + (body if body.endswith("\n") else body + "\n")


def _project_file(project: ProjectView, entry_paths: dict[int, str]) -> str:
    internship = project.internship
    front = {
        "id": project.id,
        "name": project.name,
        "status": project.status,
        "internship": f"{internship.title}, {internship.organisation}" if internship else None,
        "start_date": _iso(project.start_date),
        "end_date": _iso(project.end_date),
        "skills": _distinct(e.skill for e in project.evidence if e.source == "project"),
    }
    parts = [f"# {_one_line(project.name)}"]
    if project.summary.strip():
        parts.append(project.summary.strip())
    for attr, heading in _SECTIONS:
        text = getattr(project, attr).strip()
        if text:
            parts.append(f"## {heading}\n\n{text}")
    if project.metrics:
        parts.append("## Metrics\n\n" + _metrics_table(project.metrics))
    if project.entries:
        links = [f"- {_entry_link(e, '../' + entry_paths[e.id])}" for e in project.entries]
        parts.append("## Entries\n\n" + "\n".join(links))
    return _front_matter(front) + "\n\n".join(parts) + "\n"


def _metrics_table(metrics: Sequence[MetricView]) -> str:
    """One row per metric, its change written as in every other output."""
    rows = ["| Metric | Change | Measured | Note |", "| --- | --- | --- | --- |"]
    for metric in metrics:
        cells = (metric.name, metric.text, _iso(metric.measured_on) or "", metric.note)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def _index_file(
    snapshot: CareerSnapshot,
    project_paths: list[tuple[ProjectView, str]],
    entry_paths: dict[int, str],
    left_out: LeftOut,
) -> str:
    profile = snapshot.profile
    parts = [f"# {_one_line(profile.name) or 'Journal'}"]
    if profile.headline.strip():
        parts.append(_one_line(profile.headline))
    if project_paths:
        lines = [f"- {_link(p.name, path)} — {p.status}" for p, path in project_paths]
        parts.append("## Projects\n\n" + "\n".join(lines))
    if snapshot.entries:
        lines = [f"- {_entry_link(e, entry_paths[e.id])}" for e in snapshot.entries]
        parts.append("## Entries\n\n" + "\n".join(lines))
    if left_out.projects:
        parts.append(
            f"Left out as confidential: {left_out.projects} project(s) and {left_out.entries} "
            "entry(ies) linked to them. The JSON export keeps everything."
        )
    return "\n\n".join(parts) + "\n"


def _front_matter(values: dict[str, Any]) -> str:
    lines = [f"{key}: {_yaml_value(value)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_value(value: Any) -> str:
    """JSON text, with the few characters YAML reads differently from JSON escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _distinct(names: Iterable[str]) -> list[str]:
    """Each name once, first mention first: a skill practised twice is still one skill."""
    return list(dict.fromkeys(names))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _link(text: str, path: str) -> str:
    label = _one_line(text).replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({path})"


def _entry_link(entry: EntryView, path: str) -> str:
    """'2026-03-02 · Title', or the start of the body when the entry has no title."""
    words = _one_line(entry.title) or _one_line(entry.body)
    if len(words) > SLUG_LIMIT:
        words = words[:SLUG_LIMIT].rstrip() + "…"
    return _link(f"{entry.date.isoformat()} · {words or entry.kind}", path)
