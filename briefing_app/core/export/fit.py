"""Talking points fit on two pages, and say what was cut to get there.

Talking points are read at a glance from a podium or a panel table: two pages
at most. The draft body (python-markdown's tree) is measured in estimated
printed lines; when it is longer than the budget it is shortened in two steps,
and the result says what was done:

1. every point keeps only its first sentence (the message; the rest is
   argument), footnote references in it included;
2. if that is still too long, the last points are left out, and the note names
   how many and under which headings.

The estimate is deliberately pessimistic (narrow lines, full last lines), so a
page or so of LibreOffice/Word layout slack never pushes past two pages.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from briefing_app.core.export import md_tree
from briefing_app.core.export.layout import is_salutation_or_closing

#: Two A4 pages of 11 pt text, less the title block: printed lines.
BUDGET_LINES = 96
CHARS_PER_LINE = 82  # 11 pt serif on a 16 cm measure, less the bullet indent
QUOTE_CHARS_PER_LINE = 72
SPACING_LINES = 0.35  # 4 pt after each point
HEADING_LINES = 2.0
TABLE_ROW_LINES = 1.6
#: A bracketed reference is printed small (9 pt): it takes fewer characters' room.
REFERENCE_FACTOR = 0.8

_SENTENCE_END = re.compile(r"(?<=[.;!?])[”\"’)]?\s+(?=[A-Z(“\"‘])")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Fit:
    """What fitting did: ``note`` is empty when the points fitted as written."""

    lines_before: float
    lines_after: float
    shortened: int = 0  # points cut to their first sentence
    dropped: int = 0  # points left out at the end
    note: str = ""


def fit_talking_points(parsed: md_tree.ParsedBody, budget: float = BUDGET_LINES) -> Fit:
    """Shorten ``parsed`` in place until its estimate fits ``budget`` lines (two pages)."""
    before = estimate_lines(parsed)
    fit = Fit(before, before)
    if before <= budget:
        return fit
    for point in _points(parsed.root):
        if _first_sentence_only(point):
            fit.shortened += 1
    fit.lines_after = estimate_lines(parsed)
    sections: list[str] = []  # headings under which points were left out
    while fit.lines_after > budget and len(parsed.root):
        element = parsed.root[-1]
        parsed.root.remove(element)
        if element.tag in _HEADINGS or _is_salutation(element):
            continue
        fit.dropped += _count_points(element)
        heading = next((h for h in reversed(parsed.root) if h.tag in _HEADINGS), None)
        name = md_tree.plain_text(heading).strip() if heading is not None else ""
        if name and name not in sections:
            sections.append(name)
        fit.lines_after = estimate_lines(parsed)
    fit.note = _note(fit, list(reversed(sections)))
    return fit


def estimate_lines(parsed: md_tree.ParsedBody) -> float:
    """Printed lines the talking points take (pessimistic)."""
    return sum(_block_lines(el, parsed, quote=False) for el in parsed.root)


def _block_lines(el: etree.Element, parsed: md_tree.ParsedBody, *, quote: bool) -> float:
    tag = el.tag
    if tag in _HEADINGS:
        return HEADING_LINES
    if tag == "p":
        if not quote and _is_salutation(el):
            return 0.0  # talking points carry no "Mr. Chair,"
        return _text_lines(el, parsed, QUOTE_CHARS_PER_LINE if quote else CHARS_PER_LINE)
    if tag == "blockquote":
        return sum(_block_lines(child, parsed, quote=True) for child in el)
    if tag in ("ul", "ol"):
        return sum(_block_lines(li, parsed, quote=quote) for li in el if li.tag == "li")
    if tag == "li":
        nested = [c for c in el if c.tag in ("ul", "ol", "p", "blockquote")]
        own = _text_lines(_without(el, nested), parsed, CHARS_PER_LINE) if _has_text(el) else 0
        return own + sum(_block_lines(c, parsed, quote=quote) for c in nested)
    if tag == "table":
        return TABLE_ROW_LINES * len(list(el.iter("tr")))
    if tag in ("hr", "pre"):
        return 1.0 + ("".join(el.itertext()).count("\n") if tag == "pre" else 0)
    return sum(_block_lines(child, parsed, quote=quote) for child in el)


def _text_lines(el: etree.Element, parsed: md_tree.ParsedBody, per_line: int) -> float:
    chars: float = len(md_tree.plain_text(el))
    for sup in el.iter("sup"):
        note = md_tree.footnote_target(sup)
        definition = parsed.footnotes.get(note) if note else None
        if definition is not None:
            chars += REFERENCE_FACTOR * (len(md_tree.plain_text(definition)) + 3)
    return math.ceil(max(chars, 1) / per_line) + SPACING_LINES


def _points(root: etree.Element) -> list[etree.Element]:
    """Paragraphs and list items: what becomes a bullet or stays one."""
    return [el for el in root.iter() if el.tag in ("p", "li") and not _is_salutation(el)]


def _first_sentence_only(el: etree.Element) -> bool:
    """Cut ``el`` after its first sentence (boundaries in its own text only)."""
    if el.text:
        cut = _SENTENCE_END.search(el.text)
        if cut:
            el.text = el.text[: cut.start()].rstrip() + _closing(el.text, cut)
            for child in list(el):
                el.remove(child)
            return True
    for index, child in enumerate(list(el)):
        if child.tag in ("ul", "ol", "p", "blockquote"):
            return False  # nested points are points of their own
        cut = _SENTENCE_END.search(child.tail or "")
        if cut:
            child.tail = (child.tail or "")[: cut.start()].rstrip() + _closing(child.tail, cut)
            for later in list(el)[index + 1 :]:
                el.remove(later)
            return True
    return False


def _closing(text: str | None, cut: re.Match[str]) -> str:
    """The closing quote or bracket that belonged to the sentence, if any."""
    return (text or "")[cut.start() : cut.end()].strip()


def _has_text(el: etree.Element) -> bool:
    return bool((el.text or "").strip()) or any(
        c.tag not in ("ul", "ol", "p", "blockquote") for c in el
    )


def _without(el: etree.Element, children: list[etree.Element]) -> etree.Element:
    copy = etree.Element(el.tag)
    copy.text = el.text
    for child in el:
        if child not in children:
            copy.append(child)
    return copy


def _is_salutation(el: etree.Element) -> bool:
    return el.tag == "p" and is_salutation_or_closing(md_tree.plain_text(el))


def _count_points(el: etree.Element) -> int:
    if el.tag in ("p", "li"):
        return 1 + sum(_count_points(c) for c in el if c.tag in ("ul", "ol"))
    return sum(_count_points(c) for c in el) or (1 if el.tag == "table" else 0)


def _note(fit: Fit, headings: list[str]) -> str:
    parts = []
    if fit.shortened:
        parts.append("each point gives the first sentence of its paragraph")
    if fit.dropped:
        left = f"the last {fit.dropped} point(s) are left out"
        if headings:
            left += " (under " + ", ".join(f"“{h}”" for h in headings) + ")"
        parts.append(left)
    return ("Shortened to fit two pages: " + ", and ".join(parts) + ".") if parts else ""
