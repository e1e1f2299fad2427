"""Résumé bullets: each with its lint warnings and its evidence; edit in place to pin it.

Editing a bullet's text pins the new wording at its place (``pin_bullet``), so regenerating
never loses it; Unpin brings the generated bullet back. Each evidence line opens its record.
Copying gives plain text with ASCII punctuation, which résumé forms and applicant-tracking
systems read; Save writes Markdown or a JSON Resume document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.bullet_text import plain_text
from pmjournal.ui import output_ops
from pmjournal.ui.dialogs.errors import show_error
from pmjournal.ui.output_ops import ProjectBulletRows
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.career.bullets import Bullet
    from pmjournal.services.journal import Journal

_BulletRole = Qt.ItemDataRole.UserRole + 1
_GroupRole = Qt.ItemDataRole.UserRole + 2
_EvidenceRole = Qt.ItemDataRole.UserRole + 3


class BulletsView(QWidget):
    statusMessage = Signal(str)
    recordOpened = Signal(str, int)
    loaded = Signal()

    def __init__(self, journal: Journal, runner: TaskRunner) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._filling = False
        self.groups: tuple[ProjectBulletRows, ...] = ()

        self.tree = QTreeWidget()
        self.tree.setObjectName("bullets-tree")
        self.tree.setAccessibleName("Résumé bullets by project")
        self.tree.setHeaderLabels(["Bullet (edit to pin your wording)", "Pinned", "Warnings"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.tree.setEditTriggers(
            QTreeWidget.EditTrigger.DoubleClicked | QTreeWidget.EditTrigger.EditKeyPressed
        )
        self.tree.currentItemChanged.connect(self._show_details)
        self.tree.itemChanged.connect(self._edited)
        self.full_text = QLabel("Select a bullet to read it whole.")
        self.full_text.setObjectName("bullet-text")
        self.full_text.setWordWrap(True)
        self.full_text.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel("")
        self.warnings.setObjectName("bullet-warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence = QListWidget()
        self.evidence.setObjectName("bullet-evidence")
        self.evidence.setAccessibleName("Evidence of the bullet (Enter opens it)")
        self.evidence.itemActivated.connect(self._open_evidence)
        self.evidence.setWordWrap(True)
        self.evidence.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        buttons = QHBoxLayout()
        for label, name, slot in (
            ("Copy", "copy-bullet", self.copy_current),
            ("Copy all", "copy-all-bullets", self.copy_all),
            ("Unpin", "unpin-bullet", self.unpin_current),
            ("Save as Markdown…", "save-bullets-markdown", lambda: self._save("markdown")),
            ("Save as JSON Resume…", "save-bullets-json", lambda: self._save("json-resume")),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        details = QWidget()
        side = QVBoxLayout(details)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>Bullet</b>"))
        side.addWidget(self.full_text)
        side.addWidget(QLabel("<b>Warnings</b>"))
        side.addWidget(self.warnings)
        side.addWidget(QLabel("<b>Evidence</b> (double-click opens the record)"))
        side.addWidget(self.evidence, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(details)
        split.setStretchFactor(0, 1)
        split.setSizes([700, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    def load(self) -> None:
        self._runner.run(lambda: output_ops.bullets(self._journal), self._show)

    def _show(self, groups: tuple[ProjectBulletRows, ...]) -> None:
        self.groups = groups
        self._filling = True
        self.tree.clear()
        for group in groups:
            top = QTreeWidgetItem([group.project, "", ""])
            top.setData(0, _GroupRole, group)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            for bullet in group.bullets:
                item = QTreeWidgetItem(
                    [bullet.text, "pinned" if bullet.pinned else "", self._codes(bullet)]
                )
                item.setData(0, _BulletRole, bullet)
                item.setData(0, _GroupRole, group)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(0, bullet.text)
                item.setToolTip(2, "\n".join(w.message for w in bullet.warnings))
                top.addChild(item)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self._filling = False
        self.loaded.emit()

    @staticmethod
    def _codes(bullet: Bullet) -> str:
        return ", ".join(w.code for w in bullet.warnings)

    def bullet_items(self) -> list[QTreeWidgetItem]:
        tops = [self.tree.topLevelItem(t) for t in range(self.tree.topLevelItemCount())]
        return [
            child
            for top in tops
            if top is not None
            for c in range(top.childCount())
            if (child := top.child(c)) is not None
        ]

    def _selected(self) -> tuple[ProjectBulletRows, Bullet] | None:
        item = self.tree.currentItem()
        bullet = item.data(0, _BulletRole) if item else None
        return (item.data(0, _GroupRole), bullet) if item and bullet else None

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        self.evidence.clear()
        bullet = item.data(0, _BulletRole) if item else None
        if bullet is None:
            self.full_text.setText("")
            self.warnings.setText("")
            return
        self.full_text.setText(bullet.text)
        lines = [f"• {w.message}" for w in bullet.warnings]
        self.warnings.setText("\n".join(lines) or "No warnings.")
        for evidence in bullet.evidence:
            line = QListWidgetItem(f"{evidence.kind}: {evidence.label}")
            line.setData(_EvidenceRole, (evidence.kind, evidence.id))
            self.evidence.addItem(line)
        if bullet.pinned:
            self.evidence.addItem("your pinned wording")

    def _open_evidence(self, item: QListWidgetItem) -> None:
        found = item.data(_EvidenceRole)
        if found and found[1] is not None:
            self.recordOpened.emit(str(found[0]), int(found[1]))

    # edits

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        bullet = item.data(0, _BulletRole)
        if self._filling or column != 0 or bullet is None:
            return
        text = " ".join(item.text(0).split())
        if not text or text == bullet.text:
            return
        group: ProjectBulletRows = item.data(0, _GroupRole)
        self._runner.run(
            lambda: output_ops.pin(self._journal, group.project, bullet.position, text),
            lambda _none: self._changed(f"Pinned your wording of bullet {bullet.position + 1}"),
            self._refused,
        )

    def unpin_current(self) -> None:
        selected = self._selected()
        if selected is None or not selected[1].pinned:
            self.statusMessage.emit("Select a pinned bullet to unpin it")
            return
        group, bullet = selected
        self._runner.run(
            lambda: output_ops.unpin(self._journal, group.project, bullet.position),
            lambda _none: self._changed(f"Bullet {bullet.position + 1} is generated again"),
            self._refused,
        )

    def _changed(self, message: str) -> None:
        self.statusMessage.emit(message)
        self.load()

    def _refused(self, error: BaseException) -> None:
        show_error(self, error)
        self.load()

    # copy and save

    def copy_current(self) -> None:
        selected = self._selected()
        if selected is None:
            self.statusMessage.emit("Select a bullet to copy it")
            return
        QGuiApplication.clipboard().setText(plain_text(selected[1].text))
        self.statusMessage.emit("Bullet copied")

    def copy_all(self) -> None:
        if not self.groups:
            return
        QGuiApplication.clipboard().setText(output_ops.bullets_plain(self.groups))
        self.statusMessage.emit("Every bullet copied as plain text")

    def _save(self, kind: str) -> None:
        suffix = "json" if kind == "json-resume" else "md"
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the bullets as", f"resume-bullets.{suffix}", f"(*.{suffix})"
        )
        if chosen:
            self.save_to(Path(chosen), kind)

    def save_to(self, out: Path, kind: str) -> None:
        self._runner.run(
            lambda: output_ops.save_bullets(self._journal, out, kind),
            lambda path: self.statusMessage.emit(f"Bullets saved to {path}"),
            lambda error: show_error(self, error),
        )
