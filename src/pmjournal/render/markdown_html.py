"""User Markdown → HTML that is safe to hand to the PDF engine.

Python-Markdown passes raw HTML through untouched (its docs say it does not sanitise), so its
output is cleaned with nh3 against an allow-list: text formatting, lists, quotes, tables, links
to the web, and images only from the journal's ``attachments/`` folder, rewritten to our own
URL scheme. Tags whose content is itself dangerous (script, style, svg, iframe…) are removed
with their content. User headings become styled paragraphs so a note can never add a fourth
heading level or a stray PDF bookmark.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from pmjournal.domain.sentences import first_sentence as first_sentence
from pmjournal.domain.sentences import split_first_sentence as split_first_sentence
from pmjournal.render.resources import ATTACHMENTS_FOLDER, attachment_url, safe_parts

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup",
        "code", "pre", "kbd", "mark", "abbr", "blockquote", "ul", "ol", "li", "dl", "dt",
        "dd", "table", "thead", "tbody", "tr", "th", "td", "a", "img",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_CLASSES = {"p": {"md-heading"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "svg", "math", "iframe", "object", "embed", "template",
        "noscript", "title", "textarea", "select", "head",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _DemoteHeadings(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag in _HEADINGS:
                element.tag = "p"
                element.set("class", "md-heading")


class _DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_DemoteHeadings(md), "pmj_demote_headings", 0)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Keep an image only if it names a file in ``attachments/``; rewrite it to our scheme."""
    if tag != "img" or attribute != "src":
        return value
    parts = safe_parts(unquote(value))
    if parts is None or len(parts) < 2 or parts[0] != ATTACHMENTS_FOLDER:
        return None
    return attachment_url("/".join(parts[1:]))


def sanitise_html(fragment: str) -> str:
    """Clean any HTML fragment against the allow-list."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        url_schemes=set(LINK_SCHEMES),
        attribute_filter=_filter_attribute,
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        link_rel=None,
        strip_comments=True,
    )


class MarkdownRenderer:
    """One Markdown converter for one portfolio build (a converter is not thread-safe)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "fenced_code", "smarty", _DemoteHeadingsExtension()]
        )

    def html(self, text: str) -> Markup:
        """Sanitised HTML for ``text``; empty text gives empty markup."""
        if not text.strip():
            return Markup("")
        self._md.reset()
        return Markup(sanitise_html(self._md.convert(text)))

    def plain(self, text: str) -> str:
        """The words of ``text`` without Markdown syntax, on one line."""
        if not text.strip():
            return ""
        self._md.reset()
        stripped = nh3.clean(
            self._md.convert(text), tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT)
        )
        return " ".join(html.unescape(stripped).split())
