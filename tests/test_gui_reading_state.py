"""Issue 13, items 12-14 in the real window: no stale reader or notice, an
order that agrees with the number shown, no history pop-up while typing."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextCursor

from briefing_app.gui.main_window import MainWindow
from tests import gui_support
from tests.gui_support import search

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui


def test_a_search_without_results_clears_the_reader(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "darknet")
    reader = window.reader.view
    hit = window.search_panel.current_hit()
    qtbot.waitUntil(
        lambda: getattr(reader.focus_segment(), "segment_id", "") == hit.segment_id,
        timeout=10000,
    )
    edit = window.search_panel.edit
    edit.clear()
    qtbot.keyClicks(edit, "zzqxwv")
    qtbot.waitUntil(lambda: window.search_panel.count.text() == "No results", timeout=10000)
    qtbot.waitUntil(lambda: reader.toPlainText().strip() == "", timeout=5000)
    assert reader.focus_segment() is None and not reader.matches
    assert window.reader.match_label.text() == ""
    assert "darknet" not in window.reader.citation.text().lower()
    assert window.passages.current is None


def test_undoing_replace_takes_back_the_replaced_notice(qtbot, window: MainWindow) -> None:
    sentence = (
        "States are strongly encouraged to further advance efforts to achieve "
        "target 16.4 of the Sustainable Development Goals"
    )
    draft = f"Mr. Chair,\n\n{sentence}. We agree.\n"
    window.editor.setPlainText(draft)
    start = draft.index(sentence)
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(sentence), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    panel = window.precedents_panel
    with qtbot.waitSignal(panel.resultsShown, timeout=20000):
        window.findPrecedentsAction.trigger()
    panel.replace_button.click()
    assert panel.status.text().startswith("Replaced with")
    window.registry["undoAction"].trigger()
    assert window.editor.toPlainText() == draft
    assert "Replaced with" not in panel.status.text()
    assert "undone" in panel.status.text()


def _leading_percent(row: str) -> int:
    found = re.search(r"(\d+)%", row.split("\n", 1)[1])
    assert found, row
    return int(found.group(1))


def test_precedents_are_listed_in_the_order_of_the_number_shown(qtbot, window: MainWindow) -> None:
    panel = window.precedents_panel
    panel.input.setPlainText("illicit trafficking in firearms via the darknet")
    with qtbot.waitSignal(panel.resultsShown, timeout=20000):
        panel.find_button.click()
    rows = [panel.model.data(panel.model.index(i)) for i in range(panel.model.rowCount())]
    assert len(rows) >= 3
    shown = [_leading_percent(r) for r in rows]
    assert shown == sorted(shown, reverse=True), rows
    assert "match" in rows[0].split("\n", 1)[1]
    assert "best match first" in panel.status.text()


def test_history_does_not_pop_up_while_typing(qtbot, window: MainWindow) -> None:
    window.settings.search_history = ["darknet", "firearms marking", "firearms tracing"]
    window.search_panel.set_history(window.settings.search_history)
    search(qtbot, window, "firearms")
    panel = window.search_panel
    popup = (getattr(panel, "completer", None) or panel.edit.completer()).popup()
    assert not popup.isVisible()
    window.search_panel.history_button.click()  # on request it opens
    qtbot.waitUntil(popup.isVisible, timeout=3000)


def test_a_slow_hit_document_never_replaces_the_document_opened_after_it(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big hit document still loading used to replace the one the user opened next."""
    pending: dict[str, object] = {}
    real_load = window.service.load_document

    def held(doc_id, on_loaded):  # type: ignore[no-untyped-def]
        pending[doc_id] = on_loaded  # the library thread answers later, in our order
        return real_load(doc_id, lambda *_: None)

    monkeypatch.setattr(window.service, "load_document", held)
    window.reading.forget()
    search(qtbot, window, "darknet")
    hit = window.search_panel.current_hit()
    qtbot.waitUntil(lambda: hit.doc_id in pending, timeout=10000)
    other = "ponti-bms7-expectations-2021-07-21"
    assert other != hit.doc_id
    window.open_document(other)
    library = window.service.library
    pending[other](library.document(other), library.document_segments(other))
    reader = window.reader.view
    assert reader.meta is not None and reader.meta.doc_id == other
    pending[hit.doc_id](library.document(hit.doc_id), library.document_segments(hit.doc_id))
    assert reader.meta.doc_id == other  # the late hit document is cached, not shown
