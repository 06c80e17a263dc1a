"""The reader's marks and links: found with Python's ``re``, links off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.reader_text import find_marks, links_in, plain_text
from tests import gui_support

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui

CONINX = "cted-coninx-opening-statement-2021-06-24"


def document(*paragraphs: str) -> QTextDocument:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for i, text in enumerate(paragraphs):
        if i:
            cursor.insertBlock()
        cursor.insertText(text)
    return doc


def test_phrases_are_marked_whole_and_words_only_whole(qapp) -> None:
    doc = document("The Arms Trade Treaty covers arms;", "firearms and ARMS, not armsfoo")
    marks = find_marks(doc, ["arms", "Arms Trade Treaty"])
    assert [m.selectedText() for m in marks] == ["Arms Trade Treaty", "arms", "ARMS"]
    assert [m.block().blockNumber() for m in marks] == [0, 0, 1]
    assert find_marks(doc, []) == []


def test_marks_land_on_the_words_after_characters_outside_the_bmp(qapp) -> None:
    """Qt counts UTF-16 units: an emoji or a rare CJK character is two of them."""
    doc = document("𝔸 firearms 😀 and Firearms", "plain firearms")
    marks = find_marks(doc, ["firearms"])
    assert [m.selectedText() for m in marks] == ["firearms", "Firearms", "firearms"]


def test_a_loaded_document_comes_with_its_links_found(qtbot, window: MainWindow) -> None:
    links_in.cache_clear()
    loaded: list[object] = []
    window.service.load_document(CONINX, lambda meta, segments: loaded.append(segments))
    qtbot.waitUntil(lambda: bool(loaded), timeout=15000)
    segments = loaded[0]
    prose = [plain_text(s) for s in segments]  # type: ignore[attr-defined]
    before = links_in.cache_info()
    found = [link for text in prose for link in links_in(text)]
    after = links_in.cache_info()
    assert after.misses == before.misses  # every passage's links were found already
    assert any(link.key == "res:2370(2017)" for link in found)
    assert all(link.tooltip.startswith("Passages citing ") for link in found)
