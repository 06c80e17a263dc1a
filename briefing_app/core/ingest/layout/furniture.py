"""Page furniture of UN documents: the pattern tables and the running lines.

Each table is a list of regular expressions so that other languages' forms
("Page 3 sur 12", ...) can be added without touching the logic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# A token that is furniture wherever it sits on the page's top or bottom edge.
EDGE_TOKENS = [
    r"\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?",  # job number: 24-23058 (E) 211224
    r"[A-Z]{1,2}\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?",  # Vienna job number: V.21-03928
    r"\*\d{7,}\*",  # bar code line: *2423058*
    r"\d{0,4}\s*/\s*\d{1,4}",  # page number: 9/12 (or its "/12" half, set apart)
    r"(?:Page|p\.)\s*\d{1,4}(?:\s+(?:of|/)\s+\d{1,4})?",
    r"[-–—]\s*\d{1,4}\s*[-–—]",  # - 3 -
    r"\d{1,4}",  # a lone page number
    r"Please\s+recycle",
]
# Whole lines that are furniture anywhere on a page (first page included).
ANYWHERE_LINES = [
    r"\d{2}-\d{5}\*?\s*\([A-Z]\)(?:\s+\d{6})?(?:\s+\d{6})?",  # 23-24923 (E) 211223
    r"\*\d{7,}\*",
    r"Please\s+recycle\s*\S?",
]
# Document symbols in running heads: A/RES/79/175, A/80/604/Add.3, A/81/6 (Sect. 3),
# A/C.3/80/L.32, S/RES/2719 (2023), A/HRC/RES/55/1, E/CN.6/2024/L.3, CAC/COSP/WG.2/2021/3.
SYMBOL = (
    r"(?:[A-Z][A-Za-z]{0,7}\.?\d{0,2}/)+[A-Za-z0-9.]+(?:/[A-Za-z0-9.]+)*"
    r"(?:\s*\((?:Sect|Part|Vol)\.?[^)]*\))?(?:/[A-Z][A-Za-z.]*\s?\d*)?"
)

_EDGE = re.compile(rf"(?:{'|'.join(EDGE_TOKENS)})")
_EDGE_LINE = re.compile(rf"^(?:(?:{'|'.join(EDGE_TOKENS)})\s*)+$")
_ANYWHERE = re.compile(rf"^(?:{'|'.join(ANYWHERE_LINES)})$", re.I)
_SYMBOL = re.compile(rf"(?<![\w/]){SYMBOL}(?![\w/])")
_DIGITS = re.compile(r"\d+")


def is_furniture_anywhere(text: str) -> bool:
    """Job-number and bar-code lines: furniture even on the first page."""
    return bool(_ANYWHERE.match(text.strip()))


def is_edge_furniture(text: str) -> bool:
    """A page-edge line made only of furniture tokens (page and job numbers)."""
    return bool(_EDGE_LINE.match(text.strip()))


def has_symbol(text: str) -> bool:
    return bool(_SYMBOL.search(text))


def running_key(text: str) -> str:
    """What stays of a running head once symbols, job and page numbers are gone."""
    text = _SYMBOL.sub(" ", text)
    text = _EDGE.sub(" ", text)
    return " ".join(_DIGITS.sub("#", text).split()).lower()


def running_lines(edge_lines_per_page: Iterable[Iterable[str]]) -> set[str]:
    """Keys of edge lines repeated on at least two pages (running titles)."""
    counts: Counter[str] = Counter()
    for lines in edge_lines_per_page:
        counts.update({running_key(line) for line in lines})
    return {key for key, n in counts.items() if n >= 2 and len(key) >= 3}
