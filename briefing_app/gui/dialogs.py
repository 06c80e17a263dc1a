"""Preferences, About and the keyboard-shortcuts sheet."""

from __future__ import annotations

import html
import platform
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_app import __version__
from briefing_app.core.drafts.templates import Template
from briefing_app.core.paths import DataHome
from briefing_app.core.session.settings import Settings
from briefing_app.gui import style


class PreferencesDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        home: DataHome,
        templates: Sequence[Template],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.delegation = QLineEdit(settings.delegation, objectName="prefDelegation")
        self.delegation.setPlaceholderText("e.g. Italy, European Union, Group of 77 and China")
        self.speaker = QLineEdit(settings.speaker, objectName="prefSpeaker")
        self.wpm = QSpinBox(objectName="prefWpm")
        self.wpm.setRange(60, 200)
        self.wpm.setSuffix(" words per minute")
        self.wpm.setValue(settings.words_per_minute)
        self.wpm.setToolTip("About 110 suits statements that are read out and interpreted.")
        self.template = QComboBox(objectName="prefTemplate")
        for template in templates:
            self.template.addItem(template.name, template.key)
        index = self.template.findData(settings.default_template)
        self.template.setCurrentIndex(max(0, index))
        folder = QLabel(f'<a href="file://{home.root}">{html.escape(str(home.root))}</a>')
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        folder.setOpenExternalLinks(True)
        folder.setToolTip("Set BRIEFING_HOME or start with --home to use another folder.")
        form = QFormLayout()
        form.addRow("Delegation:", self.delegation)
        form.addRow("Speaker:", self.speaker)
        form.addRow("Speaking rate:", self.wpm)
        form.addRow("New drafts from:", self.template)
        form.addRow("Data folder:", folder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def apply(self) -> None:
        """Copy the fields into the settings and save what changed."""
        self.settings.delegation = self.delegation.text().strip()
        self.settings.speaker = self.speaker.text().strip()
        self.settings.words_per_minute = self.wpm.value()
        self.settings.default_template = (
            self.template.currentData() or self.settings.default_template
        )
        self.settings.save()


def about_html() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    versions = [
        ("Briefing", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
    ]
    for module, name in (
        ("whoosh", "Whoosh"),
        ("markdown", "python-markdown"),
        ("docx", "python-docx"),
    ):
        versions.append((name, _module_version(module)))
    rows = "".join(f"<tr><td>{n}</td><td>&nbsp;&nbsp;{v}</td></tr>" for n, v in versions)
    return (
        "<h2>Briefing</h2>"
        "<p>An offline assistant for delegates: find agreed language, read it in context, "
        "quote it with a pinpoint citation and watch the speaking time.</p>"
        "<p>Everything stays on this computer: Briefing never opens a network connection.</p>"
        f"<table>{rows}</table>"
        f"<p style='color:{style.muted_text().name()}'>"
        f"{html.escape(sys.platform)} · MIT licence</p>"
    )


def _module_version(module: str) -> str:
    from importlib import metadata

    dist = {"whoosh": "whoosh3", "markdown": "Markdown", "docx": "python-docx"}[module]
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


SHORTCUTS = [
    ("Search", [("Ctrl+L", "Go to the search box"),
                ("Enter", "Open the selected result in the reader"),
                ("F3 / Shift+F3", "Next / previous match in the reader"),
                ("Down", "Search history (in an empty search box)")]),
    ("Draft", [("Ctrl+Enter", "Insert the passage with its citation at the cursor"),
               ("Ctrl+Shift+Enter", "Insert the citation only"),
               ("Ctrl+B", "Add the passage to the basket"),
               ("Ctrl+N / Ctrl+O", "New draft / open a draft"),
               ("Ctrl+S / Ctrl+Shift+S", "Save / save as"),
               ("Ctrl+E", "Export to Word"),
               ("Ctrl+Shift+P", "Find precedents for the selected wording")]),
    ("Window", [("F1", "This list"), ("F9", "Show or hide the preview"),
                ("Ctrl+,", "Preferences"), ("Ctrl+Q", "Quit")]),
]  # fmt: skip


def shortcuts_html() -> str:
    """One table, so the keys line up across groups."""
    rows = []
    for group, entries in SHORTCUTS:
        rows.append(f"<tr><td colspan='2'><h3>{group}</h3></td></tr>")
        rows.extend(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
            for k, v in entries
        )
    return f"<table cellpadding='2'>{''.join(rows)}</table>"


class HtmlDialog(QDialog):
    """A small read-only dialog (About, Keyboard shortcuts)."""

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowIcon(style.app_icon())
        view = QTextBrowser(objectName="htmlDialogView")
        view.setOpenLinks(False)
        view.setHtml(body)
        view.setFrameShape(QTextBrowser.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(460, 420)


def edit_preferences(settings: Settings, home: DataHome, parent: QWidget) -> bool:
    """Show Preferences; True when the user applied changes."""
    from briefing_app.core.drafts.templates import list_templates

    dialog = PreferencesDialog(settings, home, list_templates(home.templates_dir), parent)
    if not dialog.exec():
        return False
    dialog.apply()
    return True
