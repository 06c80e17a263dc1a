"""Paints a hit: label and document, the snippet with its marks, the citation.

Parsing a snippet's HTML and laying it out costs more than the rest of a row:
the laid-out snippet documents are kept (a bounded cache keyed by text, width,
colour and font), so repaints and the rows of the next keystroke that were on
screen before reuse them.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing_app.gui import style
from briefing_app.gui.results_model import CitationRole, HitRole, LabelRole, SnippetRole

PAD = 8
SNIPPET_LINES = 3
MIN_WIDTH = 160  # narrower than any results pane: rows never need a sideways scroll
SNIPPET_CACHE = 200  # laid-out snippets kept: a few pages of results


class HitDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snippets: OrderedDict[tuple[str, int, str, str], QTextDocument] = OrderedDict()

    def snippet_document(self, snippet: str, width: int, color: str, font: QFont) -> QTextDocument:
        """The snippet as rich text laid out at ``width`` (cached)."""
        key = (snippet, width, color, font.key())
        doc = self._snippets.get(key)
        if doc is not None:
            self._snippets.move_to_end(key)
            return doc
        doc = QTextDocument(self)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(width)
        doc.setHtml(f'<span style="color:{color}">{style.snippet_html(snippet)}</span>')
        doc.documentLayout()  # lay out now, once
        self._snippets[key] = doc
        while len(self._snippets) > SNIPPET_CACHE:
            self._snippets.popitem(last=False)[1].deleteLater()
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return super().paint(painter, option, index)
        painter.save()
        widget = option.widget
        style_ = widget.style() if widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style_:
            style_.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.highlightedText() if selected else palette.text()
        rect = option.rect.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
        base_font = QFont(option.font)
        metrics = QFontMetrics(base_font)

        # Line 1: "Rec. 18" badge and the document title.
        bold = QFont(base_font)
        bold.setBold(True)
        label = index.data(LabelRole) or ""
        label_w = QFontMetrics(bold).horizontalAdvance(label) + 10
        badge = QRectF(rect.left(), rect.top(), label_w, metrics.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.highlight() if not selected else palette.base())
        painter.setOpacity(0.18 if not selected else 0.35)
        painter.drawRoundedRect(badge, 3, 3)
        painter.setOpacity(1.0)
        painter.setFont(bold)
        painter.setPen(text_color.color())
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        title = metrics.elidedText(
            hit.doc_title, Qt.TextElideMode.ElideRight, rect.width() - label_w - 8
        )
        painter.setFont(base_font)
        painter.drawText(
            rect.left() + label_w + 8,
            rect.top() + metrics.ascent(),
            title,
        )

        # Lines 2-4: the snippet, rich text with marks.
        top = rect.top() + metrics.height() + 3
        color = text_color.color().name()
        doc = self.snippet_document(index.data(SnippetRole) or "", rect.width(), color, base_font)
        clip_h = metrics.lineSpacing() * SNIPPET_LINES
        painter.translate(rect.left(), top)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = QRectF(0, 0, rect.width(), clip_h)
        painter.setClipRect(ctx.clip)
        doc.documentLayout().draw(painter, ctx)
        painter.setClipping(False)
        painter.translate(-rect.left(), -top)

        # Last line: the citation, small and muted.
        small = QFont(base_font)
        small.setPointSizeF(base_font.pointSizeF() * 0.88)
        painter.setFont(small)
        painter.setPen(text_color.color() if selected else style.muted_text())
        cite = QFontMetrics(small).elidedText(
            index.data(CitationRole) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.left(), top + clip_h + 3 + QFontMetrics(small).ascent(), cite)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        height = metrics.height() * 2 + metrics.lineSpacing() * SNIPPET_LINES + PAD + 10
        return QSize(MIN_WIDTH, height)  # the list stretches rows to its width
