"""The reader's match marks, set only where the user is looking.

Qt lays a document out up to every ExtraSelection it is given (it needs the
selection's rectangle), so marking all matches of a long report on opening
laid the whole report out on the GUI thread. The matches are all found (a
regular-expression pass, no layout), but only those in or near the viewport
become selections, refreshed as the view scrolls or resizes: a match is
always marked by the time it is on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from briefing_app.gui import style

#: Matches this many characters above or below the viewport are marked too,
#: so a small scroll never shows an unmarked match before the refresh.
MARGIN_CHARS = 4000


class MarkPainter:
    """Keeps a text view's ExtraSelections to the matches near its viewport."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        self._starts: list[int] = []
        self._shown: tuple[int, int, int] | None = None  # (first, last, current) painted
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.refresh())

    def set_matches(self, matches: list[QTextCursor], current: int) -> None:
        self.matches, self.current = matches, current
        self._starts = [m.selectionStart() for m in matches]
        self._shown = None

    def clear(self) -> None:
        self.set_matches([], -1)
        self.view.setExtraSelections([])

    def refresh(self) -> None:
        """Mark the matches in and near the viewport (and the current match)."""
        if not self.matches:
            if self._shown is not None:
                self._shown = None
                self.view.setExtraSelections([])
            return
        viewport = self.view.viewport()
        top = self.view.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height()))
        first = bisect_left(self._starts, top - MARGIN_CHARS)
        last = bisect_right(self._starts, bottom.position() + MARGIN_CHARS)
        key = (first, last, self.current)
        if key == self._shown:
            return
        self._shown = key
        wanted = set(range(first, last))
        if 0 <= self.current < len(self.matches):
            wanted.add(self.current)
        selections = []
        for i in sorted(wanted):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.matches[i]
            selection.format.setBackground(
                style.current_mark_background() if i == self.current else style.mark_background()
            )
            selections.append(selection)
        self.view.setExtraSelections(selections)
