from __future__ import annotations

from pmjournal.domain.entry_templates import (
    DAILY_PROMPTS,
    first_answer_position,
    template_text,
    without_prompts,
    written_words,
)
from pmjournal.domain.vocab import EntryKind


def test_a_template_has_every_prompt_and_no_words_of_the_user() -> None:
    text = template_text(EntryKind.DAILY)
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == list(DAILY_PROMPTS)
    assert written_words(text) == 0
    assert written_words(template_text(EntryKind.WEEKLY)) == 0


def test_the_cursor_starts_under_the_first_prompt() -> None:
    text = template_text(EntryKind.DAILY)
    position = first_answer_position(text)
    assert text[:position] == "## What did I work on?\n"


def test_written_words_count_the_answers_and_headings_of_the_user() -> None:
    text = template_text(EntryKind.DAILY).replace(
        "## What did I learn?\n", "## What did I learn?\nSQL window functions, finally.\n"
    )
    assert written_words(text) == 4
    assert written_words("## My own heading\nTwo words") == 5


def test_without_prompts_leaves_what_the_user_wrote() -> None:
    text = template_text(EntryKind.DAILY).replace(
        "## What did I work on?\n", "## What did I work on?\nInterviewed six users.\n"
    )
    assert without_prompts(text) == "Interviewed six users."
    assert without_prompts("## My own heading\nText") == "## My own heading\nText"
