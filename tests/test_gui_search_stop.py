"""A slow search shows that it is busy and can be stopped (Esc or Stop), with a
clear status line; the stopped search's late answer is never shown and the next
search does not wait for it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from briefing_app.gui.main_window import MainWindow
from tests import gui_support
from tests.gui_support import search

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui

SLOW = "marking"  # the query whose search never ends on its own here


def stuck_search(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """Make the library's search of SLOW block until the test lets it go."""
    library = window.service.library  # opened by a first search
    started, release = threading.Event(), threading.Event()
    real = library.search

    def search_(query, *args, **kwargs):
        if SLOW in query:
            started.set()
            release.wait(60)  # the test sets it; the bound only guards a broken test
        return real(query, *args, **kwargs)

    monkeypatch.setattr(library, "search", search_)
    return started, release


def type_query(qtbot, window: MainWindow, text: str) -> None:
    edit = window.search_panel.edit
    edit.clear()
    qtbot.keyClicks(edit, text)


@pytest.mark.parametrize("how", ["esc", "button"])
def test_a_slow_search_shows_busy_and_can_be_stopped(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    search(qtbot, window, "darknet")
    started, release = stuck_search(window, monkeypatch)
    panel = window.search_panel
    stop = window.findChild(QToolButton, "stopSearch")
    assert stop is not None and not stop.isVisible() and not panel.busy.isVisible()
    late: list[object] = []
    window.service.resultsReady.connect(lambda r: late.append(r) if SLOW in r.query else None)
    try:
        type_query(qtbot, window, SLOW)
        qtbot.waitUntil(started.is_set, timeout=10000)
        qtbot.waitUntil(stop.isVisible, timeout=10000)
        assert panel.busy.isVisible()
        assert f"Searching for “{SLOW}”" in panel.count.text()
        if how == "esc":
            qtbot.keyClick(panel.edit, Qt.Key.Key_Escape)
        else:
            qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        assert not stop.isVisible() and not panel.busy.isVisible()
        assert panel.count.text().startswith(f"Search stopped: “{SLOW}”")
        assert panel.model.rowCount() == 0  # no hits of the query before
        qtbot.waitUntil(lambda: window.reader.view.focus_segment() is None, timeout=5000)
        assert panel.edit.text() == SLOW  # what the user typed stays
        # The next search runs at once, though the stopped one is still stuck.
        search(qtbot, window, "darknet")
        assert not stop.isVisible()
    finally:
        release.set()
    service = window.service
    qtbot.waitUntil(lambda: all(p.activeThreadCount() == 0 for p in service._abandoned))
    QApplication.processEvents()  # deliver the stopped search's answer, if it were sent
    assert late == []
    assert window.search_state.result.query == "darknet"


def test_esc_in_the_search_box_does_nothing_when_no_search_runs(
    qtbot, window: MainWindow
) -> None:
    search(qtbot, window, "darknet")
    panel = window.search_panel
    rows = panel.model.rowCount()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Escape)
    assert panel.model.rowCount() == rows and "Search stopped" not in panel.count.text()
