"""Tools › Compare versions… in the real window: compare, step, insert with citation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing_app.gui.main_window import MainWindow
from tests import gui_support

built_index = gui_support.built_index
home = gui_support.home
window = gui_support.window

pytestmark = pytest.mark.gui

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
OLD = str(EXAMPLES / "resolution-2025.txt")
NEW = str(EXAMPLES / "resolution-2026-draft.txt")


def _open(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    action = window.findChild(object, "compareAction")
    assert action is not None and action in window.menuBar().actions()[-2].menu().actions()
    action.trigger()
    dialog = window.compare_versions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_compare_two_files_and_step_through_changes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, window)
    assert not dialog.compare_button.isEnabled()
    dialog.set_sources(OLD, NEW)
    assert dialog.compare_button.isEnabled()
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    summary = dialog.summary.text()
    assert "3 changed, 1 new, 1 deleted, 1 moved" in summary
    assert "Renumbered: PP 3–5 → PP 4–6" in summary
    rows = [dialog.changes.item(r).text() for r in range(dialog.changes.count())]
    assert rows[0] == "PP 3 — new"
    assert len(rows) == 6 and "OP 4 — deleted" in rows and "OP 5 — moved from OP 2" in rows
    assert "promote and" in dialog.new_view.toPlainText()
    assert (
        "line-through" in dialog.old_view.toHtml()
        or "Urges States" in dialog.old_view.toPlainText()
    )
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    assert dialog.changes.currentRow() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    assert dialog.changes.currentRow() == 0
    dialog.show_unchanged.setChecked(True)
    assert dialog.changes.count() == len(dialog.result.comparison.changes)


def test_insert_this_change_into_my_draft_with_its_citation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, window)
    dialog.set_sources(OLD, NEW)
    dialog.compare()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    rows = [dialog.changes.item(r).text() for r in range(dialog.changes.count())]
    dialog.changes.setCurrentRow(rows.index("OP 1 — changed"))
    change = dialog.current_change()
    assert change is not None and change.status == "changed"
    qtbot.mouseClick(dialog.insert_button, Qt.MouseButton.LeftButton)
    text = window.editor.toPlainText()
    assert "promote and protect the human rights of all migrants" in text
    footnote = next(line for line in text.splitlines() if line.startswith("[^1]:"))
    assert "Protection of migrants" in footnote  # cited: the draft it comes from


def test_a_bad_version_is_one_line_not_a_crash(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, window)
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    dialog.set_sources(str(empty), NEW)
    dialog.compare()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=15000)
    assert dialog.result is None
    assert "empty.txt" in dialog.summary.text()
    assert "\n" not in dialog.summary.text()


def test_save_tracked_changes_and_table_from_the_window(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    from tests.compare_support import revisions

    dialog = _open(qtbot, window)
    assert not dialog.save_button.isEnabled() and not dialog.table_button.isEnabled()
    dialog.set_sources(OLD, NEW)
    dialog.compare()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert dialog.save("tracked", tmp_path / "c.docx")
    assert any(kind == "del" for kind, *_ in revisions(tmp_path / "c.docx"))
    assert dialog.save("table", tmp_path / "t.docx")
    (table,) = Document(str(tmp_path / "t.docx")).tables
    assert len(table.rows) == 1 + 6  # header, the six changes (unchanged hidden)
    assert not dialog.save("table", tmp_path / "missing" / "t.docx")
    assert dialog.summary.text().startswith("Cannot write")


def test_documents_added_while_the_dialog_exists_can_be_chosen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The lists were filled once, when the dialog was first made: a document added
    afterwards (or indexed at start-up) could never be picked without a restart."""
    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: dialog.new_box.count() > 1, timeout=15000)
    dialog.set_sources(OLD, None)  # a file the user picked stays picked
    dialog.close()
    assert dialog.new_box.findData("resolution-2026-draft") < 0
    with qtbot.waitSignal(window.service.libraryChanged, timeout=60000):
        window.service.index([Path(NEW)])
    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: dialog.new_box.findData("resolution-2026-draft") >= 0, timeout=15000)
    assert dialog.old_box.currentData() == OLD
    assert dialog.old_box.findData("resolution-2026-draft") >= 0


def test_sources_set_before_the_library_lists_get_titles(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Sources set at once (e.g. from a command) before the library answered read
    "File: <id>" and stayed so; they take the document's title when it arrives."""
    report, deck = "wg-firearms-2021-report", "ponti-bms7-expectations-2021-07-21"
    dialog = _open(qtbot, window)
    assert dialog.new_box.count() == 1  # the library's list is still on its way
    dialog.set_sources(deck, report)
    assert dialog.old_box.currentData() == deck and dialog.new_box.currentData() == report
    qtbot.waitUntil(lambda: dialog.new_box.count() > 3, timeout=15000)
    titles = {m.doc_id: m.title for m in window.library.documents()}
    for box, doc_id in ((dialog.old_box, deck), (dialog.new_box, report)):
        assert box.currentData() == doc_id
        assert titles[doc_id][:40] in box.currentText()
        assert not box.currentText().startswith("File: ")
        texts = [box.itemText(i) for i in range(box.count())]
        assert not any(t.startswith("File: ") for t in texts), texts  # no stale duplicate
        assert [box.itemData(i) for i in range(box.count())].count(doc_id) == 1
    assert dialog.compare_button.isEnabled()
