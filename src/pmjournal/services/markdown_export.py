"""The journal as a folder of Markdown files, readable in any editor and by static-site tools.

One file per entry (``entries/YYYY-MM-DD-<id>-<slug>.md``), one per project
(``projects/<slug>.md``) and an ``index.md`` linking them. Each file opens with YAML front
matter. Every front-matter value is written as JSON, which is also YAML, so no YAML library is
needed and no user text can break out of its quotes. The files are rendered from the JSON
export document, so both exports see the same snapshot of the journal; unlike the JSON backup,
confidential work is left out and confidential names are replaced (see ``_View``).
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metrics import Quantity, compute_change, format_change
from pmjournal.domain.redaction import Redactor, build_redactor
from pmjournal.domain.vocab import Direction
from pmjournal.services.exchange import build_document
from pmjournal.services.exchange_schema import COLLECTIONS, Collection, Kind
from pmjournal.storage.database import Journal

SLUG_LIMIT = 60
# Names Windows refuses for a file whatever its extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
# Characters JSON leaves raw but YAML forbids or reads as line breaks inside a quoted scalar.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")

# The collections the Markdown draws on; the rest (people, feedback, goals…) never appear.
_SHOWN = ("skills", "tags", "internships", "projects", "entries", "metrics")

_SECTIONS = (
    ("context", "Context"),
    ("problem", "Problem"),
    ("role", "My role"),
    ("approach", "Approach"),
    ("outcome", "Outcome"),
    ("expected_result", "Expected result"),
    ("learnings", "Learnings"),
)


def check_export_folder(folder: Path) -> None:
    """Refuse a target that holds anything, so an export never mixes with or overwrites files."""
    if folder.exists() and not folder.is_dir():
        raise ValidationError(f"{folder} is a file; give a folder for the Markdown export", "out")
    if folder.is_dir() and any(folder.iterdir()):
        raise ValidationError(f"{folder} is not empty; give a new or empty folder", "out")


def export_markdown(journal: Journal, folder: Path) -> int:
    """Write the journal as Markdown into ``folder`` (new or empty); returns the files written.

    The files are written into a temporary sibling folder that is renamed into place at the
    end, so a failure half-way leaves no partial export behind.
    """
    folder = Path(folder)
    check_export_folder(folder)
    files = render_files(build_document(journal))
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Made with mkdir rather than mkdtemp, so the export gets the user's usual permissions.
    staging = folder.parent / f".{folder.name}.partial-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(files)


def render_files(document: dict[str, Any]) -> dict[str, str]:
    """Every file of the export, by path relative to the folder (with ``/`` separators)."""
    document = _without_confidential_names(document)
    view = _View.of(document)
    files = {view.entry_paths[e["id"]]: _entry_file(e, view) for e in view.entries}
    for project in view.projects:
        files[view.project_paths[project["id"]]] = _project_file(project, view)
    files["index.md"] = _index_file(document, view)
    return files


@dataclass
class _View:
    """What the Markdown may show, indexed for rendering.

    Confidential projects and metrics are left out, and so is every entry linked to a
    confidential project, even alongside a public one: such an entry is confidential itself, as
    in every other output (``services.snapshot``). The JSON export is the complete backup.
    """

    projects: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    hidden: set[int]
    tags: dict[int, str]
    internships: dict[int, dict[str, Any]]
    entry_paths: dict[int, str]
    project_paths: dict[int, str]
    skills_of: dict[tuple[str, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    metrics_of: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    entries_of: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, document: dict[str, Any]) -> _View:
        hidden = {p["id"] for p in document["projects"] if p["confidential"]}
        projects = [p for p in document["projects"] if p["id"] not in hidden]
        entries = sorted(
            (e for e in document["entries"] if _visible(e["project_ids"], hidden)),
            key=lambda e: (e["date"], e["id"]),
        )
        view = cls(
            projects=projects,
            entries=entries,
            hidden=hidden,
            tags={t["id"]: t["name"] for t in document["tags"]},
            internships={i["id"]: i for i in document["internships"]},
            entry_paths={e["id"]: _entry_path(e) for e in entries},
            project_paths=_project_paths(projects),
        )
        skill_names = {s["id"]: s["name"] for s in document["skills"]}
        for item in document["evidence"]:
            name = skill_names[item["skill_id"]]
            for source in ("entry_id", "project_id"):
                key = (source, item[source])
                if item[source] is not None and name not in view.skills_of[key]:
                    view.skills_of[key].append(name)
        for metric in document["metrics"]:
            if not metric["confidential"]:
                view.metrics_of[metric["project_id"]].append(metric)
        for entry in entries:
            for project_id in entry["project_ids"]:
                view.entries_of[project_id].append(entry)
        return view


def _visible(project_ids: list[int], hidden: set[int]) -> bool:
    """Linked to any confidential project means left out; no project at all is fine."""
    return hidden.isdisjoint(project_ids)


def _without_confidential_names(document: dict[str, Any]) -> dict[str, Any]:
    """A copy whose free text names no confidential project or person.

    Leaving out confidential records is not enough: a public entry or project may mention one
    by name, and its title also becomes a file name. So every free-text field the Markdown
    shows is redacted before anything, slugs included, is made from it. The profile's name is
    the user's own and is kept.
    """
    redactor = build_redactor(
        (),
        [(p["name"], p["relationship"]) for p in document["people"] if p["confidential"]],
        [p["name"] for p in document["projects"] if p["confidential"]],
    )
    profile = document["profile"]
    redacted = {**document, "profile": {**profile, "headline": redactor(profile["headline"])}}
    for collection in COLLECTIONS:
        if collection.key in _SHOWN:
            redacted[collection.key] = [
                _redacted(record, collection, redactor) for record in document[collection.key]
            ]
    return redacted


def _redacted(record: dict[str, Any], collection: Collection, redactor: Redactor) -> dict[str, Any]:
    """The record with its free text redacted; ids, dates and vocabulary values untouched."""
    copy = dict(record)
    for spec in collection.fields:
        if spec.kind is Kind.STR and spec.choices is None and copy[spec.key] is not None:
            copy[spec.key] = redactor(copy[spec.key])
    return copy


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: safe in a file name on every system."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:SLUG_LIMIT].rstrip("-")


def _entry_path(entry: dict[str, Any]) -> str:
    slug = slugify(entry["title"] or entry["body"].strip().split("\n", 1)[0])
    stem = f"{entry['date']}-{entry['id']}" + (f"-{slug}" if slug else "")
    return f"entries/{stem}.md"


def _project_paths(projects: list[dict[str, Any]]) -> dict[int, str]:
    """A file per project named for it; the id breaks ties between names that slug alike."""
    paths: dict[int, str] = {}
    taken: set[str] = set()
    for project in projects:
        slug = slugify(project["name"]) or f"project-{project['id']}"
        while slug in taken or slug in _RESERVED:
            slug = f"{slug}-{project['id']}"
        taken.add(slug)
        paths[project["id"]] = f"projects/{slug}.md"
    return paths


def _entry_file(entry: dict[str, Any], view: _View) -> str:
    front = {
        "id": entry["id"],
        "date": entry["date"],
        "kind": entry["kind"],
        "title": entry["title"],
        "projects": [p["name"] for p in view.projects if p["id"] in entry["project_ids"]],
        "skills": view.skills_of[("entry_id", entry["id"])],
        "tags": [view.tags[t] for t in entry["tag_ids"]],
    }
    body = entry["body"]
    return _front_matter(front) + (body if body.endswith("\n") else body + "\n")


def _project_file(project: dict[str, Any], view: _View) -> str:
    internship = view.internships.get(project["internship_id"])
    front = {
        "id": project["id"],
        "name": project["name"],
        "status": project["status"],
        "internship": _internship_label(internship) if internship else None,
        "start_date": project["start_date"],
        "end_date": project["end_date"],
        "skills": view.skills_of[("project_id", project["id"])],
    }
    parts = [f"# {_one_line(project['name'])}"]
    if project["summary"].strip():
        parts.append(project["summary"].strip())
    for key, heading in _SECTIONS:
        if project[key].strip():
            parts.append(f"## {heading}\n\n{project[key].strip()}")
    metrics = view.metrics_of[project["id"]]
    if metrics:
        parts.append("## Metrics\n\n" + _metrics_table(metrics))
    entries = view.entries_of[project["id"]]
    if entries:
        links = [f"- {_entry_link(e, '../' + view.entry_paths[e['id']])}" for e in entries]
        parts.append("## Entries\n\n" + "\n".join(links))
    return _front_matter(front) + "\n\n".join(parts) + "\n"


def _internship_label(internship: dict[str, Any]) -> str:
    return f"{internship['title']}, {internship['organisation']}"


def _metrics_table(metrics: list[dict[str, Any]]) -> str:
    """One row per metric; the change is computed and written as in every other output."""
    rows = ["| Metric | Change | Measured | Note |", "| --- | --- | --- | --- |"]
    for metric in sorted(metrics, key=lambda m: (m["position"], m["id"])):
        unit = metric["unit"]
        baseline_unit = metric["baseline_unit"] or unit
        baseline = (
            None if metric["baseline"] is None else Quantity(metric["baseline"], baseline_unit)
        )
        result = None if metric["result"] is None else Quantity(metric["result"], unit)
        change = compute_change(baseline, result, Direction(metric["better"]))
        cells = (metric["name"], format_change(change), metric["measured_on"] or "", metric["note"])
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def _index_file(document: dict[str, Any], view: _View) -> str:
    profile = document["profile"]
    parts = [f"# {_one_line(profile['name']) or 'Journal'}"]
    if profile["headline"].strip():
        parts.append(_one_line(profile["headline"]))
    if view.projects:
        lines = [
            f"- {_link(p['name'], view.project_paths[p['id']])} — {p['status']}"
            for p in view.projects
        ]
        parts.append("## Projects\n\n" + "\n".join(lines))
    if view.entries:
        lines = [f"- {_entry_link(e, view.entry_paths[e['id']])}" for e in view.entries]
        parts.append("## Entries\n\n" + "\n".join(lines))
    left_out = len(document["entries"]) - len(view.entries)
    if view.hidden:
        parts.append(
            f"Left out as confidential: {len(view.hidden)} project(s) and {left_out} entry(ies) "
            "linked to them. The JSON export keeps everything."
        )
    return "\n\n".join(parts) + "\n"


def _front_matter(values: dict[str, Any]) -> str:
    lines = [f"{key}: {_yaml_value(value)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_value(value: Any) -> str:
    """JSON text, with the few characters YAML reads differently from JSON escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _link(text: str, path: str) -> str:
    label = _one_line(text).replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({path})"


def _entry_link(entry: dict[str, Any], path: str) -> str:
    """'2026-03-02 · Title', or the start of the body when the entry has no title."""
    words = _one_line(entry["title"]) or _one_line(entry["body"])
    if len(words) > SLUG_LIMIT:
        words = words[:SLUG_LIMIT].rstrip() + "…"
    return _link(f"{entry['date']} · {words or entry['kind']}", path)
