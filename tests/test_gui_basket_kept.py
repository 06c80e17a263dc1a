"""Issue 13, item 9: the basket is still there after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.paths import DataHome
from briefing_app.core.session.basket_store import load_basket
from tests import gui_support
from tests.gui_support import open_window, search

built_index, home = gui_support.built_index, gui_support.home

pytestmark = pytest.mark.gui


def test_the_basket_is_kept_across_restarts(qtbot, home: Path) -> None:
    window = open_window(qtbot, home)
    search(qtbot, window, "darknet")
    hits = window.search_panel.model.hits()[:3]
    for row in range(3):
        window.search_panel.view.setCurrentIndex(window.search_panel.model.index(row))
        window.registry["basketAction"].trigger()
    basket = window.basket
    assert basket.model.rowCount() == 3
    basket.view.setCurrentIndex(basket.model.index(2))
    basket.up.click()  # the order the delegate chose is kept too
    order = [p.citation for p in basket.model.passages()]
    assert order == [hits[0].citation, hits[2].citation, hits[1].citation]
    window.close()

    again = open_window(qtbot, home)
    assert [p.citation for p in again.basket.model.passages()] == order
    assert again.basket.model.passages()[0].text == hits[0].text
    again.basket.view.selectAll()
    again.basket.remove_selected()
    assert load_basket(DataHome.resolve(home).basket_file) == []


def test_a_damaged_basket_file_opens_empty(qtbot, home: Path) -> None:
    DataHome.resolve(home).basket_file.write_text("{not json", encoding="utf-8")
    window = open_window(qtbot, home)
    assert window.basket.model.rowCount() == 0
