"""The portfolio builder: choose projects, theme, paper, redaction; generate; preview the pages.

Each project shows whether its case study is ready or what it lacks (``ProjectView.missing``).
The PDF is built in a child process (``ui/portfolio_process.py``) so the window never freezes;
Cancel kills it and leaves no file. The choices are remembered in the app's settings.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmjournal.ui import output_ops
from pmjournal.ui.output_ops import PortfolioOptions
from pmjournal.ui.pdf_pages import PageImages, render_pages
from pmjournal.ui.portfolio_process import (
    STAGE_NAMES,
    BuiltPortfolio,
    PortfolioChoices,
    PortfolioProcess,
)
from pmjournal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pmjournal.services.journal import Journal

_NameRole = Qt.ItemDataRole.UserRole + 1


def default_pdf() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "portfolio.pdf"


class PortfolioBuilderView(QWidget):
    statusMessage = Signal(str)
    previewShown = Signal(int)

    def __init__(self, journal: Journal, runner: TaskRunner, settings: QSettings) -> None:
        super().__init__()
        self._journal = journal
        self._runner = runner
        self._settings = settings
        self.process = PortfolioProcess(self)
        self.process.progressed.connect(self._progressed)
        self.process.built.connect(self._built)
        self.process.failed.connect(self._failed)
        self.process.cancelled.connect(self._cancelled)
        self.last_pdf: Path | None = None

        self.projects = QListWidget()
        self.projects.setObjectName("portfolio-projects")
        self.projects.setAccessibleName("Projects to include")
        self.theme = QComboBox()
        self.theme.setObjectName("portfolio-theme")
        self.paper = QComboBox()
        self.paper.setObjectName("portfolio-paper")
        self.redact = QCheckBox("Redact company and people's names")
        self.redact.setObjectName("portfolio-redact")
        self.out = QLineEdit(str(self._setting("out", str(default_pdf()))))
        self.out.setObjectName("portfolio-out")
        self.out.setAccessibleName("Save the PDF as")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_out)
        self.generate = QPushButton("Generate")
        self.generate.setObjectName("portfolio-generate")
        self.generate.setDefault(True)
        self.generate.clicked.connect(self.start)
        self.cancel = QPushButton("Cancel")
        self.cancel.setObjectName("portfolio-cancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.process.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.state = QLabel("")
        self.state.setObjectName("portfolio-state")
        self.state.setWordWrap(True)
        self.open_pdf = QPushButton("Open")
        self.open_pdf.setEnabled(False)
        self.open_pdf.clicked.connect(lambda: self._open(self.last_pdf))
        self.show_folder = QPushButton("Show in folder")
        self.show_folder.setEnabled(False)
        self.show_folder.clicked.connect(
            lambda: self._open(self.last_pdf.parent if self.last_pdf else None)
        )

        all_none = QHBoxLayout()
        for label, checked in (("All", True), ("None", False)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, c=checked: self._check_all(c))
            all_none.addWidget(button)
        all_none.addStretch(1)
        form = QFormLayout()
        form.addRow("Theme", self.theme)
        form.addRow("Paper", self.paper)
        form.addRow("", self.redact)
        where = QHBoxLayout()
        where.addWidget(self.out, 1)
        where.addWidget(browse)
        form.addRow("Save as", where)
        actions = QHBoxLayout()
        for button in (self.generate, self.cancel, self.open_pdf, self.show_folder):
            actions.addWidget(button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Projects</b> (each with its readiness)"))
        column.addWidget(self.projects, 1)
        column.addLayout(all_none)
        column.addLayout(form)
        column.addLayout(actions)
        column.addWidget(self.progress)
        column.addWidget(self.state)

        self.pages = QWidget()
        self.pages.setObjectName("portfolio-pages")
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_note = QLabel("Generate to see the pages here.")
        self.preview_note.setObjectName("preview-note")
        self._pages_layout.addWidget(self.preview_note)
        self.preview = QScrollArea()
        self.preview.setObjectName("portfolio-preview")
        self.preview.setAccessibleName("Preview of the portfolio's pages")
        self.preview.setWidgetResizable(True)
        self.preview.setWidget(self.pages)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # loading the choices

    def load(self) -> None:
        self._runner.run(lambda: output_ops.portfolio_options(self._journal), self._show_options)

    def _show_options(self, options: PortfolioOptions) -> None:
        remembered = (
            set(self.chosen_projects()) if self.projects.count() else self._remembered_projects()
        )
        self.projects.clear()
        for choice in options.projects:
            item = QListWidgetItem(f"{choice.name}  ·  {choice.readiness}")
            item.setData(_NameRole, choice.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = remembered is None or choice.name in remembered
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            item.setToolTip(
                "Ready for the portfolio"
                if not choice.missing
                else f"The case study lacks: {', '.join(choice.missing)}"
            )
            self.projects.addItem(item)
        for combo, values, key in (
            (self.theme, options.themes, "theme"),
            (self.paper, options.papers, "paper"),
        ):
            combo.clear()
            combo.addItems(list(values))
            index = combo.findText(str(self._setting(key, values[0] if values else "")))
            combo.setCurrentIndex(max(index, 0))
        self.redact.setChecked(str(self._setting("redact", "false")) == "true")
        if not options.projects:
            self.state.setText("No project has content yet: add one to build a portfolio.")

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.projects.count()):
            self.projects.item(row).setCheckState(state)

    def chosen_projects(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(_NameRole))
            for row in range(self.projects.count())
            if (item := self.projects.item(row)).checkState() == Qt.CheckState.Checked
        )

    def set_projects(self, names: set[str]) -> None:
        for row in range(self.projects.count()):
            item = self.projects.item(row)
            chosen = str(item.data(_NameRole)) in names
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    # settings

    def _setting(self, key: str, default: str) -> object:
        return self._settings.value(f"outputs/portfolio/{key}", default)

    def _remembered_projects(self) -> set[str] | None:
        text = str(self._setting("projects", ""))
        return set(json.loads(text)) if text else None

    def _remember(self, choices: PortfolioChoices) -> None:
        values = {
            "projects": json.dumps(list(choices.projects)),
            "theme": choices.theme,
            "paper": choices.paper,
            "redact": "true" if choices.redact else "false",
            "out": str(choices.out),
        }
        for key, value in values.items():
            self._settings.setValue(f"outputs/portfolio/{key}", value)

    # generating

    def _choose_out(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the portfolio as", self.out.text(), "PDF (*.pdf)"
        )
        if chosen:
            self.out.setText(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")

    def choices(self) -> PortfolioChoices:
        return PortfolioChoices(
            out=Path(self.out.text().strip()).expanduser(),
            projects=self.chosen_projects(),
            theme=self.theme.currentText(),
            paper=self.paper.currentText(),
            redact=self.redact.isChecked(),
        )

    def start(self) -> None:
        if self.process.running():
            return
        choices = self.choices()
        if not choices.projects:
            self.state.setText("Choose at least one project.")
            return
        if not self.out.text().strip():
            self.state.setText("Say where to save the PDF.")
            self.out.setFocus()
            return
        self._remember(choices)
        self._busy(True)
        self.progress.setValue(0)
        self.state.setText(STAGE_NAMES["read"])
        every = len(choices.projects) == self.projects.count()
        # Every project checked is the command's default: no list of names to pass.
        asked = replace(choices, projects=()) if every else choices
        self.process.start(self._journal.data_dir, asked)

    def _busy(self, busy: bool) -> None:
        self.generate.setEnabled(not busy)
        self.cancel.setEnabled(busy)
        self.progress.setRange(0, 100)

    def _progressed(self, stage: str, fraction: float) -> None:
        # Layout is most of the time and WeasyPrint reports nothing inside it: a busy bar.
        self.progress.setRange(0, 0 if stage == "layout" else 100)
        self.progress.setValue(round(fraction * 100))
        self.state.setText(STAGE_NAMES.get(stage, stage))

    def _built(self, built: BuiltPortfolio) -> None:
        self._busy(False)
        self.progress.setValue(100)
        self.last_pdf = built.path
        self.open_pdf.setEnabled(True)
        self.show_folder.setEnabled(True)
        warned = f" {len(built.warnings)} warning(s): " + "; ".join(built.warnings[:3])
        self.state.setText(f"Saved {built.path}." + (warned if built.warnings else ""))
        self.statusMessage.emit(f"Portfolio saved to {built.path}")
        self._runner.run(lambda: render_pages(built.path), self._show_pages)

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.progress.setValue(0)
        self.state.setText(f"Not generated: {message}")

    def _cancelled(self) -> None:
        self._busy(False)
        self.progress.setValue(0)
        self.state.setText("Cancelled; nothing was written.")

    # preview

    def _show_pages(self, pages: PageImages) -> None:
        while self._pages_layout.count() > 1:
            item = self._pages_layout.takeAt(1)
            widget = item.widget() if item else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        shown = len(pages.images)
        more = f"; open the PDF for the other {pages.total - shown}" if pages.total > shown else ""
        self.preview_note.setText(f"{pages.path.name}: {pages.total} pages{more}.")
        for number, image in enumerate(pages.images, start=1):
            label = QLabel()
            label.setObjectName("preview-page")
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(f"Page {number}")
            label.setStyleSheet("border: 1px solid palette(mid); background: white;")
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.previewShown.emit(shown)

    def page_labels(self) -> list[QLabel]:
        return self.pages.findChildren(QLabel, "preview-page")

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def shutdown(self) -> None:
        """Closing the app with a build running: stop it and remove its partial file."""
        if self.process.running():
            self.process.cancel()
            self.process.wait_finished()
