"""Page layout, shared by every genre: furniture, footnotes, tables, page joins.

A PDF reader hands each page over as positioned ``Line``s (``lines.py``);
``compose`` (``pages.py``) removes the page furniture of every page (running
heads and feet, job numbers, bar codes, page numbers: ``furniture.py``), sets
the footnotes below the separator apart, turns table areas into pipe-table
blocks, builds paragraphs from the line spacing and only then joins the
pages, rejoining a paragraph that a page break cut in two.
"""

from briefing_app.core.ingest.layout.lines import Line
from briefing_app.core.ingest.layout.pages import Composed, compose

__all__ = ["Composed", "Line", "compose"]
