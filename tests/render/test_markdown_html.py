"""The sanitiser: Markdown in, allow-listed HTML out, images only from attachments/."""

from __future__ import annotations

import pytest

from pmjournal.render.markdown_html import MarkdownRenderer, first_sentence, sanitise_html


@pytest.fixture(scope="module")
def md() -> MarkdownRenderer:
    return MarkdownRenderer()


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<iframe src="http://127.0.0.1:9/x">frame</iframe>',
        '<object data="file:///etc/hostname">obj</object>',
        '<embed src="file:///etc/hostname">',
        '<link rel="attachment" href="file:///etc/hostname">',
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
        "<style>@import url(file:///etc/hostname);</style>",
        '<img src="file:///etc/hostname">',
        '<p style="background: url(file:///etc/hostname)">styled</p>',
        '<svg><image href="file:///etc/hostname"/></svg>',
        '<base href="http://127.0.0.1:9/">',
        '<img src="http://127.0.0.1:9/pixel.png">',
        '<img src="//127.0.0.1:9/pixel.png">',
        "![x](http://127.0.0.1:9/pixel.png)",
        "![x](attachments/../journal.sqlite3)",
        "[click](javascript:alert(1))",
        '<a href="file:///etc/hostname" rel="attachment">a</a>',
        '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
    ],
)
def test_hostile_markup_loses_every_way_to_reach_out(md: MarkdownRenderer, hostile: str) -> None:
    html = str(md.html(f"Before {hostile} after"))
    lowered = html.lower()
    for needle in (
        "<script", "<iframe", "<object", "<embed", "<link", "<style", "<svg", "<image",
        "<base", "<meta", "style=", "file:", "http://127", "//127", "javascript:", "rel=",
        "journal.sqlite3", "@import",
    ):  # fmt: skip
        assert needle not in lowered, (hostile, html)
    assert "Before" in html


def test_attachment_images_are_rewritten_to_our_scheme(md: MarkdownRenderer) -> None:
    html = str(md.html("![Funnel](attachments/charts/funnel%20v2.png)"))
    assert 'src="pmj-attachment:charts/funnel%20v2.png"' in html
    assert 'alt="Funnel"' in html


def test_headings_in_notes_become_styled_paragraphs(md: MarkdownRenderer) -> None:
    html = str(md.html("# Big\n\n### Small\n\ntext"))
    assert "<h1" not in html and "<h3" not in html
    assert html.count('class="md-heading"') == 2


def test_ordinary_formatting_survives(md: MarkdownRenderer) -> None:
    html = str(md.html("**bold** _it_ [site](https://example.com)\n\n- one\n- two"))
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert '<a href="https://example.com">site</a>' in html
    assert html.count("<li>") == 2


def test_template_syntax_is_just_text(md: MarkdownRenderer) -> None:
    assert "{{ 7 * 7 }}" in str(md.html("{{ 7 * 7 }} {% raw %}"))


def test_plain_text_drops_markup_and_script_content(md: MarkdownRenderer) -> None:
    assert md.plain("**Hi** <script>evil()</script> *there*") == "Hi there"


def test_sanitise_html_keeps_only_allowed_classes() -> None:
    assert sanitise_html('<p class="md-heading evil">x</p>') == '<p class="md-heading">x</p>'


def test_first_sentence() -> None:
    assert first_sentence("Drop-off was 42%. I led it.") == "Drop-off was 42%."
    assert first_sentence("word " * 100, limit=20).endswith("…")
