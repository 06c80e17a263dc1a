"""Snippets: the best fragments of a passage with the matched words marked.

Segments are short and their text is stored, so highlighting re-reads one
paragraph with the index's own analyzer: no positions or character offsets
in the index, and what is marked is exactly what matched (stems included).

The marks are data (``Run``: text and whether it matched) and the matched
words as written (``Hit.terms``); each front end renders them its own way.
``snippet`` is the HTML form (``<b>…</b>``) that the CLI's JSON carries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from briefing_app.core.index.analysis import word_spans

FRAGMENT_CHARS = 240
MAX_FRAGMENTS = 3
SHORT_TEXT = 360
JOINER = " … "

#: A piece of snippet text and whether the query matched it.
Run = tuple[str, bool]
Span = tuple[int, int]
#: What to mark: analysed terms, a phrase as one tuple of terms ("arm", "trade", "treati").
Terms = Iterable[str | tuple[str, ...]]


@dataclass(frozen=True)
class Marked:
    html: str  # the snippet, HTML-escaped, matches in <b>
    words: list[str]  # the matched words as written, longest first


def mark(text: str, terms: Terms) -> Marked:
    """Snippet and matched words of ``text`` for the query's analysed ``terms``."""
    spans = term_spans(text, terms)
    return Marked(runs_html(fragment_runs(text, spans)), words_at(text, spans))


def snippet(text: str, terms: Terms) -> str:
    """The best fragments of ``text`` around the query terms, marked (HTML)."""
    return runs_html(fragment_runs(text, term_spans(text, terms)))


def term_spans(text: str, terms: Terms) -> list[Span]:
    """Where the analysed ``terms`` occur in ``text``; a phrase only as a whole, one span."""
    singles: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for term in terms:
        if isinstance(term, str) or len(term) == 1:
            singles.add(term if isinstance(term, str) else term[0])
        elif term:
            phrases.append(term)
    if not singles and not phrases:
        return []
    phrases.sort(key=len, reverse=True)
    words = list(word_spans(text))
    spans: list[Span] = []
    i = 0
    while i < len(words):
        for phrase in phrases:
            n = len(phrase)
            if tuple(w[2] for w in words[i : i + n]) == phrase:
                spans.append((words[i][0], words[i + n - 1][1]))
                i += n
                break
        else:
            if words[i][2] in singles:
                spans.append((words[i][0], words[i][1]))
            i += 1
    return spans


def word_spans_of(text: str, words: Iterable[str]) -> list[Span]:
    """Where the matched ``words`` (as ``Hit.terms`` has them) occur in ``text``.

    A matched phrase ("Arms Trade Treaty") is found as a whole, across any spacing.
    """
    wanted = {w.casefold() for w in words if " " not in w.strip()}
    phrases = [w for w in words if " " in w.strip()]
    spans = [(s, e) for s, e, _term in word_spans(text) if text[s:e].casefold() in wanted]
    if phrases:
        found = [(m.start(), m.end()) for m in phrase_pattern(phrases).finditer(text)]
        spans = found + [s for s in spans if not any(a <= s[0] < b for a, b in found)]
    return sorted(spans)


def phrase_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A case-blind pattern for whole words and phrases, longest first."""
    forms = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def words_at(text: str, spans: list[Span]) -> list[str]:
    """The marked words and phrases as written (a phrase's spacing made single)."""
    return sorted({" ".join(text[s:e].split()) for s, e in spans}, key=lambda w: (-len(w), w))


def fragment_runs(text: str, spans: list[Span]) -> list[Run]:
    """Up to three fragments of ``text`` around ``spans``, as marked runs."""
    if not spans:
        return [(_clip(text, 0, FRAGMENT_CHARS), False)]
    if len(text) <= SHORT_TEXT:
        return _runs(text, 0, len(text), spans)
    windows = _windows(text, spans)
    runs: list[Run] = [("…", False)] if windows[0][0] > 0 else []
    for i, (start, end) in enumerate(windows):
        if i:
            runs.append((JOINER, False))
        runs.extend(_runs(text, start, end, spans))
    if windows[-1][1] < len(text):
        runs.append(("…", False))
    return [r for r in runs if r[0]]


def runs_html(runs: list[Run]) -> str:
    return "".join(f"<b>{escape(t)}</b>" if marked else escape(t) for t, marked in runs)


def runs_text(runs: list[Run], before: str = "*", after: str = "*") -> str:
    """Plain text with the matches between ``before`` and ``after`` (a terminal's marks)."""
    return "".join(f"{before}{t}{after}" if marked else t for t, marked in runs)


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


def _runs(text: str, start: int, end: int, spans: list[Span]) -> list[Run]:
    """The runs of text[start:end], surrounding whitespace trimmed."""
    runs: list[Run] = []
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        runs.append((text[cursor:s], False))
        runs.append((text[s:e], True))
        cursor = e
    runs.append((text[cursor:end], False))
    if runs and not runs[0][1]:
        runs[0] = (runs[0][0].lstrip(), False)
    if runs and not runs[-1][1]:
        runs[-1] = (runs[-1][0].rstrip(), False)
    return [r for r in runs if r[0]]


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
