"""The main window: sidebar, views, menus, status bar. Wiring only; the work is elsewhere."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pmjournal import __version__
from pmjournal.domain.changes import Changes
from pmjournal.domain.vocab import EntryKind
from pmjournal.ui import journal_ops
from pmjournal.ui.actions import Actions, add_menus
from pmjournal.ui.dialogs.errors import show_error
from pmjournal.ui.navigation import History, Target
from pmjournal.ui.outside_writes import OutsideWritesWatch
from pmjournal.ui.signals import JournalSignals
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.theme import ThemeMode, apply_theme
from pmjournal.ui.undo_commands import DeleteEntry
from pmjournal.ui.views.entry_editor import AUTOSAVE_MS
from pmjournal.ui.views.journal_view import JournalView
from pmjournal.ui.views.outputs_view import OutputsView
from pmjournal.ui.views.record_views import RecordViews

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.services.search import SearchHit
    from pmjournal.ui.dialogs.command_palette import CommandPalette
    from pmjournal.ui.dialogs.profile_dialog import ProfileDialog
    from pmjournal.ui.dialogs.search_dialog import SearchDialog
    from pmjournal.ui.dialogs.welcome_dialog import WelcomeDialog
    from pmjournal.ui.reminder_tray import ReminderTray

VIEWS = ("Journal", "Projects", "Skills", "Feedback", "Goals", "People", "Outputs")


def _view_row(title: str) -> int | None:
    return VIEWS.index(title) if title in VIEWS else None


class MainWindow(QMainWindow):
    def __init__(
        self,
        journal: Journal,
        runner: TaskRunner,
        settings: QSettings,
        *,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.runner = runner
        self.settings = settings
        self.read_only = False
        self.setWindowTitle("pmjournal")
        self.setObjectName("main-window")
        self.signals = JournalSignals()
        self.outside_writes: OutsideWritesWatch | None = None
        self.undo_stack = QUndoStack(self)

        self.journal_view = JournalView(journal, runner, autosave_ms)
        self.journal_view.statusMessage.connect(self.show_status)
        self.journal_view.editor.saveStateChanged.connect(self._show_save_state)
        self.records = RecordViews(journal, runner, self.undo_stack, autosave_ms)
        self.records.linkActivated.connect(self.open_target)
        self.records.visited.connect(self._visited)
        self.records.statusMessage.connect(self.show_status)
        self.history = History()
        self._going_back = False
        self.stack = QStackedWidget()
        self.stack.addWidget(self.journal_view)
        for widget in self.records.widgets():
            self.stack.addWidget(widget)
        self.outputs_view = OutputsView(journal, runner, settings)
        self.outputs_view.statusMessage.connect(self.show_status)
        self.outputs_view.recordOpened.connect(self.open_record)
        self.stack.addWidget(self.outputs_view)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Views")
        self.sidebar.addItems(list(VIEWS))
        self.sidebar.setFixedWidth(150)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 7px 10px; }")
        self.sidebar.currentRowChanged.connect(self.show_view)
        self.banner = QLabel()
        self.banner.setObjectName("read-only-banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#f6d365;color:#3a2a00;padding:8px;border-bottom:1px solid #c9a227;"
        )
        self.banner.hide()
        body = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addLayout(row, 1)
        self.setCentralWidget(body)
        self.save_state = QLabel("")
        self.save_state.setObjectName("save-state")
        self.statusBar().addPermanentWidget(self.save_state)
        self.setTabOrder(self.sidebar, self.journal_view.calendar)

        self.commands = Actions(self)
        self._build_actions()
        self._build_menus()
        self.signals.changed.connect(self._changed)
        self.search_dialog: SearchDialog | None = None
        self.palette_dialog: CommandPalette | None = None
        self.welcome_dialog: WelcomeDialog | None = None
        self.reminder: ReminderTray | None = None
        self.profile_dialog: ProfileDialog | None = None
        self._restore_settings()

    # actions and menus

    def _build_actions(self) -> None:
        add, view = self.commands.add, self.journal_view
        add("new-entry", "&New entry for today", lambda: self._new(EntryKind.DAILY), "Ctrl+N")
        add("new-weekly", "New &weekly entry", lambda: self._new(EntryKind.WEEKLY), "Ctrl+Shift+N")
        add(
            "new-on-day",
            "New entry on &selected day",
            lambda: self._new(EntryKind.DAILY, on_selected_day=True),
            "Ctrl+Alt+N",
        )
        add(
            "new-weekly-on-day",
            "New weekly entry on selected &day",
            lambda: self._new(EntryKind.WEEKLY, on_selected_day=True),
            "Ctrl+Alt+Shift+N",
        )
        add("delete-entry", "&Delete entry", self.delete_entry, "Ctrl+Shift+Backspace")
        add("reminder", "Weekly &reminder…", self.edit_reminder)
        add("profile", "&Profile and internships…", self.open_profile, "Ctrl+,")
        add("quit", "&Quit", self.close, "Ctrl+Q")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undo")
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        redo.setObjectName("redo")
        for action in (undo, redo):
            self.addAction(action)
            self.commands.by_id[action.objectName()] = action
        add("back", "&Back", self.go_back, "Alt+Left")
        add("forward", "&Forward", self.go_forward, "Alt+Right")
        add("search", "&Search…", self.open_search, "Ctrl+K")
        add("palette", "&Command palette…", self.open_palette, "Ctrl+Shift+P")
        add("preview", "&Preview", view.editor.toggle_preview, "Ctrl+E")
        add("focus-editor", "Go to &editor", view.editor.focus_text, "Ctrl+L")
        for number, title in enumerate(VIEWS, start=1):
            add(
                f"view-{number}",
                f"Show {title}",
                partial(self.sidebar.setCurrentRow, number - 1),
                f"Alt+{number}",
            )
        group = QActionGroup(self)
        for mode in ThemeMode:
            action = add(
                f"theme-{mode.value}",
                f"Theme: {mode.value.title()}",
                partial(self.set_theme, mode),
            )
            action.setCheckable(True)
            group.addAction(action)
        add("about", "&About pmjournal", self.about)

    def _build_menus(self) -> None:
        add_menus(self.menuBar(), self.commands, len(VIEWS))

    # settings

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        view = int(str(self.settings.value("window/view", 0) or 0))
        self.sidebar.setCurrentRow(view if 0 <= view < len(VIEWS) else 0)
        mode = ThemeMode(str(self.settings.value("theme", ThemeMode.SYSTEM.value)))
        self.commands[f"theme-{mode.value}"].setChecked(True)

    def set_theme(self, mode: ThemeMode) -> None:
        self.settings.setValue("theme", mode.value)
        self.commands[f"theme-{mode.value}"].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, mode)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.journal_view.editor.flush()
        self.records.flush()
        self.outputs_view.shutdown()
        if self.reminder is not None:
            self.reminder.hide()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/view", self.sidebar.currentRow())
        self.settings.sync()
        if self.outside_writes is not None:
            self.outside_writes.stop()
        self.signals.detach()
        super().closeEvent(event)

    # what the actions do

    def show_view(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            if self.sidebar.currentRow() != row:
                self.sidebar.setCurrentRow(row)
            self.records.shown(row)
            self._visited(Target(VIEWS[row]))

    # links between records, and the way back

    def open_target(self, target: Target) -> None:
        """Open what a link names (an entry, project, skill, person…) and remember the way."""
        travelling, self._going_back = self._going_back, True
        try:
            if target.kind == "entry" and isinstance(target.key, int):
                self.show_view(0)
                self.journal_view.open_entry_id(target.key)
            else:
                row = self.records.open(target)
                row = _view_row(target.kind) if row is None else row
                if row is not None:
                    self.show_view(row)
        finally:
            self._going_back = travelling
        self._visited(target)

    def _visited(self, target: Target) -> None:
        """Remember a record or view the user went to; not while a link or Back opens it."""
        if not self._going_back:
            self.history.visit(target)

    def go_back(self) -> None:
        self._travel(self.history.back())

    def go_forward(self) -> None:
        self._travel(self.history.forward())

    def _travel(self, target: Target | None) -> None:
        if target is None:
            return
        self._going_back = True
        try:
            self.open_target(target)
        finally:
            self._going_back = False

    def _new(self, kind: EntryKind, *, on_selected_day: bool = False) -> None:
        if self.read_only:
            self.show_status("The journal is read-only: nothing can be written")
            return
        self.show_view(0)
        if on_selected_day:
            self.journal_view.new_entry_on_selected_day(kind)
        else:
            self.journal_view.new_entry(kind)
        self._show_save_state("New entry: start typing")

    def delete_entry(self) -> None:
        entry_id = self.journal_view.current_entry_id()
        if entry_id is None or self.read_only:
            self.show_status("Open or select an entry to delete it")
            return
        self.journal_view.editor.flush()
        self.undo_stack.push(
            DeleteEntry(
                self.runner,
                self.journal,
                entry_id,
                deleted=lambda: self.show_status(
                    "Entry deleted. Edit ▸ Undo (Ctrl+Z) brings it back."
                ),
                restored=self._restored,
            )
        )

    def _restored(self, entry_id: int) -> None:
        self.journal_view.open_entry_id(entry_id)
        self.show_status("Entry restored")

    def open_search(self) -> None:
        from pmjournal.ui.dialogs.search_dialog import SearchDialog

        self.search_dialog = SearchDialog(self.journal, self.runner, self)
        self.search_dialog.hitChosen.connect(self.open_hit)
        self.search_dialog.open()
        self.search_dialog.query.setFocus()

    def open_hit(self, hit: SearchHit) -> None:
        if hit.kind == "entry":
            self.show_view(0)
            self.journal_view.open_entry_id(hit.id)
        else:
            self.open_target(Target(hit.kind, hit.id))

    def open_profile(self) -> None:
        from pmjournal.ui.dialogs.profile_dialog import ProfileDialog

        self.profile_dialog = ProfileDialog(self.journal, self.runner, self.undo_stack, self)
        self.profile_dialog.load()
        self.profile_dialog.open()

    def open_record(self, kind: str, record_id: int) -> None:
        """Evidence of an output: an entry opens in the Journal view, the rest in theirs."""
        if kind == "entry":
            self.show_view(0)
            self.journal_view.open_entry_id(record_id)
        else:
            self.show_view(1)
            self.show_status(f"The {kind} views arrive in part 2")

    def open_palette(self) -> None:
        from pmjournal.ui.dialogs.command_palette import CommandPalette

        self.palette_dialog = CommandPalette(self.commands.palette_entries(), self)
        self.palette_dialog.open()
        self.palette_dialog.query.setFocus()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About pmjournal",
            f"<h3>pmjournal {__version__}</h3><p>A local-first work journal for product "
            "interns. Your journal stays on this computer.</p>",
        )

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_save_state(self, text: str) -> None:
        self.save_state.setText(text)
        self.save_state.setAccessibleName(f"Save state: {text}")

    def _changed(self, changes: Changes) -> None:
        self.journal_view.apply(changes)
        self.outputs_view.apply(changes)
        self.records.apply(changes)

    # first run and faults

    def start(self) -> None:
        """Once the journal is open: listen to its changes, load the views, maybe welcome."""
        self.signals.attach(self.journal.changes)
        self.outside_writes = OutsideWritesWatch(self.journal, self)
        self.journal_view.load()
        self.records.start(self.sidebar.currentRow())
        if not self.read_only:
            self._start_reminder()
        if not self.read_only:
            self.runner.run(lambda: journal_ops.first_run(self.journal), self._welcome)

    def _welcome(self, first_run: bool) -> None:
        if not first_run:
            return
        from pmjournal.ui.dialogs.welcome_dialog import WelcomeDialog

        self.welcome_dialog = WelcomeDialog(self)
        self.welcome_dialog.finished.connect(self._welcomed)
        self.welcome_dialog.open()

    def _welcomed(self, _result: int) -> None:
        from pmjournal.ui.dialogs.welcome_dialog import WelcomeChoice

        dialog = self.welcome_dialog
        if dialog is None:
            return
        if dialog.choice is WelcomeChoice.DEMO:
            self.show_status("Loading the demo journal…")
            self.runner.run(
                lambda: journal_ops.load_demo(self.journal),
                lambda _none: self.show_status("The demo journal is loaded"),
                lambda error: show_error(self, error),
            )
        elif dialog.choice is WelcomeChoice.CREATE:
            person = dialog.profile()
            organisation, role = dialog.organisation.text(), dialog.role.text()
            start = dialog.start_date()
            self.runner.run(
                lambda: journal_ops.start_journal(self.journal, person, organisation, role, start),
                lambda _none: self.show_status(
                    "Your journal is ready: Ctrl+N writes today's entry"
                ),
                lambda error: self._welcome_refused(dialog, error),
            )
        self.journal_view.editor.text.setFocus()

    def _welcome_refused(self, dialog: WelcomeDialog, error: BaseException) -> None:
        """Say what to fix, then show the welcome again with what the user typed."""
        show_error(self, error)
        dialog.open()

    def _start_reminder(self) -> None:
        from pmjournal.ui.reminder_tray import ReminderTray

        self.reminder = ReminderTray(
            self.journal,
            self.runner,
            self.settings,
            self.windowIcon(),
            new_entry=partial(self._new_from_tray, EntryKind.DAILY),
            new_weekly=partial(self._new_from_tray, EntryKind.WEEKLY),
            show_window=self.bring_forward,
        )

    def _new_from_tray(self, kind: EntryKind) -> None:
        self.bring_forward()
        self._new(kind)

    def edit_reminder(self) -> None:
        from pmjournal.ui.dialogs.reminder_dialog import edit_reminder

        if edit_reminder(self.settings, self) and self.reminder is not None:
            self.reminder.apply()

    def bring_forward(self) -> None:
        """Another ``pmjournal`` was started: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def set_read_only(self, reason: str) -> None:
        self.read_only = True
        self.banner.setText(f"Read-only: {reason} You can read and search; nothing will be saved.")
        self.banner.show()
        self.journal_view.editor.set_read_only(True)
        for action_id in (
            "new-entry",
            "new-weekly",
            "new-on-day",
            "new-weekly-on-day",
            "delete-entry",
        ):
            self.commands[action_id].setEnabled(False)
        self._show_save_state("Read-only")
