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
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from pmjournal.domain.sentences import first_sentence as first_sentence
from pmjournal.domain.sentences import split_first_sentence as split_first_sentence
from pmjournal.render.markdown_guard import hostile_reason
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
# Hostile text shown as plain text is cut here: a portfolio page is not the place for a
# megabyte of pasted text, and laying it out would take WeasyPrint minutes.
MAX_PLAIN_SHOWN = 5_000
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
    """One Markdown converter for one portfolio build (a converter is not thread-safe).

    Text the guard finds hostile (``markdown_guard``) is shown as escaped plain text, never
    given to Python-Markdown, and a warning naming ``where`` it came from is kept in
    ``warnings`` for the caller to pass on.
    """

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "fenced_code", "smarty", _DemoteHeadingsExtension()]
        )
        self._warnings: dict[str, None] = {}

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self._warnings)

    def _refused(self, text: str, where: str) -> bool:
        reason = hostile_reason(text)
        if reason is None:
            return False
        self._warnings[
            f"{where or 'a text'}: {reason}, so it is shown as plain text"
            + (
                f" (its first {MAX_PLAIN_SHOWN:,} characters)"
                if len(text) > MAX_PLAIN_SHOWN
                else ""
            )
        ] = None
        return True

    def html(self, text: str, where: str = "") -> Markup:
        """Sanitised HTML for ``text``; empty text gives empty markup."""
        if not text.strip():
            return Markup("")
        text = strip_inline_data(text)
        if self._refused(text, where):
            shown = text if len(text) <= MAX_PLAIN_SHOWN else text[:MAX_PLAIN_SHOWN] + " …"
            paragraphs = (p.strip() for p in re.split(r"\n\s*\n", shown))
            return Markup("".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p))
        self._md.reset()
        return Markup(sanitise_html(self._md.convert(text)))

    def plain(self, text: str, where: str = "") -> str:
        """The words of ``text`` without Markdown syntax, on one line."""
        if not text.strip():
            return ""
        text = strip_inline_data(text)
        if self._refused(text, where):
            return " ".join(text[:MAX_PLAIN_SHOWN].split())
        self._md.reset()
        stripped = nh3.clean(
            self._md.convert(text), tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT)
        )
        return " ".join(html.unescape(stripped).split())


_INLINE_DATA = re.compile(r"data:[^\s)\"'<>]*", re.IGNORECASE)


def strip_inline_data(text: str) -> str:
    """``text`` without ``data:`` URIs: an image is shown only from ``attachments/``, so an
    inline one would be dropped anyway, after costing its size in every step before."""
    return _INLINE_DATA.sub("data:,", text) if "data:" in text.lower() else text
