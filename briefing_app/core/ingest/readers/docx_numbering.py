"""Automatic paragraph numbering of a DOCX (``1.``, ``(a)``, ``II.``), as Word shows it.

Word keeps the number out of the text: a paragraph (or its style) points at
a list (``w:numId``) and a level (``w:ilvl``); numbering.xml says each
level's format and label (``%1.``, ``(%2)``). Counters run per list and a
level restarts when a shallower level moves on.
"""

from __future__ import annotations

from typing import Any

from briefing_app.core.ingest.readers.ooxml import W, attr, child

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "bullet":
        return "•"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Labels for numbered paragraphs, in document order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> fmt
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.iterfind(f"{W}abstractNum"):
            levels = {}
            for lvl in node.iterfind(f"{W}lvl"):
                start = attr(child(lvl, "start"), "val") or "1"
                fmt = attr(child(lvl, "numFmt"), "val") or "decimal"
                text = attr(child(lvl, "lvlText"), "val") or ""
                levels[int(attr(lvl, "ilvl") or 0)] = (int(start), fmt, text)
            abstract[attr(node, "abstractNumId") or ""] = levels
        for num in root.iterfind(f"{W}num"):
            levels = dict(abstract.get(attr(child(num, "abstractNumId"), "val") or "", {}))
            for override in num.iterfind(f"{W}lvlOverride"):
                override_start = attr(child(override, "startOverride"), "val")
                ilvl = int(attr(override, "ilvl") or 0)
                if override_start is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(override_start), fmt, text)
            self.levels[attr(num, "numId") or ""] = levels

    def _read_styles(self, root: Any) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str, int]] = {}
        for style in root.iterfind(f"{W}style"):
            style_id = attr(style, "styleId") or ""
            parent = attr(child(style, "basedOn"), "val")
            if parent:
                based[style_id] = parent
            num = _num_pr(child(style, "pPr"))
            if num is not None:
                own[style_id] = num
        for style_id in set(based) | set(own):
            seen, current = 0, style_id
            while current and current not in own and seen < 20:
                current, seen = based.get(current, ""), seen + 1
            if current in own:
                self.style_num[style_id] = own[current]

    def label(self, ppr: Any | None, style_id: str) -> str:
        """The number Word prints before this paragraph ('' when none)."""
        num = _num_pr(ppr)
        if num is None:
            num = self.style_num.get(style_id)
        if num is None or num[0] in ("", "0") or num[0] not in self.levels:
            return ""
        num_id, ilvl = num
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        start = levels[ilvl][0]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return "•"
        for level in range(ilvl + 1):
            value = counters[level] or levels.get(level, (1, "decimal", ""))[0]
            level_fmt = levels.get(level, (1, "decimal", ""))[1]
            text = text.replace(f"%{level + 1}", format_number(value, level_fmt))
        return text.strip()


def _num_pr(ppr: Any | None) -> tuple[str, int] | None:
    numpr = child(ppr, "numPr")
    if numpr is None:
        return None
    num_id = attr(child(numpr, "numId"), "val")
    if num_id is None:
        return None
    return num_id, int(attr(child(numpr, "ilvl"), "val") or 0)
