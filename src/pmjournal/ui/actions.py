"""Every command of the app as a QAction with its shortcut, for menus and the palette.

Zim and Obsidian list every command with its shortcut in a palette; a QAction is the one
place that holds a command's name, shortcut and handler, so menus, palette and tests agree.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from pmjournal.ui.theme import ThemeMode


class Actions:
    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self.by_id: dict[str, QAction] = {}

    def add(
        self,
        action_id: str,
        text: str,
        handler: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self._owner)
        action.setObjectName(action_id)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: handler())
        self._owner.addAction(action)
        self.by_id[action_id] = action
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self.by_id[action_id]

    def palette_entries(self) -> list[tuple[str, str, QAction]]:
        """(label, shortcut text, action) of every enabled command."""
        return [
            (
                action.text().replace("&", ""),
                action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                action,
            )
            for action in self.by_id.values()
            if action.isEnabled()
        ]


def menu_layout(views: int) -> dict[str, list[str | None]]:
    """The menu bar: each menu's action ids in order, ``None`` for a separator."""
    return {
        "&File": [
            "new-entry",
            "new-weekly",
            "new-on-day",
            "new-weekly-on-day",
            None,
            "delete-entry",
            None,
            "profile",
            "reminder",
            None,
            "quit",
        ],
        "&Edit": ["undo", "redo", None, "search", "palette"],
        "&Go": ["back", "forward"],
        "&View": [f"view-{n}" for n in range(1, views + 1)]
        + [None, "preview", "focus-editor", None]
        + [f"theme-{m.value}" for m in ThemeMode],
        "&Help": ["about"],
    }


def add_menus(bar: QMenuBar, commands: Actions, views: int) -> None:
    for title, ids in menu_layout(views).items():
        menu = bar.addMenu(title)
        for action_id in ids:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(commands[action_id])
