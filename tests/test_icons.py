"""The app icon: one SVG in ``resources/icons``, rendered to every size the desktops want."""

from __future__ import annotations

from pathlib import Path

import render_icons
from PySide6.QtGui import QImage


def test_every_size_is_rendered_from_the_one_source(tmp_path: Path) -> None:
    written = render_icons.render(render_icons.SOURCE, tmp_path)
    assert len(written) == len(render_icons.SIZES) + 1
    for size in render_icons.SIZES:
        image = QImage(str(tmp_path / f"{size}x{size}" / "apps" / "io.github.pmjournal.png"))
        assert (image.width(), image.height()) == (size, size)
        corner, middle = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0, "the rounded square leaves the corners transparent"
        assert middle.alpha() == 255, f"{size} px: the mark is drawn, not blank"
    scalable = tmp_path / "scalable" / "apps" / "io.github.pmjournal.svg"
    assert scalable.read_bytes() == render_icons.SOURCE.read_bytes()


def test_the_source_ships_inside_the_package() -> None:
    """The window can load the icon through importlib.resources, installed or bundled."""
    from importlib.resources import files

    shipped = files("pmjournal.resources").joinpath("icons", "pmjournal.svg")
    assert shipped.read_bytes() == render_icons.SOURCE.read_bytes()
