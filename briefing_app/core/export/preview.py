"""The draft as the preview shows it: the export's title block over the rendered body.

The title block's lines are the ones ``layout.title_block`` gives the Word
export (same rules for what is left out, the same "Statement by …" heading),
drawn as HTML; the body is rendered with the drafts' one Markdown configuration.
"""

from __future__ import annotations

import html

from briefing_app.core.drafts import frontmatter
from briefing_app.core.drafts.render import Renderer
from briefing_app.core.export.layout import Line, title_block
from briefing_app.core.export.profiles import get_profile

_TAG = {
    "Delivery Mark": '<p class="mark" align="right"><i>{}</i></p>',
    "Title": '<h1 class="title" align="center">{}</h1>',
    "Subtitle": '<p class="subtitle" align="center"><i>{}</i></p>',
}


def title_block_html(lines: list[Line]) -> str:
    """The title block's lines as HTML; consecutive "Title Block" lines share a paragraph."""
    parts: list[str] = []
    details: list[str] = []

    def flush() -> None:
        if details:
            parts.append('<p class="meta" align="center">' + "<br/>".join(details) + "</p>")
            details.clear()

    for line in lines:
        if line.style == "Title Block":
            details.append(html.escape(line.text))
            continue
        flush()
        parts.append(_TAG.get(line.style, "<p>{}</p>").format(html.escape(line.text)))
    flush()
    return "\n".join(parts) + ("<hr/>\n" if parts else "")


class PreviewRenderer:
    """Title block and body, for one export profile (the window exports "statement")."""

    def __init__(self, profile: str = "statement") -> None:
        self.profile = get_profile(profile)
        self.body = Renderer()

    def html(self, meta: dict[str, str], body: str) -> str:
        lines = title_block(meta, self.profile) if meta else []
        return title_block_html(lines) + self.body.body_html(body)


def to_html(draft_text: str) -> str:
    """One-off rendering of a whole draft (tests, samples)."""
    meta, body = frontmatter.split(draft_text)
    return PreviewRenderer().html(meta, body)
