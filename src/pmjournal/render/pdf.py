"""The one place that calls WeasyPrint, always through our fetcher.

WeasyPrint is imported inside the function: it costs 0.6 s, and neither the CLI's other
commands nor the GUI's start-up should pay for it. The HTML has no base URL, so a relative
link in user text resolves to nothing rather than to the working directory, and every
stylesheet goes in as a string through the same fetcher.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from pmjournal.domain.progress import CancelCheck, Cancelled

if TYPE_CHECKING:
    from pmjournal.render.fetcher import FetchRecord, JournalFetcher


class RenderCancelledError(Cancelled):
    """The caller asked to stop the render; nothing was written (the contract's ``Cancelled``)."""

    def __init__(self) -> None:
        super().__init__("portfolio cancelled; nothing was written")


@dataclass(frozen=True)
class PageFill:
    """One laid-out page: the anchors (element ids) on it, and how much of its height the
    content fills (0 to 1), so a caller can spot a page left nearly empty."""

    anchors: frozenset[str]
    filled: float


# A layout the caller may revise once: given the pages, new HTML, or None to keep them.
Refit = Callable[[tuple[PageFill, ...]], str | None]


@dataclass(frozen=True)
class RenderedPdf:
    """What came out: page count, every fetch asked of the fetcher, and characters no font had."""

    pages: int
    fetches: tuple[FetchRecord, ...]
    missing_glyphs: tuple[str, ...]


class _MissingGlyphs(logging.Handler):
    """Hears WeasyPrint's '.notdef glyph rendered' warnings from this thread only."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.characters: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and str(record.msg).startswith(".notdef glyph"):
            args = record.args if isinstance(record.args, tuple) else ()
            self.characters[str(args[0]) if args else "?"] = None


@contextmanager
def _listening_for_missing_glyphs() -> Iterator[_MissingGlyphs]:
    logger = logging.getLogger("weasyprint")
    handler = _MissingGlyphs()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def write_pdf(
    html: str,
    stylesheets: Sequence[str],
    target: BinaryIO,
    *,
    attachments_dir: Path | None,
    fetcher: JournalFetcher | None = None,
    stage: Callable[[str], None] | None = None,
    cancelled: CancelCheck | None = None,
    refit: Refit | None = None,
) -> RenderedPdf:
    """Lay out ``html`` with ``stylesheets`` and write the PDF to ``target``.

    ``stage`` hears "layout" and "write" as each begins; ``cancelled`` is asked between the
    two, which is as fine-grained as WeasyPrint allows. ``refit`` sees how full each page
    came out and may return revised HTML, laid out once more in its place (CSS alone cannot
    say "avoid a nearly empty page").
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from pmjournal.render.fetcher import JournalFetcher

    fetcher = fetcher or JournalFetcher(attachments_dir)
    if stage:
        stage("layout")
    with _listening_for_missing_glyphs() as missing:
        fonts = FontConfiguration()
        css = [CSS(string=text, url_fetcher=fetcher, font_config=fonts) for text in stylesheets]
        page = HTML(string=html, base_url=None, url_fetcher=fetcher)
        document = page.render(stylesheets=css, font_config=fonts)
        revised = refit(tuple(_fill(p) for p in document.pages)) if refit else None
        if revised is not None:
            if cancelled and cancelled():
                raise RenderCancelledError()
            page = HTML(string=revised, base_url=None, url_fetcher=fetcher)
            document = page.render(stylesheets=css, font_config=fonts)
        if cancelled and cancelled():
            raise RenderCancelledError()
        if stage:
            stage("write")
        document.write_pdf(target)
    return RenderedPdf(len(document.pages), tuple(fetcher.log), tuple(missing.characters))


def _fill(page: Any) -> PageFill:
    """How far down a WeasyPrint page its text reaches, as a share of the content area."""
    box = page._page_box
    top, height = box.content_box_y(), box.height
    content = [c for c in box.children if type(c).__name__ != "MarginBox"]
    texts = [b for c in content for b in _boxes(c) if type(b).__name__ == "TextBox"]
    bottoms = [b.position_y + b.height for b in texts]
    filled = (max(bottoms, default=top) - top) / height if height else 1.0
    return PageFill(frozenset(page.anchors), max(0.0, min(1.0, filled)))


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)
