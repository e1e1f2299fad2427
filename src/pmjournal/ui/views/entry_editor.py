"""The entry editor: Markdown text, links as chips, a preview, and autosave on a pause.

RedNotebook saves every ten minutes and has data-loss reports; here an entry is saved about a
second after typing stops, and the status bar says "Saved" once the write has committed.
Undo and redo are the text document's own (Ctrl+Z, Ctrl+Shift+Z).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from pmjournal.domain.entry_templates import first_answer_position, template_text, written_words
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.link_names import LinkNames
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import EntryKind
from pmjournal.ui import journal_ops
from pmjournal.ui.journal_ops import EntryFields
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.chip_bar import ChipBar
from pmjournal.ui.views.link_completer import LinkCompleter
from pmjournal.ui.views.markdown_highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

AUTOSAVE_MS = 1000
NO_ENTRY = "No entry open"
EMPTY_HINT = "No entry open. Ctrl+N writes today's entry; Ctrl+Shift+N this week's."


@dataclass
class _Document:
    """The entry being edited; saves of one document run one after another."""

    day: date
    kind: EntryKind
    entry_id: int | None = None
    links: dict[str, list[str]] = field(
        default_factory=lambda: {"project": [], "skill": [], "tag": []}
    )
    saving: bool = False
    pending: EntryFields | None = None


class EntryEditor(QWidget):
    saveStateChanged = Signal(str)
    entrySaved = Signal(EntryRecord)

    def __init__(
        self, journal: Journal, runner: TaskRunner, autosave_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._doc: _Document | None = None
        self._loading = False
        self._read_only = False
        self._names = LinkNames()
        self._renderer: object | None = None

        self._heading = QLabel(NO_ENTRY)
        self._heading.setObjectName("entry-heading")
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self._heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        self.text = QPlainTextEdit()
        self.text.setObjectName("entry-text")
        self.text.setAccessibleName("Entry text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(EMPTY_HINT)
        self.text.setReadOnly(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.text.document().setDocumentMargin(10)
        MarkdownHighlighter(self.text.document())
        self.chips = ChipBar()
        self.chips.removed.connect(self._unlink)
        self.completer = LinkCompleter(self.text, lambda: self._names, self._linked_lower)
        self.completer.linked.connect(self._link)
        self.preview = QTextBrowser()
        self.preview.setObjectName("entry-preview")
        self.preview.setAccessibleName("Preview")
        self.preview.setOpenLinks(False)
        self.preview.hide()

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.text)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.chips)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_now)
        self.text.textChanged.connect(self._edited)

    # what is open

    @property
    def entry_id(self) -> int | None:
        return self._doc.entry_id if self._doc else None

    @property
    def day(self) -> date | None:
        return self._doc.day if self._doc else None

    def links(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._doc.links.items()} if self._doc else {}

    def new_entry(self, day: date, kind: EntryKind) -> None:
        """A fresh template for ``day``; nothing is written until the user types."""
        self.flush()
        self._show(_Document(day, kind), template_text(kind))
        cursor = self.text.textCursor()
        cursor.setPosition(first_answer_position(self.text.toPlainText()))
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def open_entry(self, record: EntryRecord) -> None:
        if self._doc and self._doc.entry_id == record.id:
            return
        self.flush()
        doc = _Document(record.date, EntryKind(record.kind), record.id)
        doc.links = {
            "project": list(record.projects),
            "skill": list(record.skills),
            "tag": list(record.tags),
        }
        self._show(doc, record.body)
        self.saveStateChanged.emit("Saved")

    def relinked(self, record: EntryRecord | None) -> None:
        """Another view changed the open entry's links (a skill deleted, merged or brought
        back): show them, so the next save does not write the old ones back. Not while the
        user's own edit waits to be saved; that save wins, as it would in any other order."""
        doc = self._doc
        if record is None or doc is None or doc.entry_id != record.id:
            return
        if doc.saving or self._timer.isActive():
            return
        doc.links = {
            "project": list(record.projects),
            "skill": list(record.skills),
            "tag": list(record.tags),
        }
        self._show_links()

    def close_entry(self) -> None:
        """Show nothing (after the open entry was deleted)."""
        self._timer.stop()
        self._doc = None
        self._loading = True
        self.text.setPlainText("")
        self._loading = False
        self.text.setReadOnly(True)
        self._heading.setText(NO_ENTRY)
        self.chips.set_links([])

    def _show(self, doc: _Document, body: str) -> None:
        self._doc = doc
        self._loading = True
        self.text.setPlainText(body)
        self._loading = False
        self.text.setReadOnly(self._read_only)
        kind = "Weekly entry ·" if doc.kind is EntryKind.WEEKLY else "Entry of"
        self._heading.setText(f"{kind} {doc.day:%A %d %B %Y}")
        self._show_links()
        self._refresh_preview()

    def set_link_names(self, names: LinkNames) -> None:
        self._names = names

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.text.setReadOnly(read_only or self._doc is None)

    # links

    def _linked_lower(self, kind: str) -> set[str]:
        return {n.casefold() for n in self._doc.links[kind]} if self._doc else set()

    def _link(self, kind: str, name: str) -> None:
        if self._doc and name.casefold() not in self._linked_lower(kind):
            self._doc.links[kind].append(name)
            self._show_links()
            self._edited()

    def _unlink(self, kind: str, name: str) -> None:
        if self._doc and not self._read_only:
            self._doc.links[kind] = [n for n in self._doc.links[kind] if n != name]
            self._show_links()
            self._edited()
            self.text.setFocus()

    def _show_links(self) -> None:
        links = self._doc.links if self._doc else {}
        self.chips.set_links([(kind, name) for kind, names in links.items() for name in names])

    # saving

    def _edited(self) -> None:
        if self._loading or self._doc is None:
            return
        self.saveStateChanged.emit("Editing…")
        self._timer.start()
        self._refresh_preview()

    def _draft(self, doc: _Document) -> EntryFields:
        return EntryFields(
            text=self.text.toPlainText(),
            day=doc.day,
            kind=doc.kind,
            projects=tuple(doc.links["project"]),
            skills=tuple(doc.links["skill"]),
            tags=tuple(doc.links["tag"]),
        )

    def flush(self) -> None:
        """Save now if a save is waiting for the pause (before switching entry or quitting)."""
        if self._timer.isActive():
            self._timer.stop()
            self.save_now()

    def save_now(self) -> None:
        doc = self._doc
        if doc is None or self._read_only:
            return
        if doc.entry_id is None and written_words(self.text.toPlainText()) == 0:
            self.saveStateChanged.emit("Nothing to save yet")
            return
        self._save(doc, self._draft(doc))

    def _save(self, doc: _Document, draft: EntryFields) -> None:
        if doc.saving:
            doc.pending = draft
            return
        doc.saving = True
        if doc is self._doc:
            self.saveStateChanged.emit("Saving…")
        entry_id = doc.entry_id
        self._runner.run(
            lambda: journal_ops.save_entry(self._journal, entry_id, draft),
            lambda record: self._saved(doc, record),
            lambda error: self._not_saved(doc, error),
        )

    def _saved(self, doc: _Document, record: EntryRecord) -> None:
        doc.saving = False
        doc.entry_id = record.id
        if doc.pending is not None:
            draft, doc.pending = doc.pending, None
            self._save(doc, draft)
            return
        if doc is self._doc and not self._timer.isActive():
            self.saveStateChanged.emit("Saved")
        self.entrySaved.emit(record)

    def _not_saved(self, doc: _Document, error: BaseException) -> None:
        doc.saving = False
        doc.pending = None
        if not isinstance(error, ValidationError):
            raise error
        if doc is self._doc:
            self.saveStateChanged.emit(f"Not saved: {error.message}")

    # preview

    def toggle_preview(self) -> None:
        self.preview.setVisible(not self.preview.isVisible())
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        if not self.preview.isVisible():
            return
        from pmjournal.render.markdown_html import MarkdownRenderer

        if not isinstance(self._renderer, MarkdownRenderer):
            self._renderer = MarkdownRenderer()
        self.preview.setHtml(str(self._renderer.html(self.text.toPlainText())))

    def focus_text(self) -> None:
        self.text.setFocus()
        self.text.moveCursor(QTextCursor.MoveOperation.End)
