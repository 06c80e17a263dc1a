"""Clean-up of converted text: drop page furniture, keep footnotes, rejoin.

Input is raw text (blank lines between paragraphs, form feeds between pages).
Output is a list of ``Block``s: paragraphs as the author wrote them, with
running headers/footers, job numbers and lone page numbers removed, footnote
blocks set aside, line-end hyphenation undone and paragraphs that a page
break (or a footer in the middle of the text) cut in two joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.line_joining import join_lines_with


@dataclass
class Block:
    """One paragraph of source text, lines kept for structure and metadata."""

    lines: list[str]
    page: int = 0

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    @property
    def first_line(self) -> str:
        return self.lines[0].strip() if self.lines else ""


@dataclass
class CleanText:
    blocks: list[Block]
    #: (marker digits, text) in document order: an annex may number its notes from 1 again
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    removed_lines: int = 0
    #: Running heads of verbatim records removed from the body ("A/70/PV.15
    #: 28/09/2015"): furniture in the text, but the record's symbol and date.
    record_heads: list[str] = field(default_factory=list)


_TERMINAL = tuple('.!?:;"”’)»…')
_SENTENCE_END = tuple('.!?:"”’»…')


def clean(text: str, *, hard_wrapped: bool = True, laid_out: bool = False) -> CleanText:
    """Turn raw converted text into clean paragraph blocks.

    ``hard_wrapped``: the text may break lines at a fixed width with no blank
    line between paragraphs (PDF text, plain-text transcripts); paragraphs are
    then found from short lines that end a sentence.
    ``laid_out``: the reader already found the paragraphs and joined the pages
    (``core/ingest/layout``): a paragraph ending in a comma is a preambular
    paragraph, not one cut by a page break, so nothing is rejoined.
    """
    text = normalise(text)
    pages = text.split("\f")
    furniture = _running_furniture(pages)
    blocks: list[Block] = []
    footnotes: list[tuple[str, str]] = []
    removed = 0
    record_heads: list[str] = []
    for page_no, page in enumerate(pages, 1):
        current: list[str] = []
        for raw in page.split("\n"):
            line = raw.rstrip()
            if _is_furniture(line, furniture):
                removed += 1
                continue  # a footer line does not end the paragraph it interrupts
            if p.RECORD_HEADER.match(line):
                record_heads.append(line.strip())
                removed += 1
                continue
            footnote = p.FOOTNOTE_LINE.match(line) if not current else None
            if footnote:
                marker = footnote.group(1).translate(p.FROM_SUPERSCRIPT)
                footnotes.append((marker, footnote.group(2).strip()))
                removed += 1
                continue
            if line.strip():
                if current and current[-1][:1] == "|" and line[:1] != "|":
                    # a table ends at its last row: the heading or text after it is
                    # not one of its cells (no blank line needed)
                    blocks.append(Block(current, page_no))
                    current = []
                current.append(line)
            elif current:
                blocks.append(Block(current, page_no))
                current = []
        if current:
            blocks.append(Block(current, page_no))
    if hard_wrapped and not laid_out:
        blocks = [piece for block in blocks for piece in split_wrapped(block)]
    return CleanText(blocks if laid_out else rejoin(blocks), footnotes, removed, record_heads)


def is_table(block: Block) -> bool:
    """A Markdown pipe-table block (the readers' form for tables)."""
    return block.first_line.startswith("|")


def split_wrapped(block: Block) -> list[Block]:
    """Split a hard-wrapped block where a short line ends a sentence."""
    if len(block.lines) < 2 or is_table(block):
        return [block]
    widths = sorted(len(line.rstrip()) for line in block.lines)
    typical = widths[int(len(widths) * 0.8)]
    if typical > 150:  # unwrapped: one paragraph per line
        return [Block([line], block.page) for line in block.lines]
    if typical < 30 or len(block.lines) < 4:
        return [block]  # a list of short lines, or too few to tell
    out: list[Block] = []
    current: list[str] = []
    for line in block.lines:
        current.append(line)
        stripped = line.rstrip()
        if stripped.endswith(_SENTENCE_END) and len(stripped) < typical * 0.85:
            out.append(Block(current, block.page))
            current = []
    if current:
        out.append(Block(current, block.page))
    return out


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\t", " ")
    return p.CONTROL_CHARS.sub("", text)


def _running_furniture(pages: list[str]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (running heads); of two
    pages, a line at the foot of both ("Permanent Mission of …")."""
    if len(pages) < 2:
        return set()
    two = len(pages) == 2
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [ln.strip() for ln in page.split("\n") if ln.strip()]
        edges = set(lines[-2:] if two else lines[:2] + lines[-2:])
        counts.update(p.digits_normalised(ln) for ln in edges if len(ln) < 100)
    threshold = 2 if two else max(3, len(pages) // 2)
    return {line for line, n in counts.items() if n >= threshold}


def _is_furniture(line: str, running: set[str]) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if p.PAGE_FURNITURE.match(stripped):
        return True
    return bool(running) and p.digits_normalised(stripped) in running


def join_lines(lines: list[str]) -> str:
    """Join a block's lines: keep list items and headings apart, undo hyphenation."""
    return join_lines_with(lines, _glue_text_line)


def _glue_text_line(out: str, line: str, piece: str) -> str:
    """Plain text breaks words at will: a line-end hyphen before a small letter goes."""
    if p.LINE_STARTS_ITEM.match(line):
        return out + "\n" + piece
    if out.endswith("-") and out[-2:-1].isalpha() and piece[:1].islower():
        return out[:-1] + piece
    return out + " " + piece


def rejoin(blocks: list[Block]) -> list[Block]:
    """Join paragraphs that a page break or a footer cut in two."""
    out: list[Block] = []
    for block in blocks:
        # the first line alone is a title ("Report on … to the Conference"), never
        # a paragraph that the first page break cut
        title = len(out) == 1 and len(out[0].lines) == 1 and reads_like_title(out[0].text)
        if out and not title and is_cut(out[-1]) and continues(block):
            out[-1] = Block(out[-1].lines + block.lines, out[-1].page)
        else:
            out.append(block)
    return out


def is_cut(block: Block) -> bool:
    """Does this paragraph stop mid-sentence?"""
    text = block.text.rstrip()
    last_line = block.lines[-1].strip()
    if not text or is_table(block) or text.endswith(_TERMINAL) or p.is_heading(block.first_line):
        return False
    if last_line.startswith("|"):  # a table (under its caption) ends at its last row
        return False
    if p.LINE_STARTS_ITEM.match(last_line) and len(block.lines) > 1:
        return len(last_line.split()) >= 12  # a long list item cut by the page
    return len(text.split()) >= 12


def continues(block: Block) -> bool:
    """Can this paragraph be the rest of the previous one?"""
    first = block.first_line
    if (
        not first
        or is_table(block)
        or p.is_structural(first)
        or p.LINE_STARTS_ITEM.match(block.lines[0])
    ):
        return False
    return bool(re.match(r"[\w(“\"‘'«]", first))


def split_at_markers(blocks: list[Block]) -> list[Block]:
    """Start a new block at every numbered paragraph, heading or list item line.

    Converters often put consecutive numbered paragraphs on consecutive lines
    (as list items) with no blank line between them.
    """
    out: list[Block] = []
    for block in blocks:
        current: list[str] = []
        for line in block.lines:
            if current and (p.is_structural(line) or p.BULLET.match(line)):
                out.append(Block(current, block.page))
                current = []
            current.append(line)
        out.append(Block(current, block.page))
    return out


def reads_like_title(text: str, min_words: int = 2, max_words: int = 40) -> bool:
    """A line that names a document, not the start of its prose.

    Not a sentence, numbered paragraph, heading or table; no first person or
    verb of a speech ("It is an honour for me to address …", which a page
    break cut). ``title_line`` also rules out salutations. 40 words: "Report of
    the Special Committee on … on its … session" is long and still a title.
    """
    text = text.strip()
    words = text.split()
    return (
        min_words <= len(words) <= max_words
        and text[:1].isupper()
        and not text.startswith("|")
        and not text.endswith(_TITLE_NEVER_ENDS)
        and not _PROSE.search(text)
        and not p.NUMBERED_PARAGRAPH.match(text)
        and not p.is_section_heading(text)
        and not p.RECOMMENDATION_HEADING.match(text)
    )


_TITLE_NEVER_ENDS = (".", "!", "?", ";", ":", ",", "…", "”", '"', "’")
#: Words of a speaker's sentence, never of a document's title.
_PROSE = re.compile(r"\b(?:I|me|my|we|us|you|your|It\s+is|am|wish|would|should)\b")
