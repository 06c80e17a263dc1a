"""Draft to HTML for the live preview, with python-markdown.

Raw HTML in a draft is shown as text, never interpreted: the preview must not
run or load anything the user pasted from elsewhere. The front matter is shown
as a small heading block, as the Word export will lay it out.
"""

from __future__ import annotations

import html
from typing import Any

from briefing_app.core.drafts import frontmatter

EXTENSIONS = ["footnotes", "tables", "sane_lists", "smarty"]
_SHOWN_KEYS = ("delegation", "meeting", "agenda_item", "speaker", "place", "date")


def _markdown() -> Any:
    import markdown  # imported on first render: not needed for the first paint

    md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
    # No raw HTML: the block and inline HTML handlers go; '<' is then plain text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


class Renderer:
    """Reuses one python-markdown instance (building it costs more than rendering)."""

    def __init__(self) -> None:
        self._md: Any = None

    def body_html(self, markdown_text: str) -> str:
        if self._md is None:
            self._md = _markdown()
        self._md.reset()
        return str(self._md.convert(markdown_text))

    def to_html(self, draft_text: str) -> str:
        meta, body = frontmatter.split(draft_text)
        return self.document_html(meta, body)

    def document_html(self, meta: dict[str, str], body: str) -> str:
        """A draft already split into its front matter and body."""
        return header_html(meta) + self.body_html(body)


def header_html(meta: dict[str, str]) -> str:
    """Mark, title and the statement's identification lines."""
    if not meta:
        return ""
    parts = []
    if meta.get("mark"):
        parts.append(f'<p class="mark" align="right"><i>{html.escape(meta["mark"])}</i></p>')
    if meta.get("title"):
        parts.append(f'<h1 class="title" align="center">{html.escape(meta["title"])}</h1>')
    lines = [html.escape(meta[k]) for k in _SHOWN_KEYS if meta.get(k, "").strip()]
    if lines:
        parts.append('<p class="meta" align="center">' + "<br/>".join(lines) + "</p>")
    return "\n".join(parts) + ("<hr/>\n" if parts else "")


def to_html(draft_text: str) -> str:
    """One-off rendering (tests, export previews)."""
    return Renderer().to_html(draft_text)
