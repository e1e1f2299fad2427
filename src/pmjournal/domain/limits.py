"""How much one field may hold: the caps that keep every output linear in the journal's size.

Every output reads every field, and some of their steps (Markdown, PDF layout, bullet
extraction) cost more than linear time in the length of one field. Capping a field bounds
that cost, so a journal twice as big takes about twice as long, whatever was pasted into it.
``add``, a project's case-study fields (the trade-off among them) and ``import`` refuse
over-cap text with the field named (docs/format.md lists the caps); the renderers still guard
against older or hand-edited journals.
"""

from __future__ import annotations

import re

from pmjournal.domain.errors import ValidationError

# Project, skill, tag, person and other names: a name is a label, not a paragraph.
MAX_NAME_CHARS = 200
# Entry and internship titles, also shown as headings.
MAX_TITLE_CHARS = 300
# Any other text: an entry's body, a project's narrative, feedback (about 15,000 words).
MAX_TEXT_CHARS = 100_000
# Inline ``data:`` URIs in one text field, summed. Outputs never show them (images come
# from the journal's attachments/ folder), so they are only weight.
MAX_INLINE_DATA_CHARS = 16_384

_INLINE_DATA = re.compile(r"data:[^\s)\"'<>]*", re.IGNORECASE)


def limit_for(key: str) -> int:
    """The cap of a field called ``key`` ("name", "title", "body"...)."""
    if key == "name" or key.endswith("_name"):
        return MAX_NAME_CHARS
    if key == "title":
        return MAX_TITLE_CHARS
    return MAX_TEXT_CHARS


def check_field(text: str, field: str, key: str | None = None) -> None:
    """Refuse ``text`` over its cap, naming ``field``; ``key`` picks the cap (default: the
    last part of ``field``)."""
    limit = limit_for(key or field.rsplit(".", 1)[-1].split("[", 1)[0])
    if len(text) > limit:
        raise ValidationError(
            f"is {len(text):,} characters long; the most a field like this holds is {limit:,}",
            field,
        )
    if "data:" in text or "DATA:" in text.upper():
        inline = sum(len(match) for match in _INLINE_DATA.findall(text))
        if inline > MAX_INLINE_DATA_CHARS:
            raise ValidationError(
                f"holds {inline:,} characters of inline data: images (at most "
                f"{MAX_INLINE_DATA_CHARS:,}); put images in the journal's attachments folder",
                field,
            )
