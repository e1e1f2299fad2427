"""Where a link leads, and the back/forward history of the records the user opened.

Every view names what it shows as a ``Target`` (a record kind and its id or name); a link in
one view emits a target and the main window opens it, remembering the way back as a browser
does (Alt+Left, Alt+Right).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    kind: str
    """"entry", "project", "skill", "person", "feedback", "goal", or a view's name alone."""
    key: int | str | None = None


class History:
    """Targets visited, with a cursor; visiting after going back drops the forward part."""

    def __init__(self) -> None:
        self._visited: list[Target] = []
        self._at = -1

    def visit(self, target: Target) -> None:
        if self._at >= 0 and self._visited[self._at] == target:
            return
        del self._visited[self._at + 1 :]
        self._visited.append(target)
        self._at = len(self._visited) - 1

    def back(self) -> Target | None:
        if self._at <= 0:
            return None
        self._at -= 1
        return self._visited[self._at]

    def forward(self) -> Target | None:
        if self._at + 1 >= len(self._visited):
            return None
        self._at += 1
        return self._visited[self._at]
