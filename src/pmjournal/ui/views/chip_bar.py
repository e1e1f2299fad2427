"""The links of an entry shown as chips; each chip is a button that removes its link."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

SIGILS = {"project": "@", "skill": "+", "tag": "#"}
HINT = "Link with @ for a project, + for a skill, # for a tag"


class ChipBar(QWidget):
    removed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._hint = QLabel(HINT)
        self._hint.setEnabled(False)
        self._chips: list[QToolButton] = []
        self._layout.addWidget(self._hint)
        self._layout.addStretch(1)

    def set_links(self, links: list[tuple[str, str]]) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for position, (kind, name) in enumerate(links):
            chip = QToolButton(self)
            chip.setText(f"{SIGILS[kind]}{name}  ✕")
            chip.setObjectName(f"chip-{kind}")
            chip.setProperty("chipKind", kind)
            chip.setAccessibleName(f"Remove {kind} link {name}")
            chip.setToolTip(f"Linked {kind}: {name}. Press to remove the link.")
            chip.clicked.connect(lambda _=False, k=kind, n=name: self.removed.emit(k, n))
            self._layout.insertWidget(position, chip)
            self._chips.append(chip)
        self._hint.setVisible(not links)

    def chip_texts(self) -> list[str]:
        return [chip.text().removesuffix("  ✕") for chip in self._chips]
