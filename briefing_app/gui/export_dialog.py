"""File › Export to Word…: where, which profile, which Word template, numbered or not.

The same choices as ``briefing export`` (``--profile``, ``--template``,
``--numbered``). It opens with what was chosen last for this draft, in the
folder it was last exported to, else the drafts folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from briefing_app.core.session.export_choices import PROFILES, ExportChoices

BUILT_IN = "Built-in statement style"


def word_templates(folder: Path) -> list[Path]:
    """The mission's Word templates saved in the data home's templates folder."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".docx", ".dotx"))


class ExportDialog(QDialog):
    def __init__(
        self,
        choices: ExportChoices,
        stem: str,
        default_folder: Path,
        templates: list[Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export to Word")
        self.stem = stem
        self.profile = QComboBox(objectName="exportProfile")
        for key, (label, _suffix) in PROFILES.items():
            self.profile.addItem(label, key)
        self.template = QComboBox(objectName="exportTemplate")
        self.template.addItem(BUILT_IN, "")
        for path in templates:
            self.template.addItem(path.name, str(path))
        other = QPushButton("Other…", objectName="exportTemplateOther")
        other.clicked.connect(self._choose_template)
        self.numbered = QCheckBox("Number the paragraphs", objectName="exportNumbered")
        self.path = QLineEdit(objectName="exportPath")
        browse = QPushButton("Browse…", objectName="exportBrowse")
        browse.clicked.connect(self._browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(other)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Profile", self.profile)
        form.addRow("Word template", template_row)
        form.addRow("", self.numbered)
        form.addRow("Save as", path_row)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())
        self._set(choices, Path(choices.folder) if choices.folder else default_folder)
        self.profile.currentIndexChanged.connect(self._profile_changed)

    def _set(self, choices: ExportChoices, folder: Path) -> None:
        self.profile.setCurrentIndex(max(0, self.profile.findData(choices.profile)))
        if choices.template and self.template.findData(choices.template) < 0:
            self.template.addItem(Path(choices.template).name, choices.template)
        self.template.setCurrentIndex(max(0, self.template.findData(choices.template)))
        self.numbered.setChecked(choices.numbered)
        self.path.setText(str(folder / choices.file_name(self.stem)))

    def choices(self) -> ExportChoices:
        return ExportChoices(
            profile=self.profile.currentData(),
            template=self.template.currentData() or "",
            numbered=self.numbered.isChecked(),
            folder=str(self.target().parent),
        )

    def target(self) -> Path:
        return Path(self.path.text().strip() or "statement.docx").expanduser().with_suffix(".docx")

    def _profile_changed(self) -> None:
        """The suggested file name follows the profile (the folder stays)."""
        choices = self.choices()
        self.path.setText(str(self.target().parent / choices.file_name(self.stem)))

    def _choose_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Word template", str(self.target().parent), "Word templates (*.docx *.dotx)"
        )
        if name:
            if self.template.findData(name) < 0:
                self.template.addItem(Path(name).name, name)
            self.template.setCurrentIndex(self.template.findData(name))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to Word", str(self.target()), "Word documents (*.docx)"
        )
        if name:
            self.path.setText(str(Path(name).with_suffix(".docx")))
