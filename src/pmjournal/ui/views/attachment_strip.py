"""A project's attachments as thumbnails: drop files on the strip or pick them in a dialog.

Images are decoded to small ``QImage`` thumbnails on the worker thread (a QImage may be made
off the GUI thread; a QPixmap may not), so a screenshot-heavy project opens without a stall.
What the journal refuses (not an image or PDF, too large) is said under the strip. Detach is
wired by the Projects view, which owns the window's undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.attachments import AttachmentRecord
from pmjournal.domain.errors import ValidationError
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

THUMB = QSize(96, 72)


@dataclass(frozen=True)
class Thumbnail:
    record: AttachmentRecord
    image: QImage | None
    """None for a PDF or an image that does not decode: the file's name stands in."""


def thumbnails(journal: Journal, project: str) -> tuple[Thumbnail, ...]:
    from pmjournal.services.records.attachments import attachment_path, list_attachments

    found = []
    for record in list_attachments(journal, project=project).items:
        image = None
        if record.media_type.startswith("image/"):
            loaded = QImage(str(attachment_path(journal, record)))
            if not loaded.isNull():
                image = loaded.scaled(
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
        found.append(Thumbnail(record, image))
    return tuple(found)


class _DropList(QListWidget):
    dropped = Signal(list)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


class AttachmentStrip(QWidget):
    changed = Signal()

    def __init__(self, journal: Journal, runner: TaskRunner) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._project = ""
        self.list = _DropList()
        self.list.setObjectName("project-attachments")
        self.list.setAccessibleName("Attachments: drop files here")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 40, THUMB.height() + 36))
        self.list.setFixedHeight(THUMB.height() + 48)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.dropped.connect(self.attach)
        self.list.setToolTip("Drop screenshots or PDFs here")
        self.add_button = QPushButton("Attach file…")
        self.add_button.setObjectName("attach-file")
        self.add_button.clicked.connect(self._choose)
        self.detach_button = QPushButton("Detach")
        self.detach_button.setObjectName("detach-file")
        self.detach_button.setToolTip("Take the selected file off this project (Ctrl+Z undoes)")
        self.error = FieldError("attachment-error")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.detach_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_project(self, project: str) -> None:
        self._project = project
        if not project:
            self.list.clear()
            return
        self._runner.run(lambda: thumbnails(self._journal, project), self._show)

    def _show(self, found: tuple[Thumbnail, ...]) -> None:
        self.list.clear()
        for thumb in found:
            item = QListWidgetItem(thumb.record.filename)
            item.setData(Qt.ItemDataRole.UserRole, thumb.record.id)
            item.setToolTip(f"{thumb.record.filename} ({thumb.record.size // 1024} KB)")
            if thumb.image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(thumb.image)))
            self.list.addItem(item)
        if not found:
            placeholder = QListWidgetItem("Drop files here")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)

    def names(self) -> list[str]:
        return [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) is not None
        ]

    def has_thumbnail(self, name: str) -> bool:
        items = self.list.findItems(name, Qt.MatchFlag.MatchExactly)
        return bool(items) and not items[0].icon().isNull()

    def _choose(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, "Attach files", "", "Images and PDFs (*.png *.jpg *.jpeg *.gif *.webp *.pdf)"
        )
        if files:
            self.attach([Path(f) for f in files])

    def attach(self, paths: list[Path]) -> None:
        project = self._project
        if not project:
            return
        self.error.clear_error()
        for path in paths:
            self._runner.run(
                partial(_attach, self._journal, path, project), self._attached, self._refused
            )

    def _attached(self, _record: AttachmentRecord) -> None:
        self.refresh()

    def selected(self) -> tuple[int, str] | None:
        """The attachment id and file name of the selected thumbnail, for Detach."""
        item = self.list.currentItem()
        attachment_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not isinstance(attachment_id, int):
            return None
        return attachment_id, item.text()

    def project(self) -> str:
        return self._project

    def refresh(self) -> None:
        """Show the journal's attachments again after a write elsewhere (detach, its undo)."""
        self.show_project(self._project)
        self.changed.emit()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.show_error(error.message, error.field or "")


def _attach(journal: Journal, path: Path, project: str) -> AttachmentRecord:
    from pmjournal.services.records.attachments import attach_file

    return attach_file(journal, path, project=project).value
