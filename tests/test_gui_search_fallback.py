"""The window says so when the hits have most, not all, of the words."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from briefing_app.gui.main_window import MainWindow
from tests import gui_support
from tests.gui_support import search

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui


def test_partial_results_show_the_line_and_plain_results_hide_it(qtbot, window: MainWindow) -> None:
    notice = window.findChild(QLabel, "partialNotice")
    search(qtbot, window, "firearms bought on the darknet")
    qtbot.waitUntil(notice.isVisible, timeout=10000)
    assert "No passage has all of" in notice.text()
    assert "showing those with most of them" in notice.text() and "bought" in notice.text()
    assert window.search_panel.model.hits()[0].segment_id.endswith("#recommendation-18")
    search(qtbot, window, "darknet")
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10000)
