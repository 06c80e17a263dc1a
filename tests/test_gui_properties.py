"""Document properties: the user corrects a title in the window; library and citations follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMenu

from briefing_app.gui.library_panel import DocRole
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.properties_dialog import DocumentPropertiesDialog
from tests import gui_support

built_index = gui_support.built_index
home = gui_support.home
window = gui_support.window

pytestmark = pytest.mark.gui

REPORT = "wg-firearms-2021-report"


def library_titles(window: MainWindow) -> dict[str, str]:
    return dict(window.library_panel.titles)


def select_in_library(window: MainWindow, doc_id: str) -> None:
    model = window.library_panel.docs_model
    matches = model.match(model.index(0, 0), DocRole, doc_id, 1, _recursive())
    assert matches, f"{doc_id} is not in the library panel"
    window.library_panel.docs.setCurrentIndex(matches[0])


def _recursive():  # Qt.MatchFlag.MatchRecursive | MatchExactly
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly


def test_properties_dialog_corrects_the_title_and_citations_follow(
    qtbot, window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: REPORT in library_titles(window), timeout=15000)
    select_in_library(window, REPORT)
    action = window.findChild(object, "documentPropertiesAction")
    assert action is not None
    assert action in window.library_panel.docs.actions()  # the library's context menu
    library_menu = window.menuBar().findChild(QMenu, "libraryMenu")
    assert action in library_menu.actions()
    action.trigger()
    qtbot.waitUntil(
        lambda: window.findChild(DocumentPropertiesDialog, "documentPropertiesDialog") is not None,
        timeout=15000,
    )
    dialog = window.findChild(DocumentPropertiesDialog, "documentPropertiesDialog")
    title = dialog.findChild(QLineEdit, "titleEdit")
    assert title.text().startswith("Report on the meeting of the Working Group on Firearms")
    cite_as = dialog.findChild(QLineEdit, "cite_asEdit")
    preview = dialog.findChild(QLabel, "citationPreview")
    assert preview.text() == "Report of the Working Group on Firearms, Vienna, 10–12 May 2021"
    title.setText("Firearms Working Group report 2021")
    cite_as.clear()  # blanked: the bundled manifest's cite_as would hide the title
    assert preview.text().startswith("Firearms Working Group report 2021")  # as typed
    with qtbot.waitSignal(window.service.libraryChanged, timeout=30000):
        dialog.accept()
    qtbot.waitUntil(
        lambda: library_titles(window).get(REPORT) == "Firearms Working Group report 2021",
        timeout=15000,
    )
    gui_support.search(qtbot, window, "darknet")
    hits = window.search_panel.model.hits()  # what the results list shows
    report_hits = [h for h in hits if h.doc_id == REPORT]
    assert report_hits
    assert report_hits[0].doc_title == "Firearms Working Group report 2021"
    assert report_hits[0].citation.startswith("Firearms Working Group report 2021")
    assert window.library.corrections(REPORT)["title"] == "Firearms Working Group report 2021"


def test_bad_date_keeps_the_dialog_open_with_the_reason(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: REPORT in library_titles(window), timeout=15000)
    window.document_properties.open(REPORT)
    qtbot.waitUntil(lambda: window.document_properties.dialog is not None, timeout=15000)
    dialog = window.document_properties.dialog
    dialog.findChild(QLineEdit, "dateEdit").setText("31 May 2021")
    dialog.accept()
    assert dialog.isVisible()
    error = dialog.findChild(object, "propertiesError")
    assert "not an ISO date" in error.text()
    dialog.reject()


def test_a_correction_made_while_indexing_is_kept_and_applied_afterwards(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Accepting the dialog during an indexing run used to drop what the user typed."""
    qtbot.waitUntil(lambda: REPORT in library_titles(window), timeout=15000)
    qtbot.waitUntil(lambda: not window.service.is_indexing(), timeout=30000)
    window.document_properties.open(REPORT)
    qtbot.waitUntil(lambda: window.document_properties.dialog is not None, timeout=15000)
    dialog = window.document_properties.dialog
    service = window.service
    runs: list[bool] = []
    monkeypatch.setattr(service, "is_indexing", lambda: True)  # e.g. the start-up run
    monkeypatch.setattr(service, "index", lambda *a, **k: runs.append(True))  # refused: None
    dialog.findChild(QLineEdit, "speakerEdit").setText("Ms. Example")
    dialog.accept()
    qtbot.waitUntil(lambda: window.library.corrections(REPORT).get("speaker") == "Ms. Example")
    qtbot.waitUntil(lambda: runs == [True])  # asked, refused (None): another run goes on
    started: list[bool] = []
    monkeypatch.setattr(service, "is_indexing", lambda: False)
    monkeypatch.setattr(service, "index", lambda *a, **k: started.append(True) or object())
    service.indexFinished.emit({})  # the running index finished: the correction is applied
    qtbot.waitUntil(lambda: started == [True], timeout=5000)


def shown(command) -> bool:
    return command.dialog is not None and command.dialog.isVisible()


def test_cancel_then_reopen_shows_the_documents_values_not_the_edits(
    qtbot, window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: REPORT in library_titles(window), timeout=15000)
    command = window.document_properties
    command.open(REPORT)
    qtbot.waitUntil(lambda: shown(command), timeout=15000)
    first = command.dialog
    original = first.findChild(QLineEdit, "titleEdit").text()
    date = first.findChild(QLineEdit, "dateEdit").text()
    first.findChild(QLineEdit, "titleEdit").setText("Edited but cancelled")
    first.findChild(QLineEdit, "dateEdit").setText("not a date")
    cancel = first.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert command.dialog is None  # nothing stale is left to look at
    command.open(REPORT)
    qtbot.waitUntil(lambda: shown(command), timeout=15000)
    dialog = command.dialog
    assert dialog.findChild(QLineEdit, "titleEdit").text() == original
    assert dialog is not first and dialog.findChild(QLineEdit, "dateEdit").text() == date
    assert not dialog.findChild(object, "propertiesError").isVisible()
    dialog.reject()


def test_a_saved_correction_shows_before_the_reindex_applies_it(
    qtbot, window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: REPORT in library_titles(window), timeout=15000)
    meta = window.library.document(REPORT)
    dialog = DocumentPropertiesDialog(meta, {"title": "Saved title", "speaker": ""}, window)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLineEdit, "titleEdit").text() == "Saved title"
    assert dialog.changes() == {}  # nothing edited yet
    assert dialog.findChild(QLabel, "citationPreview").text() != ""
