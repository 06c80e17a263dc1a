"""Typing in the search box: what each keystroke costs the window.

Only the newest query is answered, with its first hits (the rest follow once
typing pauses), nothing waits behind a facet count, the reader follows the
first hit once typing pauses, and snippets are laid out once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont

from briefing_app.core.models import SearchResult
from briefing_app.gui import reading
from briefing_app.gui.library_service import FIRST_PAGE, FULL_PAGE
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.results_delegate import SNIPPET_CACHE, HitDelegate
from tests import gui_support
from tests.gui_support import search

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_only_the_newest_query_is_answered(qtbot, window: MainWindow) -> None:
    answered: list[str] = []
    window.service.resultsReady.connect(lambda result: answered.append(result.query))
    for prefix in ("f", "fi", "fir", "fire", "firearms"):
        window.service.search(prefix)
    qtbot.waitUntil(lambda: "firearms" in answered, timeout=15000)
    assert answered == ["firearms"]


def test_a_new_keystroke_cancels_the_pending_facet_count(qtbot, window: MainWindow) -> None:
    service = window.service
    with qtbot.waitSignal(service.resultsReady, timeout=15000):
        service.search("darknet")
    assert service._facet_timer.isActive()  # counts follow once typing pauses
    service.search("darknet firearms")
    assert not service._facet_timer.isActive()  # ... not ahead of the next search


def test_the_reader_follows_the_first_hit_once_typing_pauses(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    monkeypatch.setattr(reading.time, "monotonic", clock)
    search(qtbot, window, "darknet")
    router, hit = window.reading, window.search_panel.current_hit()
    router.typing()
    router.show_hit(hit)
    assert router._timer.isActive()
    assert router._timer.interval() == reading.TYPING_PAUSE_MS
    clock.now += 0.1  # the next keystroke restarts the wait
    router.typing()
    assert router._timer.interval() == reading.TYPING_PAUSE_MS
    clock.now += 5  # a selection made long after the last keystroke: read it soon
    router.show_hit(hit)
    assert router._timer.interval() == reading.READER_DELAY_MS
    reader = window.reader.view
    qtbot.waitUntil(
        lambda: getattr(reader.focus_segment(), "segment_id", "") == hit.segment_id,
        timeout=10000,
    )


def test_opening_a_document_wins_over_a_hit_still_settling(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "darknet")
    hit = window.search_panel.current_hit()
    other = "ponti-bms7-expectations-2021-07-21"
    assert hit is not None and hit.doc_id != other
    window.reading.typing()
    window.reading.show_hit(hit)
    window.open_document(other)
    assert not window.reading._timer.isActive()
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.meta is not None and reader.meta.doc_id == other, timeout=10000)


def test_an_empty_query_clears_without_a_search(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.service.resultsReady, timeout=1000) as blank:
        window.service.search("  ")
    assert blank.args[0] == SearchResult("  ", 0, [])


def test_snippet_documents_are_laid_out_once_and_kept_bounded(qapp) -> None:
    delegate = HitDelegate()
    font = QFont()
    first = delegate.snippet_document("the <b>darknet</b> market", 300, "#000000", font)
    assert delegate.snippet_document("the <b>darknet</b> market", 300, "#000000", font) is first
    assert delegate.snippet_document("the <b>darknet</b> market", 200, "#000000", font) is not first
    assert "darknet" in first.toPlainText() and "<b>" not in first.toPlainText()
    for n in range(SNIPPET_CACHE + 5):
        delegate.snippet_document(f"snippet {n}", 300, "#000000", font)
    assert len(delegate._snippets) == SNIPPET_CACHE


def test_a_keystroke_shows_the_first_hits_and_the_rest_follow(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "firearms")
    panel, model = window.search_panel, window.search_panel.model
    first = model.hits()
    total = window.search_state.result.total
    assert len(first) == FIRST_PAGE < total
    assert panel.count.text() == f"{total} results (showing {FIRST_PAGE})"
    panel.view.setCurrentIndex(model.index(3))  # the user moved on meanwhile
    qtbot.waitUntil(lambda: model.rowCount() == min(FULL_PAGE, total), timeout=15000)
    assert model.hits()[:FIRST_PAGE] == first  # appended below, nothing above moved
    assert panel.current_hit() == first[3]
    assert window.search_state.result.hits == model.hits()
    assert panel.count.text() == f"{total} results (showing {min(FULL_PAGE, total)})"
    assert len({h.segment_id for h in model.hits()}) == model.rowCount()


def test_scrolling_to_the_end_fetches_the_rest_at_once(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "firearms")
    window.service._more_timer.stop()  # no pause: only the scrolling can ask
    model = window.search_panel.model
    assert model.rowCount() == FIRST_PAGE
    window.search_panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE, timeout=15000)
    assert not model.canFetchMore(QModelIndex())


def test_rows_fit_a_narrow_results_pane(qtbot, window: MainWindow) -> None:
    """Snippets wrap to the pane: no row is wider than the list (no sideways scroll)."""
    window.main_split.setSizes([240, 1200])
    search(qtbot, window, "firearms")
    view = window.search_panel.view
    qtbot.waitUntil(lambda: view.viewport().width() < 300, timeout=5000)
    qtbot.waitUntil(
        lambda: view.visualRect(view.model().index(0)).width() == view.viewport().width(),
        timeout=5000,
    )
    assert view.horizontalScrollBar().maximum() == 0
