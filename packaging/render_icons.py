"""Render the pmjournal icon from its one source, ``resources/icons/pmjournal.svg``, to PNGs.

The freedesktop icon theme wants a PNG per size under ``hicolor/NxN/apps`` (plus the SVG under
``hicolor/scalable/apps``), and Windows and macOS icon files are built from the same PNGs. Qt's
own SVG renderer does the work, so building the icons needs nothing beyond the app's own
dependencies; ``make dist`` runs this, and nothing rendered is committed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / "pmjournal.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_NAME = "io.github.pmjournal"


def render(source: Path, theme_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write ``theme_dir/NxN/apps/ICON_NAME.png`` for each size and the scalable SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise ValueError(f"{source}: not an SVG Qt can render")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = theme_dir / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise OSError(f"{target}: could not write the icon")
        written.append(target)
    scalable = theme_dir / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    return [*written, scalable]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("theme_dir", type=Path, help="the hicolor folder to write into")
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    for path in render(args.source, args.theme_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
