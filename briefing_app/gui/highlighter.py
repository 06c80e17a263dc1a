"""Light Markdown highlighting: enough to see structure, never distracting."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from briefing_app.gui import style

IN_FRONT_MATTER = 1
AFTER_FRONT_MATTER = 2


def _fmt(
    color: QColor | None = None, *, bold: bool = False, italic: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color is not None:
        fmt.setForeground(color)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        dark = style.is_dark()
        accent = QColor("#8ab4f8" if dark else "#1f5f99")
        muted = style.muted_text()
        self.front = _fmt(muted)
        self.front_key = _fmt(accent)
        self.heading = _fmt(accent, bold=True)
        self.quote = _fmt(QColor("#9ccc65" if dark else "#2e6b30"))
        self.footnote = _fmt(QColor("#ce93d8" if dark else "#7b3294"))
        self.marker = _fmt(accent, bold=True)
        self.rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), _fmt(bold=True)),
            (
                re.compile(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)"),
                _fmt(italic=True),
            ),
            (re.compile(r"`[^`\n]+`"), _fmt(muted)),
            (re.compile(r"\[[^\]\n^]+\]\([^)\n]*\)"), _fmt(accent)),
            (re.compile(r"\[\^[^\]\n]+\]"), self.footnote),
        ]

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        block_number = self.currentBlock().blockNumber()
        if block_number == 0 and text.strip() == "---":
            self.setFormat(0, len(text), self.front)
            self.setCurrentBlockState(IN_FRONT_MATTER)
            return
        if previous == IN_FRONT_MATTER:
            self.setFormat(0, len(text), self.front)
            key = re.match(r"^\s*[\w-]+\s*:", text)
            if key:
                self.setFormat(0, key.end(), self.front_key)
            done = text.strip() == "---"
            self.setCurrentBlockState(AFTER_FRONT_MATTER if done else IN_FRONT_MATTER)
            return
        self.setCurrentBlockState(AFTER_FRONT_MATTER)
        if re.match(r"^#{1,6}\s", text):
            self.setFormat(0, len(text), self.heading)
            return
        if text.startswith(">"):
            self.setFormat(0, len(text), self.quote)
        elif re.match(r"^\[\^[^\]]+\]:", text):
            self.setFormat(0, len(text), self.footnote)
            return
        list_marker = re.match(r"^\s*([-*+]|\d+[.)])\s", text)
        if list_marker:
            self.setFormat(list_marker.start(1), len(list_marker.group(1)), self.marker)
        for pattern, fmt in self.rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
