"""Positioned lines from a PDFium text page.

PDFium's text (``get_text_range``) has one character per character index, so
the few positions the layout needs are asked for per line, not per character:
the first and last character's boxes, the font size in the middle of the line,
and the size of every digit run (a digit set smaller than its neighbour is a
footnote marker, kept as a Unicode superscript).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.ingest.layout.cells import line_cells

_SOFT_HYPHEN = "\ufffe\x02\u00ad"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_DIGITS = re.compile(r"\d+")
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
    plain: str = ""  # the text without superscript markers (tables mix type sizes)
    cells: list[str] = field(default_factory=list)  # when it reads like a table row


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
            text = _clean(stripped.strip())
            lines.append(Line(text, wrapped=piece.endswith(" "), plain=text))
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
            Line(
                _clean(body.strip()),
                left,
                right,
                bottom,
                last_bottom,
                size,
                piece.endswith(" "),
                _clean(stripped.strip()),
                line_cells(textpage, raw, stripped[lead:], first, size),
            )
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
            if prev.cells or line.cells:
                prev.cells = (prev.cells or [prev.plain]) + (line.cells or [line.plain])
            prev.plain = f"{prev.plain} {line.plain}"
            if (
                line.text.isdigit()
                and len(line.text) <= 3
                and line.size < prev.size * SUPERSCRIPT_RATIO
            ):
                prev.text += line.text.translate(SUPERSCRIPTS)  # a marker set on its own
                prev.x1, prev.wrapped = line.x1, line.wrapped  # its raised base is not the line's
            else:
                prev.text = f"{prev.text} {line.text}"
                prev.x1, prev.bottom, prev.wrapped = line.x1, line.bottom, line.wrapped
        else:
            out.append(line)
    return out


def _superscripts(textpage: object, raw: object, text: str, begin: int, lead: int) -> str:
    """Digits set smaller than the text before them become superscripts
    ("in 2019 7" with a small 7 is "in 2019⁷"; so is the 7 of "20167")."""
    if not any(ch.isdigit() for ch in text):
        return text

    def size(i: int) -> float:
        return float(raw.FPDFText_GetFontSize(textpage.raw, begin + i))  # type: ignore[attr-defined]

    out, cursor = [], 0
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        if start <= lead:
            after = end + 1 if end + 1 < len(text) and text[end] == " " else end
            if (  # a marker the line began with
                end - start <= 3
                and after < len(text)
                and text[after].isalnum()
                and size(start) < size(after) * SUPERSCRIPT_RATIO
            ):
                out += [text[cursor:start], match.group(0).translate(SUPERSCRIPTS)]
                cursor = end
                continue
        else:
            before = start - 1
            while before > lead and text[before] == " ":
                before -= 1
            near = size(before)
            if (
                end - start <= 3
                and (text[before].isalnum() or text[before] in ".,;:)”’\"'")
                and near
                and (
                    size(start) < near * SUPERSCRIPT_RATIO
                    or _raised(textpage, begin + start, begin + before, near)
                )
            ):
                out += [text[cursor : before + 1], match.group(0).translate(SUPERSCRIPTS)]
                cursor = end
                continue
        if end - start >= 2 and size(end - 1) < size(start) * SUPERSCRIPT_RATIO:
            first = end - 1  # a marker glued to a year: 20167 is 2016 and note 7
            while first - 1 > start and end - first < 3 and size(first - 1) < size(start) * 0.8:
                first -= 1
            out += [text[cursor:first], text[first:end].translate(SUPERSCRIPTS)]
            cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _raised(textpage: object, at: int, before: int, size: float) -> bool:
    """Set on a raised baseline (a marker in the text's own size)."""
    digit = textpage.get_charbox(at)  # type: ignore[attr-defined]
    near = textpage.get_charbox(before)  # type: ignore[attr-defined]
    return digit[1] > near[1] + 0.3 * size and digit[3] > near[3] + 0.1 * size


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\x02", "\ufffe").replace("\u00ad", "\ufffe"))
