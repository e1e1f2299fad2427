"""The case study's trade-off in the project editor: between the approach and the outcome,
reached with Tab, saved a moment after typing stops, and refused (named) when over its cap."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenWindow, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from pmjournal.services.records.projects import find_project
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.views.project_editor import ProjectEditor

ALT = Qt.KeyboardModifier.AltModifier
TRADEOFF = "I chose a checklist over a product tour: 70% skipped the tour — admins return"


def open_new_project(qtbot: QtBot, window: MainWindow, name: str) -> ProjectEditor:
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    view = window.records.projects
    view.new_name.setFocus()
    qtbot.keyClicks(view.new_name, name)
    qtbot.keyClick(view.new_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.editor.name.text() == name)
    return view.editor


def form_labels(editor: ProjectEditor) -> list[str]:
    """The case-study rows of the editor's form, top to bottom, as the user reads them."""
    [form] = [layout for layout in editor.findChildren(QFormLayout)]
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item else None
        if isinstance(label, QLabel):
            labels.append(label.text())
    return labels


def test_the_tradeoff_sits_between_approach_and_outcome_and_autosaves(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    editor = open_new_project(qtbot, window, "Onboarding checklist")
    labels = form_labels(editor)
    approach = labels.index("Approach")
    assert labels[approach : approach + 3] == ["Approach", "Trade-off or alternative", "Outcome"]
    tradeoff = editor.fields["tradeoff"]
    assert tradeoff.accessibleName() == "Trade-off or alternative"
    assert "I chose X over Y" in tradeoff.placeholderText()

    editor.fields["approach"].setFocus()
    type_text(editor.fields["approach"], "Interviews, then a prototype")
    qtbot.keyClick(editor.fields["approach"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tradeoff, "Tab goes from the approach to the trade-off"
    type_text(tradeoff, TRADEOFF)
    assert editor.save_state.text() == "Edited"
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)

    saved = find_project(window.journal, "Onboarding checklist")
    assert (saved.approach, saved.tradeoff) == ("Interviews, then a prototype", TRADEOFF)
    assert saved.outcome == ""

    editor.reload()
    qtbot.waitUntil(lambda: editor.fields["tradeoff"].toPlainText() == TRADEOFF)


def test_a_tradeoff_over_its_cap_is_named_and_saves_nothing(
    qtbot: QtBot, open_window: OpenWindow, intern_dir: Path
) -> None:
    window = open_window(intern_dir)
    editor = open_new_project(qtbot, window, "Pricing")
    tradeoff = editor.fields["tradeoff"]
    tradeoff.setFocus()
    type_text(tradeoff, "Annual plans first")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)

    tradeoff.setPlainText("x" * 100_001)  # a paste
    qtbot.waitUntil(lambda: editor.save_state.text() == "Not saved", timeout=5000)
    assert editor.error.isVisible() and editor.error.field == "tradeoff"
    assert "100,000" in editor.error.text()
    assert find_project(window.journal, "Pricing").tradeoff == "Annual plans first"
