"""The precedents flow in the real window: select a sentence, find, replace."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.precedents_panel import DELETE_STYLE, INSERT_STYLE, diff_html
from tests import gui_support

# The shared fixtures: a built index (once per session), a copy per test, the window.
built_index = gui_support.built_index
home = gui_support.home
window = gui_support.window

pytestmark = pytest.mark.gui

SENTENCE = (
    "States are strongly encouraged to further advance efforts to achieve "
    "target 16.4 of the Sustainable Development Goals"
)
DRAFT = f"Mr. Chair,\n\n{SENTENCE}. We agree.\n\nThank you.\n"
REC5 = "wg-firearms-2021-report#recommendation-5"


def select(window: MainWindow, text: str) -> None:
    start = window.editor.toPlainText().index(text)
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)


def test_select_find_and_replace(qtbot, window: MainWindow) -> None:
    action = window.findPrecedentsAction
    assert action in window.menuBar().actions()[1].menu().actions()  # Edit menu
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert shortcuts.count(action.shortcut().toString()) == 1  # never ambiguous

    window.editor.setPlainText(DRAFT)
    select(window, SENTENCE)
    panel = window.precedents_panel
    with qtbot.waitSignal(panel.resultsShown, timeout=20000):
        action.trigger()
    assert window.docks["Precedents"].isVisible()
    assert panel.input.toPlainText() == SENTENCE

    top = panel.current_hit()
    assert top is not None and top.segment_id == REC5
    assert "2021-05-31" in panel.model.data(panel.model.index(0))
    shown = panel.detail.toHtml()
    assert "strongly" in shown and "line-through" in shown
    assert top.citation in panel.detail.toPlainText()

    with qtbot.waitSignal(panel.replaced, timeout=5000):
        panel.replace_button.click()
    text = window.editor.toPlainText()
    assert "strongly" not in text
    assert "States are encouraged to further advance efforts" in text
    assert "Goals.[^1] We agree." in text
    assert text.rstrip().endswith(f"[^1]: {top.citation}.")
    assert text.startswith("Mr. Chair,\n\n")

    window.editor.undo()  # one undo step restores the draft's own wording
    assert window.editor.toPlainText() == DRAFT


def test_typed_text_and_no_result(qtbot, window: MainWindow) -> None:
    panel = window.precedents_panel
    panel.input.setPlainText("zzqx wvvk")
    with qtbot.waitSignal(panel.resultsShown, timeout=20000):
        panel.find_button.click()
    assert panel.model.rowCount() == 0
    assert not panel.replace_button.isEnabled()
    assert "No precedents" in panel.status.text()


def test_diff_html_marks_insertions_and_deletions() -> None:
    html = diff_html(
        [
            {"op": "equal", "text": "States"},
            {"op": "delete", "text": "must"},
            {"op": "insert", "text": "should"},
            {"op": "equal", "text": "act <now>"},
        ]
    )
    assert f'<s style="{DELETE_STYLE}">must</s>' in html
    assert f'<span style="{INSERT_STYLE}">should</span>' in html
    assert "act &lt;now&gt;" in html


def test_without_a_selection_the_paragraph_at_the_cursor_is_checked(
    qtbot, window: MainWindow
) -> None:
    window.editor.setPlainText(DRAFT)
    cursor = window.editor.textCursor()
    cursor.setPosition(DRAFT.index("target 16.4"))
    window.editor.setTextCursor(cursor)
    panel = window.precedents_panel
    with qtbot.waitSignal(panel.resultsShown, timeout=20000):
        window.findPrecedentsAction.trigger()
    assert panel.input.toPlainText() == f"{SENTENCE}. We agree."
    assert panel.current_hit().segment_id == REC5
