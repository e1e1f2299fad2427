"""Detaching a project's attachment through the widgets on a real journal: the status bar says
what it affects, the real Ctrl+Z brings back the thumbnail and the stored file, Ctrl+Shift+Z and
Ctrl+Y detach it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OpenWindow, drop_files
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from pmjournal.services.records.attachments import attach_file, list_attachments
from pmjournal.services.records.entries import EntryDraft, add_entry
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.views.attachment_strip import AttachmentStrip

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_new_project(qtbot: QtBot, window: MainWindow, name: str) -> AttachmentStrip:
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    view = window.records.projects
    view.new_name.setFocus()
    qtbot.keyClicks(view.new_name, name)
    qtbot.keyClick(view.new_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.editor.name.text() == name)
    return view.editor.attachments


def chart(tmp_path: Path) -> Path:
    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2f6fdb"))
    path = tmp_path / "chart.png"
    assert picture.save(str(path))
    return path


def stored(window: MainWindow) -> list[Path]:
    folder = window.journal.attachments_dir
    return sorted(folder.glob("*.png")) if folder.exists() else []


def detach_selected(qtbot: QtBot, strip: AttachmentStrip, name: str) -> None:
    strip.list.setCurrentItem(strip.list.findItems(name, Qt.MatchFlag.MatchExactly)[0])
    qtbot.mouseClick(strip.detach_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("redo_key", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_detaching_a_file_only_this_project_used_is_said_and_ctrl_z_brings_it_back(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path, tmp_path: Path, redo_key: str
) -> None:
    window = open_window(intern_dir)
    strip = open_new_project(qtbot, window, "Onboarding")
    source = chart(tmp_path)
    drop_files(strip.list.viewport(), [source])
    qtbot.waitUntil(lambda: strip.has_thumbnail("chart.png"))
    [file] = stored(window)
    content = file.read_bytes()

    detach_selected(qtbot, strip, "chart.png")

    qtbot.waitUntil(lambda: strip.names() == [])
    assert stored(window) == []
    assert list_attachments(window.journal, project="Onboarding").total == 0
    said = window.statusBar().currentMessage()
    assert said == (
        "Detached chart.png from Onboarding; the file was only used here — Ctrl+Z brings it back"
    )

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    qtbot.waitUntil(lambda: strip.has_thumbnail("chart.png"))
    assert stored(window) == [file] and file.read_bytes() == content
    assert [a.filename for a in list_attachments(window.journal, project="Onboarding").items] == [
        "chart.png"
    ]
    assert window.statusBar().currentMessage() == "chart.png is attached to Onboarding again"

    if redo_key == "Ctrl+Y":
        qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    else:
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)

    qtbot.waitUntil(lambda: strip.names() == [])
    assert stored(window) == []
    assert list_attachments(window.journal, project="Onboarding").total == 0


def test_detaching_a_file_an_entry_shows_too_keeps_the_file_and_says_so(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path, tmp_path: Path
) -> None:
    window = open_window(intern_dir)
    strip = open_new_project(qtbot, window, "Onboarding")
    source = chart(tmp_path)
    drop_files(strip.list.viewport(), [source])
    qtbot.waitUntil(lambda: strip.has_thumbnail("chart.png"))
    entry = add_entry(window.journal, EntryDraft("Drew the activation chart")).value
    attach_file(window.journal, source, entry_id=entry.id)

    detach_selected(qtbot, strip, "chart.png")

    qtbot.waitUntil(lambda: strip.names() == [])
    assert len(stored(window)) == 1
    assert "the file stays where else it is attached" in window.statusBar().currentMessage()

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    qtbot.waitUntil(lambda: strip.has_thumbnail("chart.png"))
    [record] = list_attachments(window.journal).items
    assert (record.projects, record.entry_ids) == (("Onboarding",), (entry.id,))
