"""The real main window, offscreen: search, read, insert, speaking time, files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox, QPlainTextEdit

from briefing_app.core.drafts.autosave import find_recoveries
from briefing_app.core.paths import DataHome
from briefing_app.gui.library_panel import FacetRole
from briefing_app.gui.main_window import MainWindow
from tests import gui_support
from tests.gui_support import open_window, search

# Fixtures shared with the other GUI test modules.
built_index, home, window = gui_support.built_index, gui_support.home, gui_support.window

pytestmark = pytest.mark.gui


def test_contract_object_names(window: MainWindow) -> None:
    assert isinstance(window.findChild(QLineEdit, "searchEdit"), QLineEdit)
    assert isinstance(window.findChild(QAbstractItemView, "resultsView"), QAbstractItemView)
    assert isinstance(window.findChild(QPlainTextEdit, "draftEditor"), QPlainTextEdit)
    for name in ("readerView", "basketView", "previewView", "speakingTimeLabel"):
        assert window.findChild(object, name) is not None, name
    assert window.insertAction.objectName() == "insertAction"
    assert window.exportAction.shortcut().toString() == "Ctrl+E"
    assert window.editor is window.findChild(QPlainTextEdit, "draftEditor")


def test_typing_shows_hits_and_the_reader_shows_the_passage(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "darknet")
    model = window.search_panel.model
    hits = model.hits()
    assert any(h.segment_id == "wg-firearms-2021-report#recommendation-18" for h in hits)
    assert all("<b>" in h.snippet for h in hits)
    first = hits[0]
    reader = window.reader.view
    qtbot.waitUntil(lambda: reader.focus_segment() is not None, timeout=10000)
    assert reader.focus_segment().segment_id == first.segment_id
    assert first.text[:40] in reader.toPlainText().replace("\n", " ")
    assert reader.matches  # each marked when on screen (tests/test_gui_reader_marks.py)
    marks = reader.extraSelections()
    marked = {(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in marks}
    current = reader.matches[reader.current_match]
    assert (current.selectionStart(), current.selectionEnd()) in marked
    assert first.citation in window.reader.citation.text()


def test_selecting_another_hit_scrolls_the_reader_to_it(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "darknet")
    view = window.search_panel.view
    rec18 = next(
        i for i, h in enumerate(window.search_panel.model.hits()) if h.kind == "recommendation"
    )
    view.setCurrentIndex(window.search_panel.model.index(rec18))
    reader = window.reader.view
    qtbot.waitUntil(lambda: getattr(reader.focus_segment(), "number", "") == "18", timeout=10000)
    selected = reader.matches[reader.current_match].selectedText().lower()
    assert selected == "darknet"


def test_ctrl_enter_inserts_quote_and_citation(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("Mr. Chair,\n")
    search(qtbot, window, "darknet")
    hit = window.search_panel.current_hit()
    window.search_panel.view.setFocus()
    qtbot.waitUntil(window.search_panel.view.hasFocus)
    before = window.speaking_label.text()
    qtbot.keyClick(window.search_panel.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    text = window.editor.toPlainText()
    assert "As stated in" in text and "[^1]:" in text
    assert f"> {hit.text.split()[0]}" in text
    assert text.rstrip().endswith(f"[^1]: {hit.citation}.")
    qtbot.waitUntil(lambda: window.speaking_label.text() != before)
    assert f"{window.speaking_label.estimate.words} words" in window.speaking_label.text()
    assert window.speaking_label.estimate.words > 20


def test_citation_only_and_basket(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("")
    search(qtbot, window, "darknet")
    window.citationOnlyAction.trigger()
    assert ">" not in window.editor.toPlainText()
    assert "[^1]" in window.editor.toPlainText()
    window.add_to_basket()
    window.search_panel.view.setCurrentIndex(window.search_panel.model.index(1))
    window.add_to_basket()
    assert window.basket.model.rowCount() == 2
    window.basket.model.move(1, -1)
    window.basket.insert_all.click()
    text = window.editor.toPlainText()
    assert text.count("As stated in") == 2 and "[^2]:" in text and "[^3]:" in text


def test_speaking_time_warns_when_over_the_slot(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("---\nslot_minutes: 1\n---\n" + "word " * 300)
    label = window.speaking_label
    qtbot.waitUntil(lambda: "over by" in label.text())
    assert "⚠" in label.text() and label.estimate.over


def test_autosave_writes_the_file_and_a_restart_offers_recovery(qtbot, home: Path) -> None:
    first = open_window(qtbot, home)
    first.session.autosave_timer.setInterval(10)
    first.editor.setPlainText("")
    qtbot.keyClicks(first.editor, "Text typed before the power cut")
    autosave_dir = DataHome.resolve(home).autosave_dir
    qtbot.waitUntil(lambda: len(find_recoveries(autosave_dir)) == 1)
    assert find_recoveries(autosave_dir)[0].text.endswith("Text typed before the power cut")
    # Simulate a crash: the window goes away without closing.
    first.session.autosave_timer.stop()
    first.service.close()
    first.session.close_cleanly = lambda: None  # the crash never runs the clean-up
    second = open_window(qtbot, home)
    bar = second.recovery_bar
    qtbot.waitUntil(bar.isVisible)
    assert "Untitled draft" in bar.label.text()
    bar.recover_button.click()
    assert second.editor.toPlainText().endswith("Text typed before the power cut")
    assert second.session.modified  # recovered text still needs saving
    assert not bar.isVisible()


def test_save_writes_atomically_and_close_asks(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.editor.setPlainText("# Statement\n\nHello.\n")
    saved = window.session.save_to(tmp_path / "mine.md")
    assert saved.read_text(encoding="utf-8") == "# Statement\n\nHello.\n"
    assert not window.isWindowModified()
    assert window.settings.recent_drafts[0] == str(saved.resolve())
    window.editor.appendPlainText("More.")
    asked = []
    window.session.ask_unsaved = lambda: asked.append(1) or window.session.ask_unsaved_cancel()
    window.session.ask_unsaved_cancel = lambda: QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert asked and window.isVisible()
    window.session.ask_unsaved = lambda: QMessageBox.StandardButton.Discard


def test_preview_shows_raw_html_as_text(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("Hello <script>alert(1)</script> **bold**\n")
    window.preview.render_now()
    shown = window.preview.toPlainText()
    assert "<script>alert(1)</script>" in shown and "bold" in shown
    assert window.preview.loadResource(2, QUrl("http://example.org/x.png")) is None


def test_outline_lists_headings(qtbot, window: MainWindow) -> None:
    window.editor.setPlainText("---\ntitle: x\n---\n# One\n\n## Two\n\ntext\n# Three\n")
    window.outline.refresh()
    model = window.outline.model()
    assert [model.item(r).text() for r in range(model.rowCount())] == ["One", "Three"]
    assert model.item(0).child(0).text() == "Two"


def test_clicking_a_facet_filters_the_results(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "darknet")
    assert {h.kind for h in window.search_panel.model.hits()} == {"paragraph", "recommendation"}
    panel = window.library_panel
    qtbot.waitUntil(lambda: facet_index(panel, "kind", "recommendation") is not None)
    index = facet_index(panel, "kind", "recommendation")
    panel.facets.scrollTo(index)
    rect = panel.facets.visualRect(index)
    qtbot.mouseClick(panel.facets.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: {h.kind for h in window.search_panel.model.hits()} == {"recommendation"},
        timeout=10000,
    )
    assert window.search_panel.filters_label.isVisible()
    assert "recommendation" in window.search_panel.filters_label.text()


def facet_index(panel: object, key: str, value: str) -> QModelIndex | None:
    """The facet row a user clicks to filter on ``key`` = ``value``, once it is shown."""
    model = panel.facets_model
    for row in range(model.rowCount()):
        group = model.item(row)
        for child in range(group.rowCount()):
            if group.child(child).data(FacetRole) == (key, value):
                return group.child(child).index()
    return None


def test_dropping_a_file_on_the_library_indexes_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "zanzibar-note.txt"
    source.write_text(
        "Note on the Zanzibar consultations\n\n"
        "1. The delegation of Zanzibarland recalled the quinquennial marking exercise.\n\n"
        "2. Participants welcomed the quinquennial review of tracing requests.\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source)), QUrl.fromLocalFile(str(broken))])
    panel = window.library_panel
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    panel.dropEvent(event)
    assert window.service.is_indexing()
    qtbot.waitUntil(lambda: not window.service.is_indexing(), timeout=60000)
    status = window.indexing_status
    assert "1 document indexed" in status.label.text() and "1 skipped" in status.label.text()
    assert status.details_button.isVisibleTo(window)
    assert [s["path"] for s in status.report["skipped"]] == [str(broken)]
    assert any(DataHome.resolve(window.home.root).library_dir.rglob("zanzibar-note*.txt"))
    search(qtbot, window, "quinquennial")
    assert {h.doc_id for h in window.search_panel.model.hits()} == {"zanzibar-note"}


def test_export_docx_writes_a_word_file(window: MainWindow, tmp_path: Path) -> None:
    window.editor.setPlainText("---\ntitle: Statement\n---\n\nMr. Chair,\n\nThank you.\n")
    out = window.export_docx(tmp_path / "statement.docx")
    assert out.is_file() and out.read_bytes()[:2] == b"PK"
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Statement" in text and "Mr. Chair," in text and "Thank you." in text
    assert "---" not in text and not any("title:" in t for t in text)


def test_the_menu_export_runs_on_a_worker_and_reports(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.editor.setPlainText("---\ntitle: Statement\n---\n\nThank you, Chair.\n")
    target = tmp_path / "worker.docx"
    with qtbot.waitSignal(window.exporter.exported, timeout=20000) as done:
        window.exporter.start(target)
    assert done.args == [target]
    assert "Thank you, Chair." in [p.text for p in docx.Document(str(target)).paragraphs]
    assert str(target) in window.statusBar().currentMessage()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with qtbot.waitSignal(window.exporter.failed, timeout=20000) as failed:
        window.exporter.start(blocker / "x.docx")
    assert failed.args[0] and warned and warned[0].startswith("Could not export: ")


def test_every_action_is_registered_once_with_its_own_shortcut(window: MainWindow) -> None:
    names = window.registry.names()
    assert len(names) == len(set(names)) and "findPrecedentsAction" in names
    for name in names:
        assert window.findChild(QAction, name) is window.registry[name], name
    keys = [k.toString() for a in window.actions() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    view = [a.text() for a in window.registry.menus["View"].actions()]
    assert view[: view.index("")] == ["Library", "Basket", "Outline", "Precedents"]
