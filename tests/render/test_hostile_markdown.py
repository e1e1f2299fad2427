"""Journal text is untrusted input: no Markdown may make a renderer crash or take minutes.

Each case here took seconds to minutes, or ended in ``RecursionError``, before the guard
(docs/benchmarks.md has the figures). Time bounds are generous for a shared 2-core machine;
the cases they guard against took at least ten times as long.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmjournal.domain.limits import MAX_NAME_CHARS
from pmjournal.render.markdown_guard import MAX_FORMATTED_CHARS, hostile_reason
from pmjournal.render.markdown_html import MAX_PLAIN_SHOWN, MarkdownRenderer
from pmjournal.render.templates import display_name

MB = 1_000_000
# Markdown's special characters and a little prose: what the slow paths are made of.
TOKENS = [
    "[", "]", "(", ")", "![", "](", "<", ">", "*", "_", "`", "~", "#", "-", "+", "1.", " ",
    "\n", "\n\n", "a", "x y", "&", "&amp;", "<a ", '"', "'", "|", ":", "http://x", "<!--",
    "-->", "\\", "    ", "\t", "=", "{", "}", "!", "<b>", "***", "__", "> ", "- ",
]  # fmt: skip

HOSTILE = {
    "nested brackets and images": "[![x](" + "[" * 3,
    "open links": "[a](",
    "open images": "![",
    "nested link text": "[![a](b",
    "open angle brackets": "+!<x y]",
    "one-character paragraphs": "\n\n&",
    "smart quotes": '"',
    "emphasis noise": "x y~*",
}


def timed(function: object, *args: object) -> float:
    started = time.perf_counter()
    function(*args)  # type: ignore[operator]
    return time.perf_counter() - started


@pytest.mark.parametrize("levels", [100, 1_000, 5_000])
@pytest.mark.parametrize(
    "build",
    [
        lambda n: "- " * n + "deep",
        lambda n: "1. " * n + "deep",
        lambda n: "> " * n + "deep",
        lambda n: "\n".join(">" * depth + " deeper" for depth in range(1, n)),
        lambda n: "\n".join("  " * depth + "- deep" for depth in range(n)),
    ],
    ids=["bullets", "numbers", "quotes", "quote lines", "indented lists"],
)
def test_deep_nesting_is_plain_text_with_a_warning(build: object, levels: int) -> None:
    md = MarkdownRenderer()
    text = build(levels)  # type: ignore[operator]
    started = time.perf_counter()
    html = str(md.html(text, "entry #7 of 3 June"))
    plain = md.plain(text, "entry #7 of 3 June")
    assert time.perf_counter() - started < 5
    if len(text) < MAX_PLAIN_SHOWN:
        assert "deep" in html and "deep" in plain
    else:
        assert html.endswith(" …</p>") and len(plain) <= MAX_PLAIN_SHOWN
    assert "<ul>" not in html and "<blockquote>" not in html
    assert md.warnings and md.warnings[0].startswith("entry #7 of 3 June: ")
    assert "plain text" in md.warnings[0]


@pytest.mark.parametrize("unit", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_one_megabyte_hostile_entry_renders_in_seconds(unit: str) -> None:
    text = (unit * (MB // len(unit) + 1))[:MB]
    md = MarkdownRenderer()
    assert timed(md.html, text, "entry #1") < 10
    assert timed(md.plain, text, "entry #1") < 10
    assert md.warnings


@pytest.mark.parametrize("unit", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_just_under_the_length_cap_is_refused_or_quick(unit: str) -> None:
    text = (unit * MAX_FORMATTED_CHARS)[: MAX_FORMATTED_CHARS - 1]
    md = MarkdownRenderer()
    assert timed(md.html, text, "") + timed(md.plain, text, "") < 4


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    unit=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map("".join),
    size=st.sampled_from([2_000, 20_000, 29_000, 200_000]),
)
def test_repeated_markdown_never_crashes_or_stalls(unit: str, size: int) -> None:
    """Repetition is what turns Markdown's slow paths quadratic; any repeated unit must pass."""
    text = (unit * (size // len(unit) + 1))[:size]
    md = MarkdownRenderer()
    assert timed(md.html, text, "") < 3
    assert timed(md.plain, text, "") < 3


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*TOKENS, "é", "漢", "word "]), max_size=120).map("".join))
def test_any_short_text_renders(text: str) -> None:
    md = MarkdownRenderer()
    md.html(text)
    md.plain(text)


def test_ordinary_notes_are_still_formatted() -> None:
    note = (
        "Ran **five** interviews ([notes](https://example.com/notes)).\n\n"
        "- admins got stuck on SSO\n  - two of them twice\n- one asked for *bulk invites*\n\n"
        "> “We need this before the pilot.”\n"
    ) * 20
    assert hostile_reason(note) is None
    md = MarkdownRenderer()
    html = str(md.html(note))
    assert "<strong>five</strong>" in html and "<ul>" in html and "<blockquote>" in html
    assert md.warnings == ()


def test_inline_data_images_are_dropped_before_rendering() -> None:
    image = "![chart](data:image/png;base64," + "iVBORw0KGgo" * 90_000 + ")"
    md = MarkdownRenderer()
    started = time.perf_counter()
    html = str(md.html(f"Before {image} after"))
    assert time.perf_counter() - started < 2
    assert "iVBOR" not in html and "Before" in html and "after" in html


def test_long_names_are_cut_and_given_break_opportunities() -> None:
    name = "Onboarding" * 500
    shown = display_name(name)
    assert len(shown.replace("\u200b", "")) == MAX_NAME_CHARS
    assert shown.endswith("…")
    assert max(len(part) for part in shown.split("\u200b")) <= 12
    assert display_name("Faster first report") == "Faster first report"
    assert display_name("A tidy-name/with-a-long-path-like-word here") != (
        "A tidy-name/with-a-long-path-like-word here"
    )
