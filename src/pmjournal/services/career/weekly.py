"""The weekly status update: done, learned, feedback, blockers and next, for one ISO week.

Built only from what was recorded that week, read through ``load_snapshot`` like every other
output. A weekly entry's "## Done / ## Learned / ## Blockers / ## Next" sections are the
user's own summary and lead each part; the daily entries add what was done, by project.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pmjournal.domain.dates import iso_week_label, parse_iso_week
from pmjournal.domain.redaction import CONFIDENTIAL_PROJECT_PLACEHOLDER
from pmjournal.domain.sentences import clean_markdown, sentences
from pmjournal.domain.snapshot_views import EntryView, FeedbackView
from pmjournal.services.snapshot import load_snapshot
from pmjournal.storage.database import Journal

OTHER = "Other"
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Headings users write for each part of a week, lower-case; the first is the canonical one.
SECTIONS: dict[str, tuple[str, ...]] = {
    "done": ("done", "did", "what i did", "shipped", "progress", "this week"),
    "learned": ("learned", "learnt", "what i learned", "learning", "learnings"),
    "blockers": ("blockers", "blocked", "blocker", "risks", "blockers and risks"),
    "next": ("next", "next week", "plan", "plans", "next steps", "plan for next week"),
}
_SECTION_OF = {alias: key for key, aliases in SECTIONS.items() for alias in aliases}


def split_sections(body: str) -> dict[str, list[str]]:
    """Items under each known heading of a Markdown body; '' holds the text before any.

    List items are items; other paragraphs count as one item each. Unknown headings end the
    section before them, so their text is not mistaken for a blocker or a plan.
    """
    found: dict[str, list[str]] = {}
    current: str | None = ""
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph and current is not None:
            found.setdefault(current, []).append(" ".join(paragraph))
        paragraph.clear()

    for line in body.splitlines():
        heading = _HEADING.match(line)
        if heading:
            flush()
            current = _SECTION_OF.get(clean_markdown(heading.group(1)).lower().rstrip(":"))
        elif not line.strip():
            flush()
        else:
            if _ITEM.match(line):
                flush()
            paragraph.append(clean_markdown(line))
    flush()
    return found


@dataclass(frozen=True)
class DoneItem:
    day: date
    text: str


@dataclass(frozen=True)
class WeeklyUpdate:
    week: str
    monday: date
    sunday: date
    summary: tuple[str, ...]
    done: tuple[tuple[str, tuple[DoneItem, ...]], ...]
    learned: tuple[str, ...]
    skills: tuple[tuple[str, int], ...]
    feedback: tuple[FeedbackView, ...]
    blockers: tuple[str, ...]
    next_week: tuple[str, ...]
    entries: tuple[EntryView, ...]

    @property
    def empty(self) -> bool:
        return not self.entries and not self.feedback


def _headline(entry: EntryView, sections: dict[str, list[str]]) -> str:
    """What an entry says it did: its title, else its first sentence."""
    if entry.title:
        return entry.title
    first = sentences(" ".join(sections.get("", [])) or entry.body)
    return first[0] if first else ""


def _public(items: list[str]) -> list[str]:
    """The items that are not about confidential work: an item naming "a confidential
    project" tells the reader nothing but that it exists, and a part holding only such
    items would print as a bare heading."""
    return [i for i in items if CONFIDENTIAL_PROJECT_PLACEHOLDER not in i.casefold()]


def weekly_update(
    journal: Journal, week: str | None = None, today: date | None = None
) -> WeeklyUpdate:
    """The update for ``week`` (YYYY-Www), by default the week holding ``today``."""
    label = week or iso_week_label(today or date.today())
    monday, sunday = parse_iso_week(label)
    snapshot = load_snapshot(journal, include_empty=True, period=(monday, sunday))
    entries, feedback = snapshot.entries, snapshot.feedback
    parts: dict[str, list[str]] = {key: [] for key in SECTIONS}
    by_project: dict[str, list[DoneItem]] = {}
    skills: Counter[str] = Counter()
    for entry in entries:
        sections = split_sections(entry.body)
        for key in SECTIONS:
            parts[key] += _public(sections.get(key, []))
        skills.update(dict.fromkeys(entry.skills, 1))
        if "done" in sections:
            continue
        headline = _headline(entry, sections)
        if headline and _public([headline]):
            first, *others = entry.projects or (OTHER,)
            also = f" (also {', '.join(others)})" if others else ""
            by_project.setdefault(first, []).append(DoneItem(entry.date, headline + also))
    for item in feedback:
        skills.update(dict.fromkeys(item.skills, 1))
    done = sorted(by_project.items(), key=lambda pair: (pair[0] == OTHER, -len(pair[1])))
    return WeeklyUpdate(
        week=label,
        monday=monday,
        sunday=sunday,
        summary=tuple(parts["done"]),
        done=tuple((name, tuple(items)) for name, items in done),
        learned=tuple(parts["learned"]),
        skills=tuple(sorted(skills.items(), key=lambda pair: (-pair[1], pair[0]))),
        feedback=feedback,
        blockers=tuple(parts["blockers"]),
        next_week=tuple(parts["next"]),
        entries=entries,
    )


def _span(update: WeeklyUpdate) -> str:
    """'6–12 Jul 2026', '29 Jun – 5 Jul 2026', '28 Dec 2026 – 3 Jan 2027'."""
    first, last = update.monday, update.sunday
    if first.year != last.year:
        return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    if first.month == last.month:
        return f"{first.day}–{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"


def _feedback_line(item: FeedbackView) -> str:
    who = item.person or "someone"
    about = f" on {', '.join(item.projects)}" if item.projects else ""
    line = f"{item.date:%a}, {who} ({item.relationship}, {item.kind}){about}: “{item.text}”"
    return line + (f" Follow-up: {item.follow_up}" if item.follow_up else "")


def _parts(update: WeeklyUpdate) -> list[tuple[str, list[str], list[tuple[str, list[str]]]]]:
    """(heading, items, sub-groups) for each part that has something to say."""
    skills = ", ".join(f"{name} ({count})" if count > 1 else name for name, count in update.skills)
    learned = [*update.learned, *([f"Skills practised: {skills}"] if skills else [])]
    done_groups = [
        (project, [f"{item.day:%a}: {item.text}" for item in items])
        for project, items in update.done
    ]
    parts = [
        ("What I did", list(update.summary), done_groups),
        ("What I learned", learned, []),
        ("Feedback received", [_feedback_line(f) for f in update.feedback], []),
        ("Blockers", list(update.blockers), []),
        ("Next week", list(update.next_week), []),
    ]
    return [p for p in parts if p[1] or p[2]]


def render_markdown(update: WeeklyUpdate) -> str:
    title = f"Weekly update: {update.week} ({_span(update)})"
    if update.empty:
        return f"## {title}\n\nNothing recorded this week: no entries and no feedback.\n"
    lines = [f"## {title}", ""]
    for heading, items, groups in _parts(update):
        lines += [f"### {heading}", ""]
        lines += [f"- {item}" for item in items]
        for name, group in groups:
            lines += ["", f"**{name}**", "", *(f"- {item}" for item in group)]
        lines.append("")
    return "\n".join(lines)


def render_text(update: WeeklyUpdate) -> str:
    """Plain text for an email or a chat message: no Markdown marks, short lines of items."""
    title = f"Weekly update, {update.week} ({_span(update)})"
    if update.empty:
        return f"{title}\n\nNothing recorded this week: no entries and no feedback.\n"
    lines = [title, ""]
    for heading, items, groups in _parts(update):
        lines.append(heading.upper())
        lines += [f"- {item}" for item in items]
        for name, group in groups:
            lines += ["", f"{name}:", *(f"  - {item}" for item in group)]
        lines.append("")
    return "\n".join(lines)
