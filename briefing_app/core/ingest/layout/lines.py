"""Positioned lines from a PDFium text page.

PDFium's text (``get_text_range``) has one character per character index, so
the few positions the layout needs are asked for per line, not per character:
the first and last character's boxes, the font size in the middle of the line,
and the size of every digit run (a digit set smaller than its neighbour is a
footnote marker, kept as a Unicode superscript).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOFT_HYPHEN = "\ufffe\x02\u00ad"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_DIGIT_RUN = re.compile(r"\d{1,3}")
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPERSCRIPT_RATIO = 0.8
MIN_SIZE = 3.0


@dataclass
class Line:
    """One line of a page, with where it sits (PDF points, origin bottom left)."""

    text: str
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0  # baseline-ish bottom of the first character
    bottom: float = 0.0  # bottom of the last character (PDFium may join two lines)
    size: float = 0.0
    wrapped: bool = False  # ended in a space: the paragraph goes on (Word's PDFs)


def page_lines(textpage: object) -> list[Line]:
    """The page's lines in PDFium's reading order, footnote markers superscript."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()  # type: ignore[attr-defined]
    positioned = len(text) == textpage.count_chars()  # type: ignore[attr-defined]
    lines: list[Line] = []
    start = 0
    for piece in text.split("\r\n"):
        begin, end = start, start + len(piece)
        start = end + 2
        stripped = piece.rstrip()
        lead = len(piece) - len(piece.lstrip())
        if not stripped.strip():
            continue
        if not positioned:
            lines.append(Line(_clean(stripped.strip()), wrapped=piece.endswith(" ")))
            continue
        first, last = begin + lead, begin + len(stripped.rstrip("0123456789 ")) - 1
        last = max(first, last)
        left, bottom, _, top = textpage.get_charbox(first, loose=True)  # type: ignore[attr-defined]
        _, last_bottom, right, _ = textpage.get_charbox(last, loose=True)  # type: ignore[attr-defined]
        middle = first + (last - first) // 2
        size = max(  # dot leaders and markers may be set smaller than the line's text
            raw.FPDFText_GetFontSize(textpage.raw, first),  # type: ignore[attr-defined]
            raw.FPDFText_GetFontSize(textpage.raw, middle),  # type: ignore[attr-defined]
        )
        if size < MIN_SIZE:  # OCR layers scale a 1-point font: the box tells the size
            size = max(0.8 * (top - bottom), MIN_SIZE)
        body = _superscripts(textpage, raw, stripped, begin, lead)
        lines.append(
            Line(_clean(body.strip()), left, right, bottom, last_bottom, size, piece.endswith(" "))
        )
    return _merge_fragments(lines)


def _merge_fragments(lines: list[Line]) -> list[Line]:
    """PDFium breaks a line where a raised footnote marker sits: mend it."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and line.size
            and prev.size
            and abs(line.top - prev.bottom) < 0.5 * max(line.size, prev.size)
            and prev.x1 - 1 <= line.x0 <= prev.x1 + 3 * line.size
        ):
            prev.text = f"{prev.text} {line.text}"
            prev.x1, prev.bottom, prev.wrapped = line.x1, line.bottom, line.wrapped
        else:
            out.append(line)
    return out


def _superscripts(textpage: object, raw: object, text: str, begin: int, lead: int) -> str:
    """Digit runs set smaller than the text before them become superscripts
    ("in 2019 7" with a small 7 is "in 2019⁷")."""
    if not any(ch.isdigit() for ch in text):
        return text
    out, cursor = [], 0
    for match in _DIGIT_RUN.finditer(text):
        at = match.start()
        if at <= lead or (match.end() < len(text) and text[match.end()].isdigit()):
            continue
        before = at - 1
        while before > lead and text[before] == " ":
            before -= 1
        if not (text[before].isalnum() or text[before] in ".,;:)”’\"'"):
            continue
        size = raw.FPDFText_GetFontSize(textpage.raw, begin + at)  # type: ignore[attr-defined]
        near = raw.FPDFText_GetFontSize(textpage.raw, begin + before)  # type: ignore[attr-defined]
        if near and size < near * SUPERSCRIPT_RATIO:
            out.append(text[cursor : before + 1])
            out.append(match.group(0).translate(SUPERSCRIPTS))
            cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\x02", "\ufffe").replace("\u00ad", "\ufffe"))
