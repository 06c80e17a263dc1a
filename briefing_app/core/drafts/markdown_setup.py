"""The one python-markdown configuration of drafts: the preview and the Word export share it.

Both read the same dialect (footnotes, tables, sane lists, fenced code), so
what the preview shows as a list, a table or a footnote is what Word gets.
No typographic rewriting (``smarty``): the export keeps the quotes typed.
"""

from __future__ import annotations

from typing import Any

EXTENSIONS = ("footnotes", "tables", "sane_lists", "fenced_code")


def new_markdown(*extra: Any) -> Any:
    """A python-markdown instance with the drafts' extensions (and ``extra`` ones)."""
    import markdown  # imported on first use: not needed for the first paint

    return markdown.Markdown(extensions=[*EXTENSIONS, *extra], output_format="html")
