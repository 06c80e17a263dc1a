"""Issue 13, item 7: Ctrl+E offers profile, template and numbering, remembered per
draft, starting in the drafts folder; the export runs on a worker thread."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from briefing_app.core.export.profiles import PROFILES as EXPORT_PROFILES
from briefing_app.core.paths import DataHome
from briefing_app.core.session.export_choices import PROFILES
from briefing_app.gui.export_dialog import ExportDialog
from briefing_app.gui.main_window import MainWindow
from tests import gui_support

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui

DRAFT = "---\ntitle: Statement of Austria\n---\n\nFirst point.\n\nSecond point.\n"


def open_dialog(qtbot, window: MainWindow) -> ExportDialog:
    qtbot.waitUntil(lambda: window.findChild(ExportDialog, "exportDialog") is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(ExportDialog, "exportDialog") is not None)
    box = window.findChild(ExportDialog, "exportDialog")
    qtbot.waitUntil(box.isVisible)
    return box


def export(qtbot, window: MainWindow, box: ExportDialog) -> Path:
    with qtbot.waitSignal(window.exporter.exported, timeout=20000) as done:
        box.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.exporter.task is not None  # ran through the worker
    qtbot.waitUntil(lambda: window.findChild(ExportDialog, "exportDialog") is None)
    return done.args[0]


def test_the_dialog_offers_the_cli_choices_and_starts_in_the_drafts_folder(
    qtbot, window: MainWindow
) -> None:
    assert set(PROFILES) == set(EXPORT_PROFILES)  # the same profiles as the CLI
    box = open_dialog(qtbot, window)
    drafts = DataHome.resolve(window.home.root).drafts_dir
    assert box.target().parent == drafts
    profiles = [box.profile.itemData(i) for i in range(box.profile.count())]
    assert profiles == ["statement", "speaker", "talking-points"]
    assert box.template.itemData(0) == "" and box.numbered.isChecked() is False
    box.reject()


def test_choices_are_used_and_remembered_per_draft(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    templates = window.home.templates_dir
    templates.mkdir(parents=True, exist_ok=True)
    mission = templates / "mission.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "Permanent Mission of Austria"
    letterhead.save(str(mission))
    draft = tmp_path / "austria.md"
    draft.write_text(DRAFT, encoding="utf-8")
    assert window.open_draft(draft)

    box = open_dialog(qtbot, window)
    box.profile.setCurrentIndex(box.profile.findData("speaker"))
    box.template.setCurrentIndex(box.template.findData(str(mission)))
    box.numbered.setChecked(True)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert box.target().name == "austria (speaker).docx"
    box.path.setText(str(out_dir / box.target().name))
    out = export(qtbot, window, box)
    assert out == out_dir / "austria (speaker).docx"
    word = docx.Document(str(out))
    numbered = [
        p.text for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    assert numbered == ["First point.", "Second point."]
    assert word.styles["Normal"].font.size.pt == 16  # the speaker's reading copy
    assert "Permanent Mission of Austria" in word.sections[0].header.paragraphs[0].text

    box = open_dialog(qtbot, window)  # the same draft: its choices come back
    assert box.profile.currentData() == "speaker"
    assert box.template.currentData() == str(mission)
    assert box.numbered.isChecked()
    assert box.target() == out_dir / "austria (speaker).docx"
    box.reject()

    window.session.new_draft()  # another draft: the defaults
    box = open_dialog(qtbot, window)
    assert box.profile.currentData() == "statement" and not box.numbered.isChecked()
    box.reject()
