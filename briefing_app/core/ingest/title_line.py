"""The title a plain-text or Markdown document prints on its first line.

A report saved as text often starts with its title alone on a line ("Report
of the Working Group on …", or "# Report of …" in Markdown) and then goes
straight into its paragraphs. That line is the document's title, read into
metadata: never "paragraph 1", and never the section heading of every unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.speech_patterns import SALUTATION

if TYPE_CHECKING:
    from briefing_app.core.ingest.cleanup import Block

_MAX_WORDS = 40  # "Report of the Special Committee on … on its … session": long, still a title
_ENDS_SENTENCE = (".", "!", "?", ";", ":", ",", "…", "”", '"', "’")


def starts_with_title(blocks: list[Block]) -> bool:
    """Is the document's first block its title line?

    One line that reads like a title (``looks_like_title``), with text after
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
    return looks_like_title(strip_markup(line))


def looks_like_title(text: str) -> bool:
    """A line that names a document, not the start of its prose.

    Not a sentence, numbered paragraph, heading, table or salutation
    ("Honorable President of the 75th Session …"); no first person or finite
    verb of a speech ("It is an honour for me to address …", cut by a page break).
    """
    text = text.strip()
    words = text.split()
    return (
        2 <= len(words) <= _MAX_WORDS
        and text[:1].isupper()
        and not text.startswith("|")
        and not text.endswith(_ENDS_SENTENCE)
        and not _PROSE.search(text)
        and not p.NUMBERED_PARAGRAPH.match(text)
        and not p.is_section_heading(text)
        and not p.RECOMMENDATION_HEADING.match(text)
        and not SALUTATION.match(text)
    )


#: Words of a speaker's sentence, never of a document's title.
_PROSE = re.compile(r"\b(?:I|me|my|we|us|It\s+is|am|wish|would|should)\b")
