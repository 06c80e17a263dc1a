"""The title a plain-text or Markdown document prints on its first line.

A report saved as text often starts with its title alone on a line ("Report
of the Working Group on …", or "# Report of …" in Markdown) and then goes
straight into its paragraphs. That line is the document's title, read into
metadata: never "paragraph 1", and never the section heading of every unit.
"""

from __future__ import annotations

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block, reads_like_title
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.speech_patterns import SALUTATION


def starts_with_title(blocks: list[Block]) -> bool:
    """Is the document's first block its title line?

    One line that reads like a title (``cleanup.reads_like_title``) and is no
    salutation ("Honorable President of the 75th Session …"), with text after
    it. A Markdown heading counts only at level 1 when no other level-1
    heading follows (else it is the first section).
    """
    if len(blocks) < 2 or len(blocks[0].lines) != 1:
        return False
    line = blocks[0].first_line
    md = p.MARKDOWN_HEADING.match(line)
    if md:
        if len(md.group(1)) != 1:
            return False
        others = (b.first_line for b in blocks[1:])
        if any(len(m.group(1)) == 1 for m in map(p.MARKDOWN_HEADING.match, others) if m):
            return False
        line = md.group(2)
    text = strip_markup(line).strip()
    return reads_like_title(text) and not SALUTATION.match(text)

