"""Daily and weekly entry templates, and how many words of an entry the user wrote.

The prompts come from PRODUCT.md's weekly job: they nudge the intern towards what the
portfolio, the bullets and the weekly update will need later (work, learning, feedback,
measured change, next steps). The calendar shades a day by the user's own words, so a
template that was opened and left empty does not look like a day of work.
"""

from __future__ import annotations

import re

from pmjournal.domain.vocab import EntryKind

DAILY_PROMPTS: tuple[str, ...] = (
    "What did I work on?",
    "What did I learn?",
    "What feedback did I get?",
    "What changed, and by how much?",
    "What's next?",
)
WEEKLY_PROMPTS: tuple[str, ...] = (
    "What did I work on this week?",
    "What did I learn?",
    "What feedback did I get?",
    "What changed, and by how much?",
    "What's blocking me?",
    "What's next week?",
)
_ALL_PROMPTS = frozenset(DAILY_PROMPTS + WEEKLY_PROMPTS)
_WORD = re.compile(r"\w+", re.UNICODE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def prompts_for(kind: EntryKind) -> tuple[str, ...]:
    return WEEKLY_PROMPTS if kind is EntryKind.WEEKLY else DAILY_PROMPTS


def template_text(kind: EntryKind) -> str:
    """The Markdown a new entry starts with: one heading per prompt, room to answer under each."""
    return "\n\n".join(f"## {prompt}\n" for prompt in prompts_for(kind)) + "\n"


def first_answer_position(text: str) -> int:
    """Where the cursor goes in a fresh template: the blank line under the first prompt."""
    newline = text.find("\n")
    return len(text) if newline < 0 else newline + 1


def written_words(text: str) -> int:
    """Words the user wrote, leaving out the template's prompt headings."""
    count = 0
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading and heading.group(1) in _ALL_PROMPTS:
            continue
        count += len(_WORD.findall(line))
    return count


def without_prompts(text: str) -> str:
    """The entry without the template's prompt headings: what the user wrote, for outputs
    that quote an entry's first sentence."""
    kept = []
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading and heading.group(1) in _ALL_PROMPTS:
            continue
        kept.append(line)
    return "\n".join(kept).strip()
