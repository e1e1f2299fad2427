"""Light and dark, following the system's colour scheme unless the user picks one.

Qt ≥ 6.5 reports the system's scheme (``QStyleHints.colorScheme``) and, from 6.8, lets an app
request one; Anki offers the same Light / Dark / System choice. The palettes are set
explicitly as well, so the Fusion style looks the same on every platform (and offscreen).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class ThemeMode(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def _palette(dark: bool) -> QPalette:
    if not dark:
        palette = QPalette(QColor("#f3f3f3"), QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fdb"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Link, QColor("#1f5fc8"))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#707070"))
        return palette
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.ToolTipBase: "#2b2c30",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Button: "#2b2c30",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#4a86e8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Light: "#3a3b40",
        QPalette.ColorRole.Midlight: "#313236",
        QPalette.ColorRole.Mid: "#2a2b2f",
        QPalette.ColorRole.Dark: "#111214",
        QPalette.ColorRole.Shadow: "#000000",
    }
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def is_dark(mode: ThemeMode) -> bool:
    if mode is ThemeMode.SYSTEM:
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return mode is ThemeMode.DARK


def apply_theme(app: QApplication, mode: ThemeMode) -> None:
    """Paint the app in ``mode``; in System mode, repaint when the system's scheme changes."""
    hints = app.styleHints()
    if mode is not ThemeMode.SYSTEM:
        hints.setColorScheme(
            Qt.ColorScheme.Dark if mode is ThemeMode.DARK else Qt.ColorScheme.Light
        )
    else:
        hints.unsetColorScheme()
    app.setStyle("Fusion")
    _set_palette(app, _palette(is_dark(mode)))
    app.setProperty("pmjournalTheme", mode.value)


def _set_palette(app: QApplication, palette: QPalette) -> None:
    """A widget with its own style sheet keeps the palette it was polished with, so it is
    polished again: without this the sidebar stayed light after a switch to Dark."""
    app.setPalette(palette)
    for widget in app.allWidgets():
        if widget.styleSheet():
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
            widget.update()


def follow_system(app: QApplication) -> None:
    """Re-apply the theme when the system's scheme changes and the user chose System."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if app.property("pmjournalTheme") == ThemeMode.SYSTEM.value:
            _set_palette(app, _palette(is_dark(ThemeMode.SYSTEM)))

    app.styleHints().colorSchemeChanged.connect(changed)
