"""The Skills view: the framework by category with evidence counts, coverage and its gaps,
practice per week, and the evidence behind a skill; rename and merge keep every link.

Deleting a skill or a category and merging skills go on the window's undo stack: Ctrl+Z
brings a deleted skill back with its evidence, a category back with its skills, and splits a
merge into the two skills as they were.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from pmjournal.domain.skills import EvidenceRecord, SkillRecord
from pmjournal.ui import record_ops
from pmjournal.ui.navigation import Target
from pmjournal.ui.record_ops import SkillDetail, SkillsOverview
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.practice_chart import PracticeChart
from pmjournal.ui.views.tree_items import leaves

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

WEEKS = 12
NO_CATEGORY = "Other skills"
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1


def coverage(overview: SkillsOverview) -> tuple[int, list[str]]:
    """Categories with evidence, and the names of those with none (the gaps)."""
    evidenced = {s.category for s in overview.skills if s.evidence_count}
    gaps = [c.name for c in overview.categories if c.name not in evidenced]
    return len(overview.categories) - len(gaps), gaps


def evidence_target(evidence: EvidenceRecord) -> Target:
    kind = {"entry": "entry", "project": "project", "feedback": "feedback"}.get(evidence.source)
    return Target(kind or evidence.source, evidence.source_id)


class SkillsView(QWidget):
    linkActivated = Signal(Target)
    visited = Signal(Target)
    statusMessage = Signal(str)

    def __init__(
        self,
        journal: Journal,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._undo = undo_stack
        self._today = today
        self._current: str | None = None
        self._category: str | None = None
        self.confirm: QMessageBox | None = None
        self.setAccessibleName("Skills")
        self.tree = QTreeWidget()
        self.tree.setObjectName("skill-tree")
        self.tree.setAccessibleName("Skills by category")
        self.tree.setHeaderLabels(["Skill", "Evidence"])
        self.tree.setColumnWidth(0, 230)
        self.tree.currentItemChanged.connect(self._selected)
        self.coverage = QLabel("")
        self.coverage.setObjectName("skill-coverage")
        self.coverage.setWordWrap(True)
        self.delete_category_button = QPushButton("Delete category…")
        self.delete_category_button.setObjectName("delete-skill-category")
        self.delete_category_button.setEnabled(False)
        self.delete_category_button.clicked.connect(self.delete_category)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.coverage)
        column.addWidget(self.tree, 1)
        column.addWidget(self.delete_category_button)

        self.heading = QLabel("<h3>All skills</h3>")
        self.heading.setObjectName("skill-heading")
        self.heading.setWordWrap(True)
        self.chart_title = QLabel(f"Entries practising any skill, {WEEKS} weeks")
        self.chart = PracticeChart()
        self.evidence = QListWidget()
        self.evidence.setObjectName("skill-evidence")
        self.evidence.setAccessibleName("Evidence")
        self.evidence.setWordWrap(True)
        self.evidence.itemActivated.connect(self._open_evidence)
        self.evidence.itemDoubleClicked.connect(self._open_evidence)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("skill-new-name")
        self.new_name.setPlaceholderText("New name")
        self.rename_button = QPushButton("Rename")
        self.rename_button.setObjectName("rename-skill")
        self.rename_button.clicked.connect(self.rename)
        self.merge_into = QComboBox()
        self.merge_into.setObjectName("skill-merge-into")
        self.merge_into.setMinimumContentsLength(16)
        self.merge_button = QPushButton("Merge into")
        self.merge_button.setObjectName("merge-skill")
        self.merge_button.clicked.connect(self.merge)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.new_name, 1)
        edit_row.addWidget(self.rename_button)
        edit_row.addSpacing(16)
        edit_row.addWidget(self.merge_button)
        edit_row.addWidget(self.merge_into, 1)
        self.delete_button = QPushButton("Delete skill…")
        self.delete_button.setObjectName("delete-skill")
        self.delete_button.clicked.connect(self.delete_current)
        edit_row.addSpacing(16)
        edit_row.addWidget(self.delete_button)
        self.error = FieldError("skill-error")
        right = QWidget()
        detail = QVBoxLayout(right)
        detail.setContentsMargins(16, 8, 16, 8)
        detail.addWidget(self.heading)
        detail.addWidget(self.chart_title)
        detail.addWidget(self.chart)
        detail.addWidget(QLabel("<b>Evidence</b> (double-click opens it)"))
        detail.addWidget(self.evidence, 1)
        detail.addLayout(edit_row)
        detail.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([340, 790])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def load(self) -> None:
        today = self._today
        self._runner.run(
            lambda: record_ops.skills_overview(self._journal, WEEKS, today), self._show_overview
        )

    def apply(self, changes: Changes) -> None:
        if changes.touches(
            Kind.SKILL, Kind.SKILL_CATEGORY, Kind.EVIDENCE, Kind.ENTRY, Kind.FEEDBACK, Kind.PROJECT
        ):
            self.load()

    def _show_overview(self, overview: SkillsOverview) -> None:
        covered, gaps = coverage(overview)
        text = f"<b>Coverage</b>: {covered} of {len(overview.categories)} categories have evidence."
        if gaps:
            text += " Gaps: " + ", ".join(gaps) + "."
        unpractised = [s.name for s in overview.skills if not s.evidence_count]
        if unpractised:
            text += " No evidence yet: " + ", ".join(unpractised) + "."
        self.coverage.setText(text)
        by_category: dict[str, list[SkillRecord]] = {}
        for skill in overview.skills:
            by_category.setdefault(skill.category or NO_CATEGORY, []).append(skill)
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen = None
        categories = [c.name for c in overview.categories]
        for name in [*categories, NO_CATEGORY]:
            skills = by_category.get(name, [])
            if not skills and name == NO_CATEGORY:
                continue
            total = sum(s.evidence_count for s in skills)
            group = QTreeWidgetItem([name, str(total)])
            if name in categories:
                group.setData(0, CATEGORY_ROLE, name)
            else:
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for skill in skills:
                item = QTreeWidgetItem([skill.name, str(skill.evidence_count)])
                item.setData(0, Qt.ItemDataRole.UserRole, skill.name)
                group.addChild(item)
                if skill.name == self._current:
                    chosen = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.merge_into.clear()
        self.merge_into.addItems([s.name for s in overview.skills])
        self.chart_title.setText(
            f"Entries practising any skill, {WEEKS} weeks to {overview.last_day:%d %b %Y}"
        )
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self._open(self._current or "")
        else:
            self._current = None
            self.chart.set_counts(overview.practice, overview.last_day)

    def skill_rows(self) -> dict[str, str]:
        return {item.text(0): item.text(1) for item in leaves(self.tree)}

    def open_skill(self, name: str) -> None:
        self._current = name
        self.load()

    def _selected(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        group = item.parent() or item if item else None
        category = group.data(0, CATEGORY_ROLE) if group else None
        self._category = category if isinstance(category, str) else None
        self.delete_category_button.setEnabled(self._category is not None)
        # The button names the category it deletes (the selected skill's, when a skill is
        # selected); "&&" shows an ampersand instead of making a mnemonic.
        label = (self._category or "").replace("&", "&&")
        self.delete_category_button.setText(
            f"Delete category “{label}”…" if self._category else "Delete category…"
        )
        if item is not None and name is None:
            self._current = None
        if isinstance(name, str):
            self._current = name
            self._open(name)
            self.visited.emit(Target("skill", name))

    def _open(self, name: str) -> None:
        today = self._today
        self._runner.run(
            lambda: record_ops.skill_detail(self._journal, name, WEEKS, today), self._show_detail
        )

    def _show_detail(self, detail: SkillDetail) -> None:
        skill = detail.skill
        self.heading.setText(
            f"<h3>{skill.name}</h3><p>{skill.category or NO_CATEGORY}"
            f"{' · ' + skill.description if skill.description else ''}</p>"
        )
        self.chart_title.setText(
            f"Entries practising {skill.name}, {WEEKS} weeks to {detail.last_day:%d %b %Y}"
        )
        self.chart.set_counts(detail.practice, detail.last_day)
        self.evidence.clear()
        for evidence in detail.evidence:
            note = f": {evidence.note}" if evidence.note else ""
            item = QListWidgetItem(f"{evidence.source} · {evidence.label}{note}")
            target = evidence_target(evidence)
            item.setData(Qt.ItemDataRole.UserRole, (target.kind, target.key))
            self.evidence.addItem(item)
        self.new_name.setText(skill.name)
        self.error.clear_error()

    def _open_evidence(self, item: QListWidgetItem) -> None:
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        self.linkActivated.emit(Target(str(kind), key))

    def rename(self) -> None:
        current, new = self._current, self.new_name.text()
        if current is None:
            return
        self._runner.run(lambda: _rename(self._journal, current, new), self._renamed, self._refused)

    def merge(self) -> None:
        from pmjournal.ui.undo_commands import MergeSkills

        current, into = self._current, self.merge_into.currentText()
        if current is None or not into or into == current:
            return
        self._undo.push(
            MergeSkills(
                self._runner,
                self._journal,
                current,
                into,
                merged=lambda: self._merged(current, into),
                restored=lambda _id: self._back(f"{current} and {into} are two skills again"),
                refused=self._undo_refused,
            )
        )

    def _merged(self, source: str, into: str) -> None:
        self.statusMessage.emit(f"Merged {source} into {into}. Ctrl+Z splits them again.")
        self.open_skill(into)

    def delete_current(self) -> None:
        name = self._current
        if name is not None:
            self._ask("skill", name, f"the skill “{name}”")

    def delete_category(self) -> None:
        name = self._category
        if name is not None:
            self._ask("skill category", name, f"the skill category “{name}”")

    def _ask(self, kind: str, name: str, what: str) -> None:
        from pmjournal.ui.dialogs.confirm_delete import ask_to_delete

        ask_to_delete(
            self, self._runner, self._journal, (kind, name), what, lambda: self._delete(kind, name)
        )

    def _delete(self, kind: str, name: str) -> None:
        from pmjournal.services.records import undo
        from pmjournal.ui.undo_commands import DeleteRecord

        delete = (
            undo.delete_skill_undoably if kind == "skill" else undo.delete_skill_category_undoably
        )
        reopen = name if kind == "skill" else None
        self._undo.push(
            DeleteRecord(
                self._runner,
                self._journal,
                kind,
                name,
                delete,
                deleted=lambda: self._gone(kind, name),
                restored=lambda _id: self._back(f"{name} is back", reopen),
                refused=self._undo_refused,
            )
        )

    def _gone(self, kind: str, name: str) -> None:
        if kind == "skill" and self._current == name:
            self._current = None
        self.statusMessage.emit(f"Deleted the {kind} {name}. Ctrl+Z brings it back.")

    def _back(self, message: str, skill: str | None = None) -> None:
        self.statusMessage.emit(message)
        if skill is not None:
            self.open_skill(skill)

    def _undo_refused(self, message: str) -> None:
        self.statusMessage.emit(f"Could not undo: {message}")

    def _renamed(self, skill: SkillRecord) -> None:
        self.statusMessage.emit(f"Skill saved as {skill.name}; every link kept")
        self.open_skill(skill.name)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.show_error(error.message, error.field or "")


def _rename(journal: Journal, name: str, new_name: str) -> SkillRecord:
    from pmjournal.services.records.skills import rename_skill

    return rename_skill(journal, name, new_name).value
