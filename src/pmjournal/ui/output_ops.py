"""The career-output calls the Outputs view makes, as plain functions the worker thread runs.

Every one of them reads the whole journal on a large journal, with the garbage collector held
off (``tasks.collector_paused``), and returns only small values: a view that kept the whole
snapshot would make every later full collection walk it, on whichever thread triggers it.
Each is a thin use of a service, imported inside the function (the services bring SQLAlchemy,
Jinja2 and the Markdown renderer, which the window's first paint does without). The portfolio
PDF itself is not built here but in a child process (``ui/portfolio_process.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pmjournal.domain.bullet_text import plain_text
from pmjournal.ui.tasks import collector_paused

if TYPE_CHECKING:
    from pmjournal.services.career.bullets import Bullet
    from pmjournal.services.career.stories import StoryBook
    from pmjournal.services.career.weekly import WeeklyUpdate
    from pmjournal.services.journal import Journal


@dataclass(frozen=True)
class ProjectChoice:
    """A project the portfolio can hold, and what its case study still lacks."""

    name: str
    missing: tuple[str, ...]

    @property
    def readiness(self) -> str:
        return "ready" if not self.missing else f"missing: {', '.join(self.missing)}"


@dataclass(frozen=True)
class PortfolioOptions:
    projects: tuple[ProjectChoice, ...]
    themes: tuple[str, ...]
    papers: tuple[str, ...]


def portfolio_options(journal: Journal) -> PortfolioOptions:
    """The shareable projects with content (what ``pmjournal portfolio`` may include)."""
    from pmjournal.render.templates import PAPERS, THEMES
    from pmjournal.services.snapshot import load_snapshot

    with collector_paused():
        snapshot = load_snapshot(journal)
    return PortfolioOptions(
        tuple(ProjectChoice(p.name, p.missing) for p in snapshot.projects),
        tuple(THEMES),
        tuple(PAPERS),
    )


@dataclass(frozen=True)
class ProjectBulletRows:
    """One project's bullets, without the project's entries (see the module's docstring)."""

    project_id: int
    project: str
    bullets: tuple[Bullet, ...]


def bullets(journal: Journal) -> tuple[ProjectBulletRows, ...]:
    from pmjournal.services.career.bullets import load_bullets

    with collector_paused():
        report = load_bullets(journal)
    return tuple(
        ProjectBulletRows(g.project.id, g.project.name, g.bullets) for g in report.projects
    )


def pin(journal: Journal, project: str, position: int, text: str) -> None:
    from pmjournal.services.career.bullets import pin_bullet

    pin_bullet(journal, project, position, text)


def unpin(journal: Journal, project: str, position: int) -> None:
    from pmjournal.services.career.bullets import unpin_bullet

    unpin_bullet(journal, project, position)


def bullets_plain(groups: tuple[ProjectBulletRows, ...]) -> str:
    """Every bullet as plain text to paste into a résumé form: a project, then its bullets."""
    blocks = []
    for group in groups:
        lines = [group.project, *(f"- {b.text}" for b in group.bullets)]
        blocks.append("\n".join(lines))
    return plain_text("\n\n".join(blocks)) + "\n" if blocks else ""


def save_bullets(journal: Journal, out: Path, kind: str) -> Path:
    """Write the bullets as ``markdown`` or ``json-resume`` to ``out``, atomically."""
    from pmjournal.services.career import bullets as service
    from pmjournal.services.output_files import write_text

    with collector_paused():
        report = service.load_bullets(journal, ascii_only=kind == "json-resume")
    if kind == "json-resume":
        from pmjournal.services.career.json_resume import render_json_resume

        text = render_json_resume(report)
    else:
        text = service.render_markdown(report)
    return write_text(out, text, protected=journal.files)


@dataclass(frozen=True)
class WeeklyText:
    update: WeeklyUpdate
    markdown: str
    text: str


def weekly(journal: Journal, day: date) -> WeeklyText:
    """The update of the ISO week holding ``day``, in both forms a user pastes."""
    from pmjournal.domain.dates import iso_week_label
    from pmjournal.services.career import weekly as service

    with collector_paused():
        update = service.weekly_update(journal, iso_week_label(day))
    return WeeklyText(update, service.render_markdown(update), service.render_text(update))


def stories(journal: Journal) -> StoryBook:
    from pmjournal.services.career.stories import load_stories

    with collector_paused():
        return load_stories(journal)


def remove_partials(out: Path) -> list[Path]:
    from pmjournal.services.output_files import remove_partials as remove

    return remove(out)
