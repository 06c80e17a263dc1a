"""Table cells of one PDF line, from the gaps between PDFium's text rectangles.

PDFium gives one rectangle per run of text; in a table row the runs stand
apart by far more than a word space. Only lines with such gaps pay for
character positions, so prose costs one call per line.
"""

from __future__ import annotations

import ctypes
import re

CELL_GAP = 1.2  # a gap this many font sizes wide separates two cells


def line_cells(textpage: object, raw: object, text: str, start: int, size: float) -> list[str]:
    """The line's cells when it reads like a table row, else []."""
    handle = textpage.raw  # type: ignore[attr-defined]
    count = raw.FPDFText_CountRects(handle, start, len(text))  # type: ignore[attr-defined]
    if count < 2 or size <= 0:
        return []
    spans = []
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    for index in range(count):
        raw.FPDFText_GetRect(handle, index, left, top, right, bottom)  # type: ignore[attr-defined]
        spans.append((left.value, right.value))
    spans.sort()
    groups = [list(spans[0])]
    for a, b in spans[1:]:
        if a - groups[-1][1] < CELL_GAP * size:
            groups[-1][1] = max(groups[-1][1], b)
        else:
            groups.append([a, b])
    if len(groups) < 2:
        return []
    bounds = [(groups[i][1] + groups[i + 1][0]) / 2 for i in range(len(groups) - 1)]
    cells: list[list[str]] = [[] for _ in groups]
    for word in re.finditer(r"\S+", text):  # a cell boundary never falls inside a word
        x = textpage.get_charbox(start + word.start())[0]  # type: ignore[attr-defined]
        cells[sum(1 for bound in bounds if x > bound)].append(word.group(0))
    out = [" ".join(cell) for cell in cells]
    return [cell for cell in out if cell] if sum(1 for c in out if c) >= 2 else []
