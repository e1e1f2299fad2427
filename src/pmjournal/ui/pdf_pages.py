"""Page images of a PDF for the in-app preview, drawn by PDFium (pypdfium2).

Qt's own PDF module is not in the PySide6 wheels, so PDFium renders each page into a buffer
that becomes a ``QImage``. A ``QImage`` (unlike a ``QPixmap``) may be made off the GUI thread,
so the worker renders and the view only shows. A large portfolio has hundreds of pages; the
preview draws the first few and says how many there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

PREVIEW_PAGES = 12
PREVIEW_WIDTH = 420


@dataclass(frozen=True)
class PageImages:
    path: Path
    images: tuple[QImage, ...]
    total: int


def render_pages(path: Path, width: int = PREVIEW_WIDTH, limit: int = PREVIEW_PAGES) -> PageImages:
    """The first ``limit`` pages of ``path``, each ``width`` pixels wide, and the page count."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        images = []
        for index in range(min(len(document), limit)):
            page = document[index]
            bitmap = page.render(
                scale=width / page.get_width(), prefer_bgrx=True, rev_byteorder=True
            )
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            images.append(image.copy())
            bitmap.close()
            page.close()
        return PageImages(path, tuple(images), len(document))
    finally:
        document.close()
