"""One project as a case study: its fields (autosaved), readiness, metrics, skills, timeline.

The case study saves a moment after typing stops, as the entry editor does; the readiness
checklist is recomputed from what was saved, and each missing item takes the user to the
field that would fill it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pmjournal.domain.errors import ValidationError
from pmjournal.domain.projects import (
    CASE_STUDY_FIELDS,
    ProjectDraft,
    ProjectRecord,
    validate_project,
)
from pmjournal.domain.readiness import missing
from pmjournal.domain.vocab import ProjectStatus
from pmjournal.ui import record_ops
from pmjournal.ui.navigation import Target
from pmjournal.ui.record_ops import ProjectDetail
from pmjournal.ui.tasks import TaskRunner
from pmjournal.ui.views.attachment_strip import AttachmentStrip
from pmjournal.ui.views.field_error import FieldError
from pmjournal.ui.views.marks import confidential_label, unbroken
from pmjournal.ui.views.metrics_table import MetricsTable
from pmjournal.ui.views.typed_dates import parse_day

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

AUTOSAVE_MS = 1000
LABELS = {
    "summary": "Summary",
    "context": "Context",
    "problem": "Problem",
    "role": "My role",
    "approach": "Approach",
    "tradeoff": "Trade-off or alternative",
    "outcome": "Outcome",
    "expected_result": "Expected result",
    "learnings": "What I learned",
}
HINTS = {
    "role": "What you did, with “I”: “I ran five interviews and wrote the brief.”",
    "approach": "How you went about it: the steps you took, in order.",
    "tradeoff": "What you weighed and why you chose as you did: “I chose X over Y because …”",
    "expected_result": "When it is too early to measure: what you expect, and how you will know.",
}


class ProjectEditor(QScrollArea):
    linkActivated = Signal(Target)
    saveStateChanged = Signal(str)
    projectSaved = Signal(ProjectRecord)

    def __init__(
        self, journal: Journal, runner: TaskRunner, autosave_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._detail: ProjectDetail | None = None
        self._loading = False
        self._shown_name = ""
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("project-editor")
        body = QWidget()
        self.setWidget(body)

        self.name = QLineEdit()
        self.name.setObjectName("project-name")
        self.name.setAccessibleName("Project name")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.status = QComboBox()
        self.status.setObjectName("project-status")
        self.status.setAccessibleName("Status")
        self.status.addItems([s.value for s in ProjectStatus])
        self.internship = QComboBox()
        self.internship.setObjectName("project-internship")
        self.internship.setAccessibleName("Internship")
        self.start = QLineEdit()
        self.start.setObjectName("project-start")
        self.start.setPlaceholderText("start YYYY-MM-DD")
        self.start.setMaximumWidth(130)
        self.end = QLineEdit()
        self.end.setObjectName("project-end")
        self.end.setPlaceholderText("end YYYY-MM-DD")
        self.end.setMaximumWidth(130)
        self.confidential = QCheckBox(confidential_label())
        self.confidential.setObjectName("project-confidential")
        self.confidential.setToolTip("Redacted in outputs you share")
        self.save_state = QLabel("")
        self.save_state.setObjectName("project-save-state")
        self.error = FieldError("project-error")
        top = QHBoxLayout()
        top.addWidget(QLabel("Status"))
        top.addWidget(self.status)
        top.addWidget(QLabel("Internship"))
        top.addWidget(self.internship, 1)
        top.addWidget(self.start)
        top.addWidget(self.end)
        top.addWidget(self.confidential)
        top.addWidget(self.save_state)

        self.readiness = QListWidget()
        self.readiness.setObjectName("readiness")
        self.readiness.setAccessibleName("Portfolio readiness")
        rows = self.readiness.fontMetrics().lineSpacing() * 5
        self.readiness.setFixedHeight(rows + 4 * self.readiness.frameWidth() + 12)
        self.readiness.itemActivated.connect(self._go_to_item)
        self.readiness.itemClicked.connect(self._go_to_item)
        self.readiness_title = QLabel("<b>Portfolio readiness</b>")

        self.fields: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in CASE_STUDY_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"case-{field}")
            edit.setAccessibleName(LABELS[field])
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.setPlaceholderText(HINTS.get(field, ""))
            edit.textChanged.connect(self._edited)
            self.fields[field] = edit
            form.addRow(LABELS[field], edit)

        self.skill_links = QLabel("")
        self.skill_links.setObjectName("project-skills")
        self.skill_links.setWordWrap(True)
        self.skill_links.setTextFormat(Qt.TextFormat.RichText)
        self.skill_links.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.skill_links.linkActivated.connect(self._open_skill)
        self._skills: tuple[str, ...] = ()
        self.skill_picker = QComboBox()
        self.skill_picker.setObjectName("project-skill-picker")
        self.skill_picker.setEditable(True)
        self.skill_picker.setAccessibleName("Skill to link")
        self.skill_picker.setMinimumWidth(200)
        self.link_skill = QPushButton("Link skill")
        self.link_skill.setObjectName("project-link-skill")
        self.link_skill.clicked.connect(self._link_skill)
        skills_row = QHBoxLayout()
        skills_row.addWidget(QLabel("<b>Skills</b>"))
        skills_row.addWidget(self.skill_links, 1)
        skills_row.addWidget(self.skill_picker)
        skills_row.addWidget(self.link_skill)

        self.metrics = MetricsTable(journal, runner)
        self.metrics.saved.connect(lambda _m: self.reload())
        self.attachments = AttachmentStrip(journal, runner)
        self.timeline_title = QLabel("<b>Entries</b>")
        self.timeline = QListWidget()
        self.timeline.setObjectName("project-timeline")
        self.timeline.setAccessibleName("Linked entries")
        self.timeline.setMinimumHeight(140)
        self.timeline.itemActivated.connect(self._open_entry)
        self.timeline.itemDoubleClicked.connect(self._open_entry)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.name)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.readiness_title)
        layout.addWidget(self.readiness)
        layout.addLayout(form)
        layout.addLayout(skills_row)
        layout.addWidget(QLabel("<b>Metrics</b>"))
        layout.addWidget(self.metrics)
        layout.addWidget(QLabel("<b>Attachments</b> (drop screenshots or PDFs)"))
        layout.addWidget(self.attachments)
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_now)
        self.name.textEdited.connect(self._edited)
        self.start.textEdited.connect(self._edited)
        self.end.textEdited.connect(self._edited)
        self.status.currentIndexChanged.connect(self._edited)
        self.internship.currentIndexChanged.connect(self._edited)
        self.confidential.toggled.connect(self._edited)
        self.setEnabled(False)

    @property
    def project_id(self) -> int | None:
        return self._detail.project.id if self._detail else None

    def show_detail(self, detail: ProjectDetail | None) -> None:
        """Fill the editor from what was read; a pending save is written first."""
        self.flush()
        self._detail = detail
        self._loading = True
        self.setEnabled(detail is not None)
        if detail is None:
            self.name.clear()
            for edit in self.fields.values():
                edit.clear()
            self.readiness.clear()
            self.timeline.clear()
            self.metrics.show_metrics("", ())
            self.attachments.show_project("")
            self._loading = False
            return
        project = detail.project
        self.name.setText(project.name)
        self.status.setCurrentText(project.status.value)
        self.internship.clear()
        self.internship.addItem("No internship", None)
        for internship in detail.internships:
            self.internship.addItem(internship.label, internship.id)
        self.internship.setCurrentIndex(max(0, self.internship.findData(project.internship_id)))
        self.confidential.setChecked(project.confidential)
        self.start.setText(project.start_date.isoformat() if project.start_date else "")
        self.end.setText(project.end_date.isoformat() if project.end_date else "")
        for field, edit in self.fields.items():
            if edit.toPlainText() != getattr(project, field):
                edit.setPlainText(getattr(project, field))
        self._show_readiness(detail)
        self._show_skills(detail.skills, detail.known_skills)
        self.metrics.show_metrics(project.name, detail.metrics)
        if self._shown_name != project.name:
            self._shown_name = project.name
            self.attachments.show_project(project.name)
        self.timeline_title.setText(f"<b>Entries</b> ({detail.entry_total})")
        self.timeline.clear()
        for entry in detail.entries:
            first = (entry.title or entry.body).strip().splitlines()[0] if entry.body else ""
            item = QListWidgetItem(f"{entry.date:%a %d %b %Y}   {first[:110]}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.timeline.addItem(item)
        self.error.clear_error()
        self._loading = False

    def _show_readiness(self, detail: ProjectDetail) -> None:
        self.readiness.clear()
        gaps = missing(detail.readiness)
        self.readiness_title.setText(
            "<b>Portfolio readiness</b>: "
            + ("ready" if not gaps else f"{len(gaps)} of {len(detail.readiness)} missing")
        )
        for check in detail.readiness:
            mark = "✓" if check.done else "○"
            text = f"{mark}  {check.label}" + ("" if check.done else f" — {check.hint}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, check.field)
            self.readiness.addItem(item)

    def _show_skills(self, linked: tuple[str, ...], known: tuple[str, ...]) -> None:
        from html import escape

        self._skills = linked
        self.skill_links.setText(
            " &nbsp; ".join(f'<a href="{escape(n)}">+{unbroken(escape(n))}</a>' for n in linked)
            or "None yet: link one, or link skills in the project's entries."
        )
        if known:
            self.skill_picker.clear()
            self.skill_picker.addItems([s for s in known if s not in linked])
            self.skill_picker.setCurrentText("")

    def readiness_gaps(self) -> list[str]:
        return [] if self._detail is None else [i.field for i in missing(self._detail.readiness)]

    def skill_chip_names(self) -> list[str]:
        return list(self._skills)

    def _open_skill(self, name: str) -> None:
        self.linkActivated.emit(Target("skill", name))

    # saving

    def _edited(self) -> None:
        if self._loading or self._detail is None:
            return
        self.save_state.setText("Edited")
        self.saveStateChanged.emit("Edited")
        self._timer.start()

    def draft(self) -> ProjectDraft:
        assert self._detail is not None
        internship_id = self.internship.currentData()
        typed: dict[str, Any] = {field: edit.toPlainText() for field, edit in self.fields.items()}
        return replace(
            ProjectDraft.of(self._detail.project),
            name=self.name.text(),
            status=self.status.currentText(),
            internship=f"#{internship_id}" if internship_id else None,
            start_date=parse_day(self.start.text(), "start_date"),
            end_date=parse_day(self.end.text(), "end_date"),
            confidential=self.confidential.isChecked(),
            **typed,
        )

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.save_now()

    def save_now(self) -> None:
        if self._detail is None:
            return
        try:
            draft = validate_project(self.draft())
        except ValidationError as error:
            self.error.show_error(error.message, error.field or "")
            self.save_state.setText("Not saved")
            return
        project_id = self._detail.project.id
        self._runner.run(
            lambda: record_ops.save_project(self._journal, project_id, draft),
            self._saved,
            self._refused,
        )

    def _saved(self, record: ProjectRecord) -> None:
        self.error.clear_error()
        self.save_state.setText("Saved")
        self.saveStateChanged.emit("Saved")
        self.projectSaved.emit(record)
        if self._detail is not None and self._detail.project.id == record.id:
            self.reload()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.show_error(error.message, error.field or "")
        self.save_state.setText("Not saved")

    def reload(self) -> None:
        """Read the project again (readiness, counts, metrics) without touching what is typed."""
        from pmjournal.ui.record_ops import project_detail

        project_id = self.project_id
        if project_id is None:
            return
        self._runner.run(lambda: project_detail(self._journal, project_id), self._reloaded)

    def _reloaded(self, detail: ProjectDetail | None) -> None:
        if detail is None or self._timer.isActive():
            return
        self.show_detail(detail)

    # links

    def _go_to_item(self, item: QListWidgetItem) -> None:
        self.go_to_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def go_to_field(self, field: str) -> None:
        """Where a readiness item leads: a case-study field, the metrics, skills or feedback."""
        if field in self.fields:
            target: QWidget = self.fields[field]
        elif field == "metrics":
            target = self.metrics.table
        elif field == "skills":
            target = self.skill_picker
        elif field == "feedback" and self._detail is not None:
            self.linkActivated.emit(Target("project-feedback", self._detail.project.name))
            return
        else:
            return
        self.ensureWidgetVisible(target)
        target.setFocus()

    def _link_skill(self) -> None:
        skill = self.skill_picker.currentText().strip()
        if not skill or self._detail is None:
            return
        project = self._detail.project.name
        self._runner.run(
            lambda: record_ops.link_skill(self._journal, skill, project),
            lambda _none: self.reload(),
            self._refused,
        )

    def _open_entry(self, item: QListWidgetItem) -> None:
        self.linkActivated.emit(Target("entry", int(item.data(Qt.ItemDataRole.UserRole))))
