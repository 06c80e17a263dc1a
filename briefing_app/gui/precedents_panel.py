"""The "Precedents" panel: has the draft's wording been agreed before?

Select a sentence in the draft and choose Edit › Find precedents: the panel
lists the closest passages (near-verbatim reuse first, adopted text before
deliberations, speeches and slides), each with its document, date, kind,
operative phrase and citation, and shows the word diff from the draft to the
precedent (insertions green, deletions red and struck through). "Replace in
draft" puts the precedent's wording over the selected words, with its
citation as a footnote, in one undo step.

The search runs on the library thread through ``start_search``; the panel
never calls the core on the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import Hit, SearchResult
from briefing_app.core.precedents.diff import join_words
from briefing_app.core.precedents.replace import plan_replacement
from briefing_app.gui.host import WindowHost
from briefing_app.gui.results_model import HitListModel, HitRole

INSERT_STYLE = "background-color:#d9f2dd;color:#0b5d1e;"
DELETE_STYLE = "background-color:#fbdcdc;color:#8a1111;text-decoration:line-through;"
SHORTCUT = "Ctrl+Shift+P"
_Index = QModelIndex | QPersistentModelIndex


def diff_html(ops: list[dict[str, str]]) -> str:
    """The word diff as HTML: insertions green, deletions red and struck through."""
    out = ""
    previous = ""
    for op in ops:
        raw = op["text"]
        if not raw:
            continue
        text = html.escape(raw)
        if op["op"] == "insert":
            text = f'<span style="{INSERT_STYLE}">{text}</span>'
        elif op["op"] == "delete":
            text = f'<s style="{DELETE_STYLE}">{text}</s>'
        if previous and join_words([previous, raw]) != previous + raw:
            out += " "
        out += text
        previous = raw
    return out


def hit_summary(hit: Hit) -> str:
    """'82% match · recommendation · 2021-05-31 · are encouraged to · 92% of the wording'.

    The match (the score the list is ordered by) comes first, so the order and
    the first number always agree; the share of the wording explains it.
    """
    found = hit.precedent
    if found is None:
        return " · ".join([hit.kind, "undated"])
    facts = [f"{hit.score:.0%} match", hit.kind, found.date or "undated"]
    if found.operative:
        facts.append(found.operative)
    facts.append(f"{found.match.coverage:.0%} of the wording")
    return " · ".join(facts)


class PrecedentsModel(HitListModel):
    """The ranked precedents; the Hit itself under ``HitRole``."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {hit.citation}\n{hit_summary(hit)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.text
        if role == HitRole:
            return hit
        return None


class PrecedentsPanel(QWidget):
    resultsShown = Signal(object)  # SearchResult
    searchFailed = Signal(str)
    replaced = Signal(object)  # the Hit whose wording went into the draft

    def __init__(
        self,
        start_search: Callable[[str, int], Any],
        editor: QPlainTextEdit | None = None,
        parent: QWidget | None = None,
        limit: int = 10,
    ) -> None:
        """``start_search(text, limit)`` returns a task with ``result``/``error`` signals."""
        super().__init__(parent)
        self.setObjectName("precedentsPanel")
        self._start_search = start_search
        self.editor = editor
        self.limit = limit
        self._generation = 0
        self._anchor: tuple[int, int, str] | None = None  # the draft words being checked
        self._replaced_steps = -1  # the draft's undo steps just after "Replace in draft"
        self._build()
        if editor is not None:
            editor.document().contentsChanged.connect(self._draft_changed)

    def _build(self) -> None:
        self.input = QPlainTextEdit(objectName="precedentsInput")
        self.input.setPlaceholderText(
            "Type a sentence, or select it in the draft and press Find precedents"
        )
        self.input.setMaximumHeight(90)
        self.find_button = QPushButton("Find precedents", objectName="findPrecedentsButton")
        self.find_button.clicked.connect(lambda: self.find())
        self.status = QLabel(objectName="precedentsStatus")
        self.status.setWordWrap(True)
        self.model = PrecedentsModel(self)
        self.view = QListView(objectName="precedentsView")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.view.doubleClicked.connect(lambda _i: self.replace_current())
        self.detail = QTextBrowser(objectName="precedentsDiff")
        self.detail.setOpenLinks(False)
        self.replace_button = QPushButton("Replace in draft", objectName="replacePrecedentButton")
        self.replace_button.setToolTip(
            "Put the precedent's wording over the selected draft words, cited in a footnote"
        )
        self.replace_button.setEnabled(False)
        self.replace_button.clicked.connect(lambda: self.replace_current())
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.find_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setSizes([200, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.input)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.replace_button)

    # -- searching ---------------------------------------------------------------
    def find_from_editor(self) -> None:
        """Check the draft's selection (or the paragraph at the cursor)."""
        if self.editor is None:
            self.find()
            return
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        raw = self.editor.toPlainText()[start:end]
        # Keep the anchor on the words themselves, not the surrounding newlines.
        lead = len(raw) - len(raw.lstrip())
        words = raw.strip()
        if not words:
            self.status.setText("Select the wording to check in the draft first.")
            return
        self._anchor = (start + lead, start + lead + len(words), words)
        self.input.setPlainText(words)
        self.find(words, keep_anchor=True)

    def find(self, text: str | None = None, *, keep_anchor: bool = False) -> None:
        text = (text if text is not None else self.input.toPlainText()).strip()
        if not keep_anchor:
            self._anchor = None
        if not text:
            self.status.setText("Type or select the wording to check.")
            return
        self._generation += 1
        generation = self._generation
        self.status.setText("Looking for precedents…")
        task = self._start_search(text, self.limit)
        task.result.connect(lambda result: self._deliver(generation, result))
        task.error.connect(lambda exc: self._fail(generation, exc))

    def _deliver(self, generation: int, result: SearchResult) -> None:
        if generation == self._generation:
            self.show_result(result)

    def _fail(self, generation: int, exc: object) -> None:
        if generation != self._generation:
            return
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.status.setText(f"Could not search: {message}")
        self.searchFailed.emit(message)

    def show_result(self, result: SearchResult) -> None:
        self.model.set_hits(result.hits)
        if result.hits:
            self.status.setText(
                f"{len(result.hits)} precedent(s), best match first "
                "(same wording, then adopted text before deliberations)"
            )
            self.view.setCurrentIndex(self.model.index(0))
        else:
            self.status.setText("No precedents in the library.")
            self.detail.clear()
        self._show_current()
        self.resultsShown.emit(result)

    def current_hit(self) -> Hit | None:
        index = self.view.currentIndex()
        return self.model.data(index, HitRole) if index.isValid() else None

    def _show_current(self) -> None:
        hit = self.current_hit()
        self.replace_button.setEnabled(hit is not None and self.editor is not None)
        if hit is None:
            self.detail.clear()
            return
        head = (
            f"<p><b>{html.escape(hit.citation)}</b><br>"
            f"<span style='color:#555'>{html.escape(hit.doc_title)}<br>"
            f"{html.escape(hit_summary(hit))}</span></p>"
        )
        legend = (
            f"<p style='color:#555'>From your wording to the precedent: "
            f'<span style="{INSERT_STYLE}">added</span>, '
            f'<s style="{DELETE_STYLE}">dropped</s>.</p>'
        )
        body = diff_html(hit.precedent.diff if hit.precedent else []) or html.escape(hit.text)
        self.detail.setHtml(head + legend + f"<p>{body}</p>")

    # -- replacing ---------------------------------------------------------------
    def replace_current(self) -> bool:
        """Put the current precedent over the checked draft words (one undo step)."""
        hit = self.current_hit()
        if hit is None or self.editor is None:
            return False
        text = self.editor.toPlainText()
        start, end = self._target_range(text)
        plan = plan_replacement(text, start, end, hit)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(plan.footnotes)
        cursor.setPosition(plan.start)
        cursor.setPosition(plan.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(plan.wording)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self._anchor = None
        self._replaced_steps = self.editor.document().availableUndoSteps()
        self.status.setText(f"Replaced with {hit.citation}")
        self.replaced.emit(hit)
        return True

    def _draft_changed(self) -> None:
        """Undoing the replacement takes back the "Replaced with …" notice."""
        if self._replaced_steps < 0 or self.editor is None:
            return
        if self.editor.document().availableUndoSteps() < self._replaced_steps:
            self._replaced_steps = -1
            self.status.setText("Replacement undone: the draft has its own wording again.")

    def _target_range(self, text: str) -> tuple[int, int]:
        if self._anchor is not None:
            start, end, words = self._anchor
            if text[start:end] == words:
                return start, end
        assert self.editor is not None
        cursor = self.editor.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()


def install_precedents(host: WindowHost) -> PrecedentsPanel:
    """Add the panel as a dock and "Find precedents" to the Edit menu."""
    from briefing_app.core.precedents.finder import find_precedents

    service = host.service
    panel = PrecedentsPanel(
        lambda text, limit: service.call(find_precedents, text, limit=limit), host.editor
    )
    dock = host.add_panel("Precedents", panel, Qt.DockWidgetArea.RightDockWidgetArea)
    dock.hide()

    def trigger() -> None:
        dock.show()
        dock.raise_()
        panel.find_from_editor()

    host.registry.separator("Edit")
    host.registry.add(
        "findPrecedentsAction", "Find &precedents", trigger, menu="Edit", shortcut=SHORTCUT,
        tooltip="Has the selected wording been agreed before? Where, and how does it differ?",
    )  # fmt: skip
    return panel
