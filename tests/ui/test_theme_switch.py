"""Switching the theme while the window is open repaints every widget, styled ones included."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pmjournal.ui.app import application
from pmjournal.ui.theme import ThemeMode, apply_theme
from tests.ui.conftest import OpenWindow


def test_the_sidebar_turns_dark_with_the_window(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    apply_theme(application(), ThemeMode.LIGHT)
    window = open_window(intern_dir)
    sidebar = window.sidebar
    empty_area = (sidebar.width() // 2, sidebar.height() - 20)
    assert sidebar.grab().toImage().pixelColor(*empty_area).lightness() > 200

    window.set_theme(ThemeMode.DARK)
    qtbot.wait(50)
    assert sidebar.grab().toImage().pixelColor(*empty_area).lightness() < 80
    window.set_theme(ThemeMode.LIGHT)
    qtbot.wait(50)
    assert sidebar.grab().toImage().pixelColor(*empty_area).lightness() > 200
