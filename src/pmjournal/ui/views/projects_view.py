"""The Projects view: projects grouped by internship, and the one selected as a case study."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.projects import ProjectRecord
from pmjournal.ui import record_ops
from pmjournal.ui.navigation import Target
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.marks import locked
from pmjournal.ui.views.project_editor import AUTOSAVE_MS, ProjectEditor
from pmjournal.ui.views.tree_items import leaves

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal
    from pmjournal.services.records.undo import DetachedFile

RELEVANT = {Kind.PROJECT, Kind.INTERNSHIP, Kind.METRIC, Kind.ENTRY, Kind.FEEDBACK, Kind.EVIDENCE}


def project_label(project: ProjectRecord) -> str:
    return locked(project.name, project.confidential)


class ProjectsView(QWidget):
    linkActivated = Signal(Target)
    visited = Signal(Target)
    statusMessage = Signal(str)

    def __init__(
        self,
        journal: Journal,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._undo = undo_stack
        self._wanted: int | None = None
        self.confirm: QMessageBox | None = None
        self.setAccessibleName("Projects")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new-project-name")
        self.new_name.setPlaceholderText("New project: type its name, Enter")
        self.new_name.setAccessibleName("New project name")
        self.new_name.returnPressed.connect(self._create)
        self.new_error = FieldError("new-project-error")
        self.tree = QTreeWidget()
        self.tree.setObjectName("project-list")
        self.tree.setAccessibleName("Projects by internship")
        self.tree.setHeaderLabels(["Project", "Status"])
        self.tree.setColumnWidth(0, 200)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._selected)
        self.delete_button = QPushButton("Delete project…")
        self.delete_button.setObjectName("delete-project")
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.new_name)
        column.addWidget(self.new_error)
        column.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.editor = ProjectEditor(journal, runner, autosave_ms)
        self.editor.linkActivated.connect(self.linkActivated)
        self.editor.projectSaved.connect(lambda _record: self.load())
        self.editor.metrics.delete_button.clicked.connect(self._delete_metric)
        self.editor.attachments.detach_button.clicked.connect(self._detach_file)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setSizes([330, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # reading

    def load(self) -> None:
        self._runner.run(lambda: record_ops.projects(self._journal), self._show_projects)

    def _show_projects(self, projects: tuple[ProjectRecord, ...]) -> None:
        current = self.editor.project_id if self._wanted is None else self._wanted
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        for project in sorted(projects, key=lambda p: (p.internship is None, p.internship or "")):
            group_name = project.internship or "No internship"
            group = groups.get(group_name)
            if group is None:
                group = QTreeWidgetItem([group_name])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[group_name] = group
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
            item = QTreeWidgetItem([project_label(project), project.status.value])
            item.setData(0, Qt.ItemDataRole.UserRole, project.id)
            item.setToolTip(0, "Confidential" if project.confidential else project.name)
            group.addChild(item)
            if project.id == current:
                chosen = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            if self._wanted is not None:
                self._open(self._wanted)
        elif projects and self.editor.project_id is None:
            self.tree.setCurrentItem(leaves(self.tree)[0])
        self._wanted = None

    def project_names(self) -> list[str]:
        return [item.text(0) for item in leaves(self.tree)]

    def _selected(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        project_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if isinstance(project_id, int) and project_id != self.editor.project_id:
            self._open(project_id)
            self.visited.emit(Target("project", project_id))

    def open_project(self, project_id: int) -> None:
        """Show a project a link named; selects it in the list once the list is there."""
        self._wanted = project_id
        self._open(project_id)
        self.load()

    def open_project_named(self, name: str) -> None:
        self._runner.run(
            lambda: _find(self._journal, name),
            lambda record: self.open_project(record.id),
            lambda error: self.statusMessage.emit(str(error)),
        )

    def _open(self, project_id: int) -> None:
        self._runner.run(
            lambda: record_ops.project_detail(self._journal, project_id), self.editor.show_detail
        )

    def apply(self, changes: Changes) -> None:
        if changes.touches(*RELEVANT):
            self.load()
            self.editor.reload()

    # writing

    def _create(self) -> None:
        name = self.new_name.text().strip()
        self._runner.run(lambda: _add(self._journal, name), self._created, self._refused)

    def _created(self, record: ProjectRecord) -> None:
        self.new_name.clear()
        self.new_error.clear_error()
        self.open_project(record.id)
        self.editor.fields["summary"].setFocus()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.new_error.show_error(error.message, error.field or "")

    def delete_current(self) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        project_id = self.editor.project_id
        if project_id is None:
            return
        what = f"project “{self.editor.name.text()}”"
        ask_to_delete(
            self,
            self._runner,
            self._journal,
            ("project", project_id),
            what,
            lambda: self._delete(project_id),
        )

    def _delete(self, project_id: int) -> None:
        from pmjournal.services.records.undo import delete_project_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        self.editor.flush()
        self.editor.show_detail(None)
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "project",
                project_id,
                delete_project_undoably,
                deleted=lambda: self.statusMessage.emit(
                    "Project deleted. Edit ▸ Undo (Ctrl+Z) brings it back with its links."
                ),
                restored=self.open_project,
            )
        )

    def _delete_metric(self) -> None:
        from pmjournal.services.records.undo import delete_metric_undoably
        from pmjournal.ui.undo_commands import DeleteRecord

        metric_id = self.editor.metrics.selected_id()
        if metric_id is None:
            return
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                "metric",
                metric_id,
                delete_metric_undoably,
                deleted=lambda: self.statusMessage.emit("Metric deleted. Ctrl+Z brings it back."),
                restored=lambda _id: self.editor.reload(),
            )
        )

    def _detach_file(self) -> None:
        from pmjournal.ui.undo_commands import DetachFile

        strip = self.editor.attachments
        chosen = strip.selected()
        if chosen is None or not strip.project():
            return
        attachment_id, filename = chosen
        project = strip.project()
        self._undo.push(
            DetachFile(
                self._runner,
                self._journal,
                filename,
                attachment_id,
                project=project,
                detached=lambda detached: self._file_detached(detached),
                restored=lambda _id: self._file_restored(filename, project),
                refused=self.statusMessage.emit,
            )
        )

    def _file_detached(self, detached: DetachedFile) -> None:
        self.editor.attachments.refresh()
        where = (
            "the file was only used here"
            if detached.file_removed
            else "the file stays where else it is attached"
        )
        self.statusMessage.emit(
            f"Detached {detached.record.filename} from {detached.owner}; {where} "
            "— Ctrl+Z brings it back"
        )

    def _file_restored(self, filename: str, project: str) -> None:
        self.editor.attachments.refresh()
        self.statusMessage.emit(f"{filename} is attached to {project} again")


def _add(journal: Journal, name: str) -> ProjectRecord:
    from pmjournal.domain.projects import ProjectDraft
    from pmjournal.services.records.projects import add_project

    return add_project(journal, ProjectDraft(name)).value


def _find(journal: Journal, name: str) -> ProjectRecord:
    from pmjournal.services.records.projects import find_project

    return find_project(journal, name)
