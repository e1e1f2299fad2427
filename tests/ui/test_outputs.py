"""The Outputs view on the demo journal: portfolio, bullets, weekly update and stories.

The portfolio is built by the real ``pmjournal portfolio`` child process; the other tabs run
their services through the window's (synchronous) runner.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from conftest import OpenWindow
from pdf_checks import pdf_text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from pmjournal.services.career.bullets import load_bullets
from pmjournal.ui.main_window import MainWindow

OUTPUTS = 6
CHOSEN = {"Faster first report", "Scheduled report digest"}
LEFT_OUT = "Guided onboarding checklist"


class TimerWatch:
    """A 16 ms timer on the GUI thread, recording how late each tick came."""

    def __init__(self) -> None:
        self.ticks = 0
        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(16)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.016)
        self._last = now
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


def outputs(window: MainWindow) -> MainWindow:
    window.show_view(OUTPUTS)
    return window


def test_a_portfolio_of_the_chosen_projects_while_the_window_stays_live(
    open_window: OpenWindow, demo_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = outputs(open_window(demo_dir))
    builder = window.outputs_view.portfolio
    rows = [builder.projects.item(r).text() for r in range(builder.projects.count())]
    names = {row.split("  ·  ")[0] for row in rows}
    assert CHOSEN | {LEFT_OUT} <= names
    assert "Competitor migration offer" not in " ".join(names)
    assert all(row.endswith("ready") or "missing:" in row for row in rows)
    builder.set_projects(CHOSEN)
    out = tmp_path / "out" / "portfolio.pdf"
    out.parent.mkdir()
    builder.out.setText(str(out))

    watch = TimerWatch()
    started = time.perf_counter()
    with qtbot.waitSignal(builder.process.built, timeout=120_000):
        builder.generate.click()
        assert not builder.generate.isEnabled() and builder.cancel.isEnabled()
    elapsed = time.perf_counter() - started
    watch.stop()

    text = pdf_text(out)
    assert all(name in text for name in CHOSEN)
    assert LEFT_OUT not in text
    assert watch.ticks >= elapsed / 0.016 / 4
    assert watch.worst < 0.5
    assert len(builder.page_labels()) >= 3
    assert builder.page_labels()[0].pixmap().width() > 300
    assert "pages" in builder.preview_note.text()
    assert builder.open_pdf.isEnabled() and builder.show_folder.isEnabled()

    again = open_window(demo_dir).outputs_view.portfolio
    again.load()
    assert set(again.chosen_projects()) == CHOSEN
    assert again.out.text() == str(out)


def test_a_cancelled_portfolio_leaves_no_file(
    open_window: OpenWindow, demo_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    builder = outputs(open_window(demo_dir)).outputs_view.portfolio
    out = tmp_path / "cancelled" / "portfolio.pdf"
    out.parent.mkdir()
    builder.out.setText(str(out))
    with qtbot.waitSignal(builder.process.progressed, timeout=60_000):
        builder.generate.click()
    with qtbot.waitSignal(builder.process.cancelled, timeout=30_000):
        builder.cancel.click()
    assert list(out.parent.iterdir()) == []
    assert "Cancelled" in builder.state.text()
    assert builder.generate.isEnabled() and not builder.cancel.isEnabled()


def test_closing_the_window_mid_build_leaves_no_file(
    open_window: OpenWindow, demo_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = outputs(open_window(demo_dir))
    builder = window.outputs_view.portfolio
    out = tmp_path / "closed" / "portfolio.pdf"
    out.parent.mkdir()
    builder.out.setText(str(out))
    with qtbot.waitSignal(builder.process.progressed, timeout=60_000):
        builder.generate.click()
    window.close()
    assert not builder.process.running()
    assert list(out.parent.iterdir()) == []


def test_a_refused_portfolio_says_why(
    open_window: OpenWindow, demo_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    builder = outputs(open_window(demo_dir)).outputs_view.portfolio
    builder.out.setText(str(tmp_path / "no such folder" / "portfolio.pdf"))
    with qtbot.waitSignal(builder.process.failed, timeout=60_000):
        builder.generate.click()
    assert "does not exist" in builder.state.text()


def test_an_edited_bullet_is_pinned_and_survives_regeneration(
    open_window: OpenWindow, demo_dir: Path
) -> None:
    window = outputs(open_window(demo_dir))
    view = window.outputs_view.bullets
    window.outputs_view.show_tab(view)
    items = view.bullet_items()
    assert items and any(item.text(2) for item in items), "lint warnings are shown"
    first = items[0]
    view.tree.setCurrentItem(first)
    assert view.evidence.count() >= 1
    project = first.parent().text(0)
    wording = "Cut report setup from 9 to 4 minutes by rewriting the import hints"
    first.setText(0, wording)

    pinned = [i for i in view.bullet_items() if i.text(0) == wording]
    assert len(pinned) == 1 and pinned[0].text(1) == "pinned"
    report = load_bullets(window.journal)
    group = next(g for g in report.projects if g.project.name == project)
    assert group.bullets[0].text == wording and group.bullets[0].pinned

    view.tree.setCurrentItem(pinned[0])
    view.unpin_current()
    assert all(i.text(0) != wording for i in view.bullet_items())


def test_copy_all_bullets_as_plain_text(open_window: OpenWindow, demo_dir: Path) -> None:
    window = outputs(open_window(demo_dir))
    view = window.outputs_view.bullets
    window.outputs_view.show_tab(view)
    view.findChild(QPushButton, "copy-all-bullets").click()
    copied = QApplication.clipboard().text()
    assert view.groups
    for group in view.groups:
        assert group.project in copied
        assert f"- {group.bullets[0].text.split(' ', 1)[0]}" in copied
    assert "–" not in copied and "“" not in copied


def test_an_evidence_entry_opens_in_the_journal(open_window: OpenWindow, demo_dir: Path) -> None:
    window = outputs(open_window(demo_dir))
    view = window.outputs_view.bullets
    window.outputs_view.show_tab(view)
    for item in view.bullet_items():
        view.tree.setCurrentItem(item)
        rows = [view.evidence.item(r) for r in range(view.evidence.count())]
        entry = next((row for row in rows if row.text().startswith("entry:")), None)
        if entry is not None:
            break
    else:
        pytest.fail("no bullet of the demo has an entry as evidence")
    view.evidence.itemActivated.emit(entry)
    assert window.stack.currentIndex() == 0
    assert window.journal_view.current_entry_id() is not None


def test_the_weekly_update_of_a_chosen_week(open_window: OpenWindow, demo_dir: Path) -> None:
    window = outputs(open_window(demo_dir))
    view = window.outputs_view.weekly
    window.outputs_view.show_tab(view)
    assert view.chosen_day() == date.today()
    view.set_day(date(2026, 6, 10))
    assert view.week.text() == "2026-W24"
    assert "148 setup tickets" in view.text.toPlainText()
    view.copy(markdown=True)
    assert QApplication.clipboard().text().startswith("## Weekly update: 2026-W24")
    view.copy(markdown=False)
    assert QApplication.clipboard().text().startswith("Weekly update, 2026-W24")
    view.step(1)
    assert view.week.text() == "2026-W25"


def test_stories_by_competency_with_their_gaps(open_window: OpenWindow, demo_dir: Path) -> None:
    window = outputs(open_window(demo_dir))
    view = window.outputs_view.stories
    window.outputs_view.show_tab(view)
    labels = [view.competencies.item(r).text() for r in range(view.competencies.count())]
    assert "Handling conflict (gap)" in labels
    assert any("Data-driven decision (" in label and "stor" in label for label in labels)
    assert "Situation:" in view.text.toPlainText()
    gap = view.competencies.item(labels.index("Handling conflict (gap)"))
    view.competencies.setCurrentItem(gap)
    shown = view.text.toPlainText()
    assert "Skills that would fill it" in shown and "Situation:" not in shown
