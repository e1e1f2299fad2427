"""Render the desktop app's screenshots for the README: ``make screenshots``.

    .venv/bin/python docs/screenshots.py [--out docs/img]

The journal view, Ctrl+K search, the first-run welcome, the record views (Projects with its
metrics, Skills, Feedback and its dialog, Goals, People, Profile and internships) and the
Outputs view with a generated portfolio's preview, each at 1280×800, in the light and the dark
theme, from the real widgets over a fresh demo journal (offscreen, so no display is needed). A
dialog is painted over its window where it would appear.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QPoint, QSettings, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pmjournal.services.demo.generate import generate_demo
from pmjournal.services.journal import open_journal
from pmjournal.services.records.entries import recent_entries
from pmjournal.services.records.projects import list_projects
from pmjournal.services.records.skills import list_skills
from pmjournal.ui.app import application
from pmjournal.ui.main_window import MainWindow
from pmjournal.ui.tasks import SyncRunner
from pmjournal.ui.theme import ThemeMode, apply_theme

SIZE = (1280, 800)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def window_on(folder: Path, settings: Path) -> MainWindow:
    journal = open_journal(folder, auto_backup=False)
    window = MainWindow(journal, SyncRunner(), QSettings(str(settings), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    window.start()
    settle()
    return window


def generate_portfolio(window: MainWindow, out: Path) -> None:
    """Generate the demo's portfolio from the Outputs view and wait for its preview."""
    window.show_view(6)
    builder = window.outputs_view.portfolio
    builder.out.setText(str(out))
    loop = QEventLoop()
    builder.previewShown.connect(loop.quit)
    builder.process.failed.connect(lambda message: sys.exit(f"portfolio failed: {message}"))
    QTimer.singleShot(120_000, loop.quit)
    builder.start()
    loop.exec()
    if not builder.page_labels():
        raise SystemExit("the portfolio preview shows no page")


def shot(window: QWidget, dialog: QDialog | None, path: Path) -> None:
    """The window at 1280×800; a dialog drawn over it, the window dimmed as a modal does."""
    settle()
    picture = QPixmap(window.grab())
    if dialog is not None:
        settle()
        over = dialog.grab()
        painter = QPainter(picture)
        painter.setOpacity(0.45)
        painter.fillRect(picture.rect(), QColor("#000000"))
        painter.setOpacity(1.0)
        painter.drawPixmap(QPoint((picture.width() - over.width()) // 2, 90), over)
        painter.end()
    picture.save(str(path))
    print(f"wrote {path} ({picture.width()}×{picture.height()})")


def record_views(window: MainWindow, out: Path, mode: ThemeMode) -> None:
    """Projects (the richest case study), Skills, Feedback, Goals, People; feedback's dialog."""
    records = window.records
    window.show_view(1)
    projects = records.projects
    settle()
    richest = max(list_projects(window.journal).items, key=lambda p: p.metric_count + p.entry_count)
    projects.open_project(richest.id)
    shot(window, None, out / f"desktop-projects-{mode}.png")
    projects.editor.verticalScrollBar().setValue(projects.editor.verticalScrollBar().maximum())
    shot(window, None, out / f"desktop-project-metrics-{mode}.png")
    window.show_view(2)
    skills = records.skills
    busiest = max(list_skills(window.journal).items, key=lambda s: s.evidence_count)
    skills.open_skill(busiest.name)
    shot(window, None, out / f"desktop-skills-{mode}.png")
    window.show_view(3)
    records.feedback.list.setCurrentRow(0)
    shot(window, None, out / f"desktop-feedback-{mode}.png")
    records.feedback.record_new()
    shot(window, records.feedback.dialog, out / f"desktop-feedback-dialog-{mode}.png")
    if records.feedback.dialog is not None:
        records.feedback.dialog.reject()
    window.show_view(4)
    records.goals.list.setCurrentRow(0)
    shot(window, None, out / f"desktop-goals-{mode}.png")
    window.show_view(5)
    records.people.list.setCurrentRow(0)
    shot(window, None, out / f"desktop-people-{mode}.png")
    window.open_profile()
    shot(window, window.profile_dialog, out / f"desktop-profile-dialog-{mode}.png")
    if window.profile_dialog is not None:
        window.profile_dialog.reject()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory(prefix="pmjournal-shots-") as scratch:
        root = Path(scratch)
        demo = root / "demo"
        journal = open_journal(demo, auto_backup=False)
        generate_demo(journal)
        newest = next(e for e in recent_entries(journal, 40) if e.projects and e.skills)
        journal.close()
        for mode in (ThemeMode.LIGHT, ThemeMode.DARK):
            apply_theme(app, mode)
            window = window_on(demo, root / f"{mode}.ini")
            window.journal_view.open_entry_id(newest.id)
            window.journal_view.list.setCurrentIndex(window.journal_view.model.index(0))
            shot(window, None, args.out / f"desktop-journal-{mode}.png")

            window.open_search()
            dialog = window.search_dialog
            assert dialog is not None
            dialog.query.setText("onboarding checklist")
            shot(window, dialog, args.out / f"desktop-search-{mode}.png")
            dialog.close()

            generate_portfolio(window, root / f"portfolio-{mode}.pdf")
            shot(window, None, args.out / f"desktop-outputs-{mode}.png")
            record_views(window, args.out, mode)
            window.close()
            window.journal.close()

            empty = window_on(root / f"empty-{mode}", root / f"empty-{mode}.ini")
            welcome = empty.welcome_dialog
            assert welcome is not None
            shot(empty, welcome, args.out / f"desktop-welcome-{mode}.png")
            welcome.close()
            empty.close()
            empty.journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
