"""Tables as Markdown pipe-table blocks, the form every reader hands over.

Every line starts with ``|``, cells are split by `` | ``, the header row is
followed by a ``| --- |`` rule; a caption line may stand right above. Such a
block is never a heading (``cleanup.is_table``).
"""

from __future__ import annotations

import re

_CAPTION_WORDS = 16
_UNIT_LINE = re.compile(r"^\(.{2,80}\)$")  # (Thousands of United States dollars)
_NUMBERED = re.compile(r"^(?:\d{1,4}\.|[IVXL]{1,6}\.|[A-Z]\.|\(?[a-z]\))\s")
_TABLE_LABEL = re.compile(r"^(?:Table|Figure|Chart)\s+[\w.]+", re.I)


def pipe_table(rows: list[list[str]]) -> str:
    """Rows of cell texts as a pipe table; empty rows and columns dropped."""
    rows = [[_cell(c) for c in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    keep = [i for i in range(width) if any(row[i] for row in rows)]
    rows = [[row[i] for i in keep] for row in rows]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    rule = "| " + " | ".join("---" for _ in keep) + " |"
    return "\n".join([lines[0], rule, *lines[1:]])


def caption_and_table(before: list[str], rows: list[list[str]]) -> tuple[str, str]:
    """The table, and the caption taken off the end of ``before`` (if any):
    a "Table 3 ..." line, a units line "(Thousands of ...)", and the short
    title line above a units line."""
    table = pipe_table(rows)
    caption: list[str] = []
    if before and (_UNIT_LINE.match(before[-1]) or _TABLE_LABEL.match(before[-1])):
        caption.insert(0, before.pop())
        if before and _UNIT_LINE.match(caption[0]) and _is_title(before[-1]):
            caption.insert(0, before.pop())
    return " ".join(caption), table


def with_captions(blocks: list[str]) -> list[str]:
    """PDF tables: a units row "(Thousands of ...)" on top, and the short title
    line above the table, become the table's caption line."""
    out: list[str] = []
    for block in blocks:
        rows = block.split("\n")
        first = rows[0][2:-2].strip() if rows[0].startswith("| ") and rows[0].endswith(" |") else ""
        if len(rows) > 1 and " | " not in first and _UNIT_LINE.match(first):
            caption = [first]
            if out and _is_title(out[-1]):
                caption.insert(0, out.pop())
            block = "\n".join([" ".join(caption), *rows[1:]])
        out.append(block)
    return out


def _is_title(text: str) -> bool:
    if "\n" in text or text.startswith("|") or text.startswith("#"):
        return False
    words = text.split()
    return (
        0 < len(words) <= _CAPTION_WORDS
        and not text.endswith((".", ";", ":", ","))
        and not (_NUMBERED.match(text))
    )


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())
