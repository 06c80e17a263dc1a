"""Opening a long document marks matches where the user looks, not all at once
(Qt lays the document out up to every mark), yet every match on screen is marked
and next/previous match still visit all of them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.reader import ReaderView
from tests import gui_support
from tests.gui_support import search

built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui

REPORT = "wg-firearms-2021-report"  # the largest bundled document (~50 KB)


def marked(view: ReaderView) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()}


def on_screen(view: ReaderView) -> list[int]:
    """The matches whose text shows in the viewport."""
    area = view.viewport().rect()
    shown = []
    for i, match in enumerate(view.matches):
        start = view.cursorRect(_at(match.selectionStart(), match))
        if area.intersects(QRect(start)):
            shown.append(i)
    return shown


def _at(position: int, match):  # a collapsed cursor at a match's start
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(match)
    cursor.setPosition(position)
    return cursor


def span(match) -> tuple[int, int]:
    return match.selectionStart(), match.selectionEnd()


def test_a_long_document_marks_what_is_on_screen_and_more_as_it_scrolls(
    qtbot, window: MainWindow
) -> None:
    search(qtbot, window, "firearms")
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.meta is not None and reader.meta.doc_id == REPORT, timeout=15000)
    matches = reader.matches
    assert len(matches) > 100  # every match is found …
    assert len(reader.extraSelections()) < len(matches)  # … only those near the view marked
    shown = on_screen(reader)
    assert shown and all(span(matches[i]) in marked(reader) for i in shown)

    bar, seen = reader.verticalScrollBar(), set(shown)
    value = 0
    while value <= bar.maximum():  # scroll through the report page by page, as a reader does
        bar.setValue(value)
        value += reader.viewport().height() // 2
        shown = on_screen(reader)
        assert all(span(matches[i]) in marked(reader) for i in shown), value
        seen.update(shown)
    assert seen == set(range(len(matches)))  # every match was on screen, and marked


def test_next_match_visits_every_match_and_each_is_marked_current(
    qtbot, window: MainWindow
) -> None:
    search(qtbot, window, "firearms")
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.meta is not None and reader.meta.doc_id == REPORT, timeout=15000)
    count, start = len(reader.matches), reader.current_match
    visited = set()
    for _ in range(count):
        window.reader.next_match()
        current = reader.matches[reader.current_match]
        visited.add(reader.current_match)
        assert span(current) in marked(reader)
        assert reader.current_match in on_screen(reader)
        assert reader.viewport().rect().intersects(reader.cursorRect(reader.textCursor()))
    assert visited == set(range(count)) and reader.current_match == start
    window.reader.previous_match()
    assert reader.current_match == (start - 1) % count
    assert span(reader.matches[reader.current_match]) in marked(reader)
    assert f"of {count}" in window.reader.match_label.text()


def test_documents_read_one_after_another_are_not_all_kept(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QTextDocument

    reader = window.reader.view
    doc_ids = [m.doc_id for m in window.library.documents()][:4]
    for doc_id in doc_ids * 2:
        window.open_document(doc_id)
        qtbot.waitUntil(lambda d=doc_id: reader.meta is not None and reader.meta.doc_id == d)
    qtbot.waitUntil(lambda: len(reader.findChildren(QTextDocument)) <= 2, timeout=5000)
    assert reader.document().toPlainText().startswith(reader.meta.title)
