"""Statements and speeches: unnumbered paragraphs after a preamble.

The preamble is what a statement prints before its first word to the room:
the event, "Statement by H.E. Ms. X", the speaker's function, place and date,
"Check against delivery". The body starts at the first salutation or the
first sentence of prose. Salutations ("Mr. President,", "Excellencies,
distinguished delegates,") are paragraphs of their own: a salutation line is
never glued to the end of the paragraph before it, whether the converter put
it on its own line inside a block (PDF text) or after the last sentence.
Salutations and closings that only thank the room ("I thank you.") are units
of their own but unnumbered text (``passage``): a delegate counting the
paragraphs of a statement counts its prose, so "para. 3" is the third one.
Who spoke, where and when: ``speech_preamble.py``; the patterns, as tables
for other languages to join: ``speech_patterns.py``.
"""

from __future__ import annotations

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block, join_lines, reads_like_title
from briefing_app.core.ingest.markup import SUPERSCRIPT_DIGITS, strip_markup
from briefing_app.core.ingest.speech_patterns import (
    CLOSING,
    DELIVERY_NOTE,
    RUNS_ON,
    SALUTATION,
    SALUTATION_AFTER_NEWLINE,
    STATEMENT_MARKER,
    TERMINAL,
    TRAILING_SALUTATION,
    is_date_line,
    marker_rest,
)
from briefing_app.core.ingest.title_line import starts_with_title
from briefing_app.core.models import PARAGRAPH, PASSAGE, SECTION_SEPARATOR, Segment


def is_salutation(line: str) -> bool:
    # Called on every line of a speech: the cheap refusals first. A salutation
    # ends on a word or [,:;!]; a final "." or "?" survives ``strip_markup``.
    if len(line) > 250 or line.rstrip().endswith((".", "?")) or len(line.split()) > 24:
        return False
    text = strip_markup(line).strip()
    return bool(SALUTATION.match(text))


def statement_segments(doc_id: str, blocks: list[Block]) -> tuple[list[Segment], list[Block]]:
    """(paragraph segments numbered by order, preamble blocks)."""
    blocks = split_salutations(rejoin_cut(blocks))
    start = body_start(blocks)
    section: list[str] = []
    plain = False  # the deepest heading is a plain line ("Climate change"), not Markdown
    counts = {PARAGRAPH: 0, PASSAGE: 0}
    segments: list[Segment] = []
    for index in range(start, len(blocks)):
        block = blocks[index]
        md = p.MARKDOWN_HEADING.match(block.first_line)
        if md and len(block.lines) == 1:
            level = len(md.group(1))
            section, plain = [*section[: level - 1], strip_markup(md.group(2))], False
            continue
        if _is_plain_heading(blocks, index):
            section = [*section[: len(section) - plain], strip_markup(block.text).strip()]
            plain = True
            continue
        display = block.text
        text = strip_markup(display)
        kind = PASSAGE if is_address(text) else PARAGRAPH
        counts[kind] += 1
        segments.append(
            Segment(
                doc_id=doc_id,
                kind=kind,
                number=str(counts[kind]),
                section=SECTION_SEPARATOR.join(section),
                text=text,
                display=display,
                order=len(segments) + 1,
            )
        )
    return segments, blocks[:start]


def _is_plain_heading(blocks: list[Block], index: int) -> bool:
    """A short line ("Climate change", "Disarmament") above a paragraph of prose:
    the heading of what follows, not a numbered paragraph of its own."""
    lines = blocks[index].lines
    # most blocks are a whole paragraph: refused on their length (the hot path)
    if len(lines) != 1 or len(lines[0]) > _HEADING_CHARS or index + 1 >= len(blocks):
        return False
    line = lines[0].strip()
    if p.BULLET.match(line) or p.SUB_ITEM.match(line) or p.NUMBERED_PARAGRAPH.match(line):
        return False
    text = strip_markup(line).strip()
    if not reads_like_title(text, min_words=1, max_words=_HEADING_WORDS) or is_address(text):
        return False
    after = strip_markup(blocks[index + 1].text).strip()
    return after.endswith(TERMINAL) and len(after.split()) >= _PROSE_WORDS


_HEADING_WORDS = 12
_HEADING_CHARS = 160  # 12 words with their markup
_PROSE_WORDS = 8


def is_address(text: str) -> bool:
    """A salutation or a closing that only thanks the room: not a numbered paragraph."""
    if len(text) > 260:  # a paragraph of prose (checked before any copy of it)
        return False
    text = text.strip()
    return is_salutation(text) or CLOSING.match(text) is not None


def rejoin_cut(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that a page break or a lost wrap mark cut in two.

    In a statement (no preambular commas here) a block that stops on a
    connecting word, or without a full stop before a lower-case start, runs on.
    """
    out: list[Block] = []
    for block in blocks:
        if out and _is_cut(out[-1], block):
            out[-1] = Block(out[-1].lines + block.lines, out[-1].page)
        else:
            out.append(block)
    return out


def _is_cut(before: Block, after: Block) -> bool:
    tail = before.lines[-1].strip()
    head = after.first_line
    if not tail or not head or tail.endswith((*TERMINAL, ":", ";")) or is_salutation(tail):
        return False
    if p.MARKDOWN_HEADING.match(head) or p.MARKDOWN_HEADING.match(before.first_line):
        return False
    words = tail.split()
    if head[:1].islower():
        return True
    # an upper-case start after a connecting word: a proper noun, if what follows
    # is prose (a short line there is more likely a footer or a heading)
    return words[-1].lower() in RUNS_ON and len(after.text.split()) >= 8


def split_salutations(blocks: list[Block]) -> list[Block]:
    """Salutation lines become a block of their own (consecutive ones stay together)."""
    if not _may_greet([line for block in blocks for line in block.lines]):
        return [Block(list(block.lines), block.page) for block in blocks if block.lines]
    out: list[Block] = []
    for block in blocks:
        if not _may_greet(block.lines):
            if block.lines:
                out.append(Block(list(block.lines), block.page))
            continue
        current: list[str] = []
        greeting: list[str] = []
        for line in block.lines:
            stripped = line.strip()
            trailing = stripped.endswith((",", ":")) and TRAILING_SALUTATION.match(stripped)
            if trailing and not is_salutation(line):
                current.append(trailing.group(1))
                line = trailing.group(2)
            if is_salutation(line):
                if current:
                    out.append(Block(current, block.page))
                    current = []
                greeting.append(line.strip())
                continue
            if greeting:
                out.append(Block(greeting, block.page))
                greeting = []
            current.append(line)
        for rest in (greeting, current):
            if rest:
                out.append(Block(rest, block.page))
    return out


def _may_greet(lines: list[str]) -> bool:
    """Can one of these lines be a salutation or end on one?

    One search over a whole speech, else over each block, instead of
    ``is_salutation`` line by line (the hot spot of a speech's ingest): most
    blocks are prose. Lines with markup are left to ``is_salutation``, which
    strips it first.
    """
    stripped = [line.strip() for line in lines]
    text = "\n".join(stripped)
    if _has_markup(text):
        return True
    for line in stripped:
        if line[:1] in ("-", "+"):  # a bullet, perhaps (a dash inside a line is not)
            return True
        if line.endswith((",", ":")) and TRAILING_SALUTATION.match(line):
            return True
    return SALUTATION_AFTER_NEWLINE.search("\n" + text) is not None


def _has_markup(text: str) -> bool:
    """Would ``strip_markup`` change a line of this text (its tests, in one place)?"""
    if not text.isascii() and ("•" in text or any(d in text for d in SUPERSCRIPT_DIGITS)):
        return True
    return (
        "](" in text
        or "<" in text
        or "*" in text
        or "_" in text
        or "#" in text
        or "  " in text
        or "\t" in text
    )


def body_start(blocks: list[Block]) -> int:
    """Index of the first body block: a salutation or prose, after the preamble."""
    marker_at = next(
        (
            i
            for i, block in enumerate(blocks[:15])
            if STATEMENT_MARKER.match(strip_markup(_text_head(block, 300)))
            and len(block.text.split()) <= 40
        ),
        None,
    )
    if marker_at is not None:
        rest = marker_rest(strip_markup(blocks[marker_at].text))
        first = marker_at + (1 if rest else 2)  # "Remarks of" alone: the speaker follows
        for index in range(first, min(len(blocks), first + 8)):
            if _opens_body(blocks[index], after_marker=True):
                return index
        return min(first, len(blocks) - 1)
    first = 1 if starts_with_title(blocks) else 0  # a title line is not paragraph 1
    for index, block in enumerate(blocks[first:], first):
        if _opens_body(block) and not DELIVERY_NOTE.match(block.text.strip()):
            return index
    return first


def _text_head(block: Block, size: int) -> str:
    """``block.text[:size]`` without joining every line of a long block.

    Joining k lines gives at least (their stripped length - k) characters and
    later lines only ever change the last one, so enough lines settle it.
    """
    taken = length = 0
    for line in block.lines:
        taken += 1
        length += len(line.strip())
        if length - taken > size:
            break
    return join_lines(block.lines[:taken])[:size]


def _opens_body(block: Block, *, after_marker: bool = False) -> bool:
    """Salutation or prose. After a "Statement by" line any sentence is body:
    the preamble's function, event, place and date lines do not end in a full stop."""
    text = strip_markup(block.text).strip()
    if is_salutation(block.first_line) or is_salutation(text):
        return True
    if STATEMENT_MARKER.match(text) or p.MARKDOWN_HEADING.match(block.first_line):
        return False
    words = len(text.split())
    if after_marker and text.endswith(TERMINAL) and not is_date_line(text.rstrip(".")):
        return not DELIVERY_NOTE.match(text)
    return words >= 20 or (words >= 8 and text.endswith(TERMINAL))
