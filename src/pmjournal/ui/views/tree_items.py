"""The leaves of a two-level tree (groups, then records), which list views show and tests read."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def leaves(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    found = []
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        if group is None:
            continue
        for index in range(group.childCount()):
            child = group.child(index)
            if child is not None:
                found.append(child)
    return found
