"""The preview shows the PDF's sanitised HTML; icon-only buttons have accessible names."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_e_previews_the_entry_as_sanitised_html(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    editor = window.journal_view.editor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(editor.text, "Cut load time by **40%** <script>alert(1)</script>")
    assert not editor.preview.isVisible()
    qtbot.keyClick(editor.text, Qt.Key.Key_E, CTRL)
    assert editor.preview.isVisible()
    html = editor.preview.toHtml()
    assert "40%" in html and "font-weight" in html
    assert "alert" not in editor.preview.toPlainText()
    qtbot.keyClicks(editor.text, " and counting")
    assert "and counting" in editor.preview.toPlainText()


def test_every_button_without_words_has_an_accessible_name(
    qtbot: QtBot, open_window: OpenWindow, demo_dir: Path
) -> None:
    window = open_window(demo_dir)
    view = window.journal_view
    view.list.setCurrentIndex(view.model.index(0))
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert view.editor.chips.chip_texts()
    unnamed = [
        button.objectName() or repr(button)
        for button in window.findChildren(QAbstractButton)
        if button.isVisible() and not button.text().strip(" ✕") and not button.accessibleName()
    ]
    assert unnamed == []
    chip_names = [
        b.accessibleName() for b in window.findChildren(QAbstractButton) if b.text().endswith("✕")
    ]
    assert any(name.startswith("Remove project link") for name in chip_names)
