"""Issue 13, items 10-11: slides read as slides (no raw Markdown), and the
reader wraps slide decks and an added DOCX (with its table) at any width."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QTextTable

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow
from tests import gui_support
from tests.gui_support import open_window

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui

DECK = "ponti-bms7-expectations-2021-07-21"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DOCX = SHARED / "corpora" / "undocs" / "A_80_605.docx"


def read(qtbot, window: MainWindow, doc_id: str) -> None:
    window.open_document(doc_id)
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.meta is not None and reader.meta.doc_id == doc_id, timeout=15000)


def test_slides_show_their_markdown_rendered(qtbot, window: MainWindow) -> None:
    read(qtbot, window, DECK)
    reader = window.reader.view
    text = reader.toPlainText()
    assert "Two questions" in text and "Observatory on organized crime (CROSS)" in text
    for raw in ("# ", "**", "*Observatory", "- What to expect"):
        assert raw not in text, raw
    lists = []
    block = reader.document().begin()
    while block.isValid():
        if block.textList() is not None:
            lists.append(block.text())
        block = block.next()
    assert any(t.startswith("How civil society could contribute") for t in lists), lists
    # Every block of a slide still belongs to it: a click on a bullet picks its slide.
    numbers = {reader.segments[i].number for i in reader._block_segment.values()}
    assert {"1", "2", "3"} <= numbers


def _no_horizontal_scrolling(qtbot, window: MainWindow, doc_id: str) -> None:
    read(qtbot, window, doc_id)
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.viewport().width() < 330)
    bar = reader.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, reader.viewport().height())):
        bar.setValue(value)  # lay out the whole document, not only what shows
        qtbot.waitUntil(lambda: reader.horizontalScrollBar().maximum() == 0, timeout=3000)


def test_the_reader_wraps_a_slide_deck_and_an_added_docx(qtbot, home: Path) -> None:
    if not DOCX.is_file():
        pytest.skip(f"the undocs corpus is not at {DOCX.parent}")
    library = Library(home)
    library.add([DOCX])
    library.close()
    window = open_window(qtbot, home)
    window.resize(1000, 700)
    window.main_split.setSizes([340, 660])
    for doc_id in (DECK, "a-80-605"):
        _no_horizontal_scrolling(qtbot, window, doc_id)
    reader = window.reader.view
    assert any(isinstance(f, QTextTable) for f in reader.document().rootFrame().childFrames())
    assert "| I. Mandate, results achieved" not in reader.toPlainText()  # a grid, not pipes
    shutil.rmtree(home / "library", ignore_errors=True)
