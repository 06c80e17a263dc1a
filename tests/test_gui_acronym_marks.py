"""Issue 13, item 15: an acronym's expansion is marked as a whole phrase."""

from __future__ import annotations

import pytest

from briefing_app.core.index.snippets import mark, word_spans_of
from briefing_app.gui.main_window import MainWindow
from tests import gui_support
from tests.gui_support import search

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui


def test_a_phrase_is_marked_whole_and_its_words_alone_are_not() -> None:
    text = "Armed groups and the Arms Trade Treaty; small arms and weapons."
    marked = mark(text, {("arm", "trade", "treati"), ("att",)})
    assert marked.words == ["Arms Trade Treaty"]
    assert "<b>Arms Trade Treaty</b>" in marked.html
    assert "<b>Armed</b>" not in marked.html and "<b>arms</b>" not in marked.html
    spans = word_spans_of("the Arms\nTrade  Treaty and arms", marked.words)
    assert spans == [(4, 22)]


def test_att_marks_the_treaty_in_snippets_and_reader(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "ATT")
    hits = window.search_panel.model.hits()
    assert hits
    for hit in hits:
        assert set(hit.terms) <= {"ATT", "Arms Trade Treaty"}, hit.terms
        if "Arms Trade Treaty" in hit.text:
            assert "<b>Arms Trade Treaty</b>" in hit.snippet, hit.snippet
        for lone in ("<b>arms</b>", "<b>armed</b>", "<b>trade</b>", "<b>weapons</b>"):
            assert lone not in hit.snippet.lower(), hit.snippet
    row = next(i for i, h in enumerate(hits) if "Arms Trade Treaty" in h.text)
    window.search_panel.view.setCurrentIndex(window.search_panel.model.index(row))
    hit = hits[row]
    reader = window.reader.view
    qtbot.waitUntil(
        lambda: (
            getattr(reader.focus_segment(), "segment_id", "") == hit.segment_id
            and bool(reader.matches)
        ),
        timeout=10000,
    )
    marked = {" ".join(m.selectedText().split()).lower() for m in reader.matches}
    assert marked == {"arms trade treaty"}
    assert len(reader.matches) == reader.toPlainText().count("Arms Trade Treaty")
