"""Inline links with completion: ``@`` a project, ``+`` a skill, ``#`` a tag.

The sigil and the letters typed after it are replaced by a chip (a real link, stored on the
entry), so the entry's text stays the user's prose. Suggestions keep the journal's order (most
recently used first), so the usual project is one Enter away; Tab links the highlighted name
and opens the same list again for the next one (two skills: ``+`` Tab Enter).
The list never takes the focus: keys stay in the editor, which keeps typing uninterrupted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit

from pmjournal.domain.link_names import LinkNames

KINDS = {"@": "project", "+": "skill", "#": "tag"}
_TOKEN = re.compile(r"(?:^|(?<=\s))([@+#])([^\s@+#]*)$")
_LinkRole = Qt.ItemDataRole.UserRole + 1


def fold(text: str) -> str:
    """Lower case without accents, so "resume" finds "Résumé"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggestions(names: tuple[str, ...], typed: str, exclude: set[str]) -> list[str]:
    """Names containing ``typed``; those starting with it first, each group in journal order."""
    wanted = fold(typed)
    left = [n for n in names if n.casefold() not in exclude and wanted in fold(n)]
    return [n for n in left if fold(n).startswith(wanted)] + [
        n for n in left if not fold(n).startswith(wanted)
    ]


class LinkCompleter(QObject):
    linked = Signal(str, str)

    def __init__(
        self,
        edit: QPlainTextEdit,
        names: Callable[[], LinkNames],
        linked_names: Callable[[str], set[str]],
    ) -> None:
        super().__init__(edit)
        self._edit = edit
        self._names = names
        self._linked_names = linked_names
        self._dismissed_at: int | None = None
        self.popup = QListWidget(edit)
        self.popup.setObjectName("link-suggestions")
        self.popup.setAccessibleName("Link suggestions")
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setUniformItemSizes(True)
        self.popup.hide()
        self.popup.itemClicked.connect(lambda item: self._accept(item, keep_open=False))
        edit.installEventFilter(self)
        edit.textChanged.connect(self._update)
        edit.cursorPositionChanged.connect(self._update)

    def _token(self) -> tuple[str, str, int] | None:
        cursor = self._edit.textCursor()
        if cursor.hasSelection():
            return None
        before = cursor.block().text()[: cursor.positionInBlock()]
        match = _TOKEN.search(before)
        if match is None:
            return None
        return match.group(1), match.group(2), cursor.position() - len(match.group(0))

    def _update(self) -> None:
        token = self._token()
        if token is None or self._edit.isReadOnly():
            self._dismissed_at = None
            self.popup.hide()
            return
        sigil, typed, start = token
        if self._dismissed_at == start:
            return
        kind = KINDS[sigil]
        names: LinkNames = self._names()
        pool = {"project": names.projects, "skill": names.skills, "tag": names.tags}[kind]
        self.popup.clear()
        for name in suggestions(pool, typed, self._linked_names(kind))[:50]:
            self._add(f"{sigil}{name}", kind, name)
        if self.popup.count() == 0:
            if kind == "tag" and typed:
                self._add(f"New tag #{typed}", kind, typed)
            else:
                item = QListWidgetItem(
                    f"No {kind} matches “{typed}”" if typed else f"No {kind}s yet"
                )
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.popup.addItem(item)
        self.popup.setCurrentRow(0)
        self._place()

    def _add(self, label: str, kind: str, name: str) -> None:
        item = QListWidgetItem(label)
        item.setData(_LinkRole, (kind, name))
        self.popup.addItem(item)

    def _place(self) -> None:
        rect = self._edit.cursorRect()
        rows = min(self.popup.count(), 8)
        height = rows * max(self.popup.sizeHintForRow(0), 18) + 2 * self.popup.frameWidth()
        width = min(max(self.popup.sizeHintForColumn(0) + 40, 220), self._edit.width() - 8)
        x = min(rect.left() + self._edit.viewport().x(), self._edit.width() - width - 4)
        y = rect.bottom() + self._edit.viewport().y() + 4
        if y + height > self._edit.height():
            y = max(0, rect.top() + self._edit.viewport().y() - height - 4)
        self.popup.setGeometry(max(0, x), y, width, height)
        self.popup.show()
        self.popup.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._edit or not self.popup.isVisible():
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            row = (self.popup.currentRow() + step) % max(self.popup.count(), 1)
            self.popup.setCurrentRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            item = self.popup.currentItem()
            if item is None or item.data(_LinkRole) is None:
                self.popup.hide()
                return key != Qt.Key.Key_Return and key != Qt.Key.Key_Enter
            self._accept(item, keep_open=key == Qt.Key.Key_Tab)
            return True
        if key == Qt.Key.Key_Escape:
            token = self._token()
            self._dismissed_at = token[2] if token else None
            self.popup.hide()
            return True
        return False

    def _accept(self, item: QListWidgetItem, *, keep_open: bool) -> None:
        token = self._token()
        link = item.data(_LinkRole)
        if token is None or link is None:
            return
        sigil, _typed, start = token
        cursor = self._edit.textCursor()
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self._edit.setTextCursor(cursor)
        self.popup.hide()
        self.linked.emit(*link)
        if keep_open:
            self._edit.insertPlainText(sigil)
