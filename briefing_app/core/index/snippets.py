"""Snippets: HTML-escaped text with matched words in ``<b>…</b>``.

Segments are short and their text is stored, so highlighting re-reads one
paragraph with the index's own analyzer: no positions or character offsets
in the index, and what is marked is exactly what matched (stems included).
"""

from __future__ import annotations

from html import escape

from briefing_app.core.index.analysis import word_spans

FRAGMENT_CHARS = 240
MAX_FRAGMENTS = 3
SHORT_TEXT = 360
JOINER = " … "


def snippet(text: str, terms: set[str]) -> str:
    """The best fragments of ``text`` around the query terms, marked."""
    spans = [(s, e) for s, e, term in word_spans(text) if term in terms] if terms else []
    if not spans:
        return escape(_clip(text, 0, FRAGMENT_CHARS))
    if len(text) <= SHORT_TEXT:
        return _mark(text, 0, len(text), spans)
    windows = _windows(text, spans)
    body = JOINER.join(_mark(text, start, end, spans) for start, end in windows)
    lead = "…" if windows[0][0] > 0 else ""
    tail = "…" if windows[-1][1] < len(text) else ""
    return f"{lead}{body}{tail}"


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Up to MAX_FRAGMENTS windows, those with most matches, in reading order."""
    candidates = []
    i = 0
    while i < len(spans):
        start = max(0, spans[i][0] - FRAGMENT_CHARS // 4)
        start = _word_start(text, start)
        end = min(len(text), start + FRAGMENT_CHARS)
        j = i
        while j < len(spans) and spans[j][1] <= end:
            j += 1
        candidates.append((j - i, start, _word_end(text, end)))
        i = max(j, i + 1)
    best = sorted(candidates, key=lambda c: -c[0])[:MAX_FRAGMENTS]
    merged: list[tuple[int, int]] = []
    for start, end in sorted((start, end) for _, start, end in best):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out = []
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<b>{escape(text[s:e])}</b>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return "".join(out).strip()


def _clip(text: str, start: int, length: int) -> str:
    if len(text) <= length:
        return text
    return text[start : _word_end(text, start + length)].rstrip() + "…"


def _word_start(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", 0, pos)
    return space + 1 if space >= 0 else 0


def _word_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos)
    return space if space >= 0 else len(text)
