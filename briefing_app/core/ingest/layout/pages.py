"""Per page: furniture out, footnotes apart, tables marked; then pages joined."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing_app.core.ingest.layout import furniture as f
from briefing_app.core.ingest.layout.lines import Line
from briefing_app.core.ingest.layout.tables import with_captions
from briefing_app.core.ingest.layout.text import join_words, starts_item

TOP_BAND = 62.0  # points below the page top where running heads sit
BOTTOM_BAND = 50.0  # points above the page bottom: running feet, job numbers
SIDE_BAND = 56.0  # landscape pages carry the running head and foot up the sides
PARAGRAPH_GAP = 1.4  # a gap this many font sizes between lines starts a paragraph
SMALL = 0.9  # lines this much smaller than the body text are table text
_SEPARATOR = re.compile(r"^[_\u2014\u2015-]{5,}$")
_NOTE = re.compile(r"^([\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3})\s*([^\d\s⁰¹²³⁴⁵⁶⁷⁸⁹].*)$")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TERMINAL = tuple(".;:!?")
_CONTENTS_ENTRY = re.compile(r"^(\S.*?)\s*(?:\.\s?){4,}\s*(\d{1,4})$")  # I. Mandate ...... 6


@dataclass
class Page:
    lines: list[Line]
    height: float = 792.0
    width: float = 612.0


@dataclass
class Composed:
    text: str
    footnotes: list[str] = field(default_factory=list)
    paragraphs: bool = False  # True: one paragraph per line, blank lines between
    removed: int = 0


@dataclass
class _Block:
    lines: list[Line]
    table: bool = False


def compose(pages: list[Page]) -> Composed:
    """The document's text with furniture removed per page, pages then joined."""
    edges = [_edge_lines(page) for page in pages]
    running = f.running_lines([[ln.text for ln in e] for e in edges[1:]])
    # a foot printed on every page, the first included ("Permanent Mission of …"
    # under each page of a two-page statement): the first page's masthead is at its top
    feet = f.running_lines([[ln.text for ln in e if _at_foot(ln)] for e in edges])
    body_size = _body_size(pages)
    wrapped_signal = _wrapped_signal(pages)
    notes = _Notes()
    per_page: list[list[_Block]] = []
    removed = 0
    for number, (page, edge) in enumerate(zip(pages, edges, strict=True)):
        body, below = [], []
        separator = _separator(page.lines)
        for line in page.lines:
            if line is separator:
                continue
            footnote = _below(line, separator)
            if footnote and not f.is_edge_furniture(line.text):
                below.append(line)
            elif footnote or _is_furniture(line, number, page, edge, running, body_size, feet):
                removed += 1
            else:
                body.append(line)
        notes.add(below)
        per_page.append(_blocks(body, body_size, wrapped_signal))
    if wrapped_signal:
        rendered = [_render(b) for b in _contents_tables(_join_pages(per_page))]
        text = "\n\n".join(with_captions(rendered))
    else:
        text = "\f".join("\n\n".join(_render(b, False) for b in blocks) for blocks in per_page)
    return Composed(text, notes.done(), wrapped_signal, removed)


def _separator(lines: list[Line]) -> Line | None:
    """The footnote separator: a short rule of underscores low on the page."""
    rules = [ln for ln in lines if _SEPARATOR.match(ln.text)]
    return min(rules, key=lambda ln: ln.top) if rules else None


def _below(line: Line, separator: Line | None) -> bool:
    if separator is None:
        return False
    if line.size and separator.size:
        return line.top < separator.top - 1
    return False


def _edge_lines(page: Page) -> list[Line]:
    """Lines in the top or bottom band, and the topmost and bottommost line."""
    lines = page.lines
    if not lines:
        return []
    if not any(ln.size for ln in lines):
        return lines[:1] + lines[-1:]
    top = max(lines, key=lambda ln: ln.top)
    bottom = min(lines, key=lambda ln: ln.bottom)
    return [ln for ln in lines if ln is top or ln is bottom or _in_band(ln, page)]


def _at_foot(line: Line) -> bool:
    """In the bottom band of its page, where running feet sit."""
    return bool(line.size) and line.bottom <= BOTTOM_BAND


def _in_band(line: Line, page: Page) -> bool:
    if not line.size:
        return False
    return (
        line.top >= page.height - TOP_BAND
        or line.bottom <= BOTTOM_BAND
        or line.x1 <= SIDE_BAND
        or line.x0 >= page.width - SIDE_BAND
    )


def _is_furniture(
    line: Line,
    number: int,
    page: Page,
    edge: list[Line],
    running: set[str],
    body: float,
    feet: frozenset[str] | set[str] = frozenset(),
) -> bool:
    text = line.text
    if f.is_furniture_anywhere(text):
        return True
    if not any(line is e for e in edge):
        return False
    if f.is_edge_furniture(text):
        return True
    if feet and _at_foot(line) and f.running_key(text) in feet:
        return True
    if number == 0:
        return False  # the first page's masthead carries the symbol and dates
    if f.running_key(text) in running:
        return True
    banded = _in_band(line, page)
    return banded and (f.has_symbol(text) or (bool(line.size) and line.size < body * SMALL))


def _body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.size:
                sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _wrapped_signal(pages: list[Page]) -> bool:
    """Word's PDFs end every wrapped line in a space: then paragraphs are known."""
    lines = [ln for page in pages for ln in page.lines if ln.size and len(ln.text) > 40]
    wrapped = sum(ln.wrapped for ln in lines)
    # every line "wrapped" (OCR layers end all lines in a space) says nothing
    return len(lines) >= 5 and 0.3 * len(lines) <= wrapped < 0.97 * len(lines)


def _blocks(lines: list[Line], body: float, wrapped_signal: bool) -> list[_Block]:
    """Paragraphs from line spacing (and Word's wrap marks); table areas apart."""
    small = [bool(ln.size) and body > 0 and ln.size < body * SMALL for ln in lines]
    table = [
        s and ((i > 0 and small[i - 1]) or (i + 1 < len(small) and small[i + 1]))
        for i, s in enumerate(small)
    ]
    blocks: list[_Block] = []
    prev: Line | None = None
    pitch = 0.0 if wrapped_signal else _line_pitch(lines)  # scans: double-spaced
    for line, in_table in zip(lines, table, strict=True):
        current = blocks[-1] if blocks else None
        if in_table:
            if current is not None and current.table:
                current.lines.append(line)
            else:
                blocks.append(_Block([line], table=True))
        elif (
            current is None
            or current.table
            or prev is None
            or _breaks(prev, line, wrapped_signal, pitch)
        ):
            blocks.append(_Block([line]))
        else:
            current.lines.append(line)
        prev = line
    return blocks


def _line_pitch(lines: list[Line]) -> float:
    """The page's usual distance between lines of one paragraph (typescript
    scans are double-spaced: a paragraph gap there is wider still)."""
    gaps = sorted(
        round(prev.bottom - line.top)
        for prev, line in itertools.pairwise(lines)
        if line.size and 0 < prev.bottom - line.top < 3 * line.size
    )
    return float(gaps[len(gaps) // 2]) if len(gaps) >= 3 else 0.0


def _breaks(prev: Line, line: Line, wrapped_signal: bool, pitch: float = 0.0) -> bool:
    if not line.size or not prev.size:
        return False
    size = max(prev.size, line.size)
    gap = prev.bottom - line.top
    if gap > max(PARAGRAPH_GAP * size, 1.25 * pitch) or gap < -0.5 * size:
        return True
    ends_hyphen = prev.text.endswith(("-", "\ufffe"))
    # a lost wrap mark: the sentence plainly runs on into a lower-case word
    runs_on = not prev.text.endswith(_TERMINAL) and (
        line.text[:1].islower()
        or (prev.text.endswith(",") and line.text[:1].isdigit() and not starts_item(line.text))
    )
    if wrapped_signal and not prev.wrapped and not ends_hyphen and not runs_on:
        return True
    return (
        not prev.wrapped
        and prev.text.endswith(_TERMINAL)
        and (starts_item(line.text) or line.x0 > prev.x0 + 8)
    )


def _join_pages(per_page: list[list[_Block]]) -> list[_Block]:
    """Rejoin a paragraph cut by a page break: its last line wrapped, or the
    sentence runs on into a lower-case start."""
    out: list[_Block] = []
    for blocks in per_page:
        for i, block in enumerate(blocks):
            if i == 0 and out and _continues(out[-1], block):
                out[-1].lines.extend(block.lines)
            else:
                out.append(block)
    return out


def _continues(prev: _Block, nxt: _Block) -> bool:
    if prev.table or nxt.table:
        return prev.table and nxt.table
    last, first = prev.lines[-1], nxt.lines[0]
    if starts_item(first.text):
        return False  # a numbered paragraph or sub-item starts afresh
    if len(prev.lines) > 1 and first.x0 > last.x0 + 8:
        return False  # indented like a first line, not like the lines it would continue
    if last.wrapped or last.text.endswith(("-", "\ufffe")):
        return True
    return not last.text.endswith(_TERMINAL) and first.text[:1].islower()


def _row(line: Line) -> str:
    cells = [join_words([c]).replace("|", "/") for c in line.cells] or [
        join_words([line.plain or line.text])
    ]
    return "| " + " | ".join(cells) + " |"


def _contents_tables(blocks: list[_Block]) -> list[_Block]:
    """Table-of-contents entries (dot leaders, page number) as one table, so
    that "A. Mandate ...... 6" is never taken for a heading."""
    out: list[_Block] = []
    for block in blocks:
        entry = (
            None
            if block.table
            else _CONTENTS_ENTRY.match(join_words([ln.text for ln in block.lines]))
        )
        if entry is None:
            out.append(block)
            continue
        row = Line(f"{entry.group(1).strip()} | {entry.group(2)}")
        if out and out[-1].table and out[-1].lines[-1].text.count(" | ") == 1:
            out[-1].lines.append(row)
        else:
            out.append(_Block([row], table=True))
    return out


def _render(block: _Block, one_line: bool = True) -> str:
    if block.table:
        return "\n".join(_row(ln) for ln in block.lines)
    if one_line:
        return join_words([ln.text for ln in block.lines])
    return "\n".join(join_words([ln.text]).replace("\ufffe", "-") for ln in block.lines)


class _Notes:
    """Footnotes below the separator: ``1 text`` starts a note, other lines go on."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, list[str]]] = []
        self.last = 0

    def add(self, lines: list[Line]) -> None:
        for index, line in enumerate(lines):
            match = _NOTE.match(line.text)
            marker = match.group(1).translate(_FROM_SUPERSCRIPT) if match else ""
            if match and self._starts(marker, index == 0):
                self.notes.append((marker, [match.group(2)]))
            elif self.notes:
                self.notes[-1][1].append(line.text)
            else:
                self.notes.append(("", [line.text]))

    def _starts(self, marker: str, first_on_page: bool) -> bool:
        if not marker.isdigit():
            return True
        number = int(marker)
        if not self.notes or number == self.last + 1 or (first_on_page and number <= self.last):
            self.last = number
            return True
        return False

    def done(self) -> list[str]:
        out = []
        for marker, lines in self.notes:
            text = join_words(lines)
            sup = marker.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
            out.append(f"{sup} {text}" if marker else text)
        return out
