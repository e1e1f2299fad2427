"""Pieces of the desktop app that need no window: fuzzy matching, suggestions, themes, tasks."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from pmjournal.ui.app import application
from pmjournal.ui.fuzzy import fuzzy_score, ranked
from pmjournal.ui.tasks import WorkerRunner
from pmjournal.ui.theme import ThemeMode, apply_theme
from pmjournal.ui.views.day_calendar import shade_alpha
from pmjournal.ui.views.link_completer import fold, suggestions


def test_fuzzy_matching_prefers_word_starts() -> None:
    labels = ["Open calendar", "New entry for today", "New weekly entry"]
    assert ranked("ne", labels)[-1] == "Open calendar"
    assert ranked("nefo", labels)[0] == "New entry for today"
    assert ranked("nwe", labels)[0] == "New weekly entry"
    assert fuzzy_score("zz", "New entry") is None


def test_suggestions_fold_accents_and_put_prefixes_first() -> None:
    names = ("Market research", "Résumé review", "User research")
    assert fold("Résumé") == "resume"
    assert suggestions(names, "res", set()) == ["Résumé review", "Market research", "User research"]
    assert suggestions(names, "", {"market research"}) == ["Résumé review", "User research"]


def test_days_are_shaded_by_the_words_written() -> None:
    assert shade_alpha(0) == 0
    assert 0 < shade_alpha(5) < shade_alpha(60) < shade_alpha(300)


def test_light_and_dark_themes(qtbot: QtBot) -> None:
    app = application()
    apply_theme(app, ThemeMode.DARK)
    dark = app.palette().color(QPalette.ColorRole.Window).lightness()
    apply_theme(app, ThemeMode.LIGHT)
    light = app.palette().color(QPalette.ColorRole.Window).lightness()
    assert dark < 80 < 200 < light
    apply_theme(app, ThemeMode.SYSTEM)
    assert app.property("pmjournalTheme") == "system"


def test_the_worker_runs_tasks_in_order_off_the_gui_thread(qtbot: QtBot) -> None:
    application()
    runner = WorkerRunner()
    seen: list[tuple[int, bool]] = []
    errors: list[BaseException] = []
    gui = threading.get_ident()
    try:
        for number in range(5):
            runner.run(
                lambda n=number: (n, threading.get_ident() != gui),
                lambda result: seen.append(result) if threading.get_ident() == gui else None,
            )
        runner.run(lambda: 1 / 0, lambda _r: None, errors.append)
        qtbot.waitUntil(lambda: len(seen) == 5 and len(errors) == 1, timeout=3000)
    finally:
        runner.shutdown()
    assert seen == [(n, True) for n in range(5)]
    assert isinstance(errors[0], ZeroDivisionError)


def test_emitting_a_signal_costs_true_no_reference() -> None:
    """PySide6 6.12.0's emit() returned True unowned: the process aborted at exit (bool_dealloc)."""

    class Sender(QObject):
        fired = Signal()

    sender = Sender()
    before = sys.getrefcount(True)
    for _ in range(1000):
        sender.fired.emit()
    assert sys.getrefcount(True) >= before
