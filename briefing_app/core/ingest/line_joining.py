"""The loop that joins a paragraph's lines back into one text.

Plain text and PDF layout read a line break differently (a new list item,
a broken word, a real hyphen), so each reader passes its own ``glue``; the
walk over the lines is this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

#: ``glue(joined, raw_line, stripped_line)`` returns the text with the line added.
Glue = Callable[[str, str, str], str]


def join_lines_with(lines: Iterable[str], glue: Glue) -> str:
    """Stripped lines joined by ``glue``; the first non-empty one starts the text."""
    out = ""
    for raw in lines:
        piece = raw.strip()
        out = glue(out, raw, piece) if out else piece
    return out
