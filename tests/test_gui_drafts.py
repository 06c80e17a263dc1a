"""Draft workflow in the real window: templates, dropping passages, history, preferences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from briefing_app.core.drafts.insert import Passage
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.results_model import passages_mime
from tests import gui_support
from tests.gui_support import search

pytestmark = pytest.mark.gui
built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

PASSAGE = Passage(
    "States should monitor the darknet.",
    "Report of the Working Group on Firearms, Vienna, 10–12 May 2021, recommendation 18",
    "recommendation",
    "18",
)


def test_new_from_template_fills_the_delegation(window: MainWindow) -> None:
    window.settings.delegation = "Italy"
    assert window.session.new_draft("panel-talking-points")
    text = window.editor.toPlainText()
    assert text.startswith("---\n") and "delegation: Italy" in text and "## Key messages" in text
    assert window.session.path is None and window.windowTitle().startswith("Untitled draft")


def test_dropping_a_passage_on_the_editor_quotes_it(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("Mr. Chair,\n")
    mime = passages_mime([PASSAGE])  # keep a reference: the event does not own it
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.editor.dropEvent(event)
    text = window.editor.toPlainText()
    assert (
        "As stated in recommendation 18 of the report of the Working Group on Firearms[^1]:" in text
    )
    assert "> States should monitor the darknet." in text
    assert text.rstrip().endswith("recommendation 18.")
    window.editor.undo()  # one edit block: a single undo takes it all back
    assert window.editor.toPlainText() == "Mr. Chair,\n"


def test_misspelt_query_offers_a_correction(qtbot, window: MainWindow) -> None:
    window.search_panel.search_for("firarms")
    label = window.search_panel.suggestion
    qtbot.waitUntil(label.isVisible, timeout=10000)
    assert "firearms" in label.text()
    label.linkActivated.emit("firearms")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=10000)
    assert window.search_panel.edit.text() == "firearms"


def test_enter_records_search_history(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "darknet")
    qtbot.keyClick(window.search_panel.edit, Qt.Key.Key_Return)
    assert window.settings.search_history[0] == "darknet"
    saved = json.loads(window.home.settings_file.read_text(encoding="utf-8"))
    assert saved["search_history"] == ["darknet"]
    assert window.search_panel.history.stringList() == ["darknet"]


def test_words_per_minute_preference_changes_the_estimate(window: MainWindow) -> None:
    window.editor.setPlainText("word " * 110)
    window.speaking_label.refresh()
    assert "1:00 min" in window.speaking_label.text()
    window.speaking_label.set_wpm(55)
    assert "2:00 min" in window.speaking_label.text()


def test_reopening_starts_with_the_last_draft(qtbot, home: Path, tmp_path: Path) -> None:
    first = gui_support.open_window(qtbot, home)
    first.editor.setPlainText("# My statement\n")
    saved = first.session.save_to(tmp_path / "mine.md")
    first.close()
    second = gui_support.open_window(qtbot, home)
    assert second.session.path == saved
    assert second.editor.toPlainText() == "# My statement\n"
    assert not second.session.modified


def test_typing_sends_one_change_notice_per_pause(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("")
    window.draft.sync()
    notices: list[object] = []
    window.draft.changed.connect(notices.append)
    qtbot.keyClicks(window.editor, "# Heading typed")
    qtbot.waitUntil(lambda: bool(notices))
    assert len(notices) == 1 and notices[0].headings[0].title == "Heading typed"
    assert window.draft.current() is notices[0]
