"""A draft's body to HTML for the live preview, with the drafts' Markdown configuration.

Raw HTML in a draft is shown as text, never interpreted: the preview must not
run or load anything the user pasted from elsewhere. The title block above
the body comes from the export's layout (``core.export.preview``).
"""

from __future__ import annotations

from typing import Any

from briefing_app.core.drafts.markdown_setup import new_markdown


def _markdown() -> Any:
    md = new_markdown()
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
