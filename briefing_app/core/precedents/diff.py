"""Word-level diff from the draft's wording to a precedent's.

Words and punctuation are separate tokens, so a changed comma or a changed
word shows alone. Tokens compare after typographic normalisation (curly and
straight quotes, dashes, spacing, ligatures), since those are conversion
noise, not changes a negotiator makes; case still counts.

Each op is ``{"op": "equal" | "insert" | "delete", "text": ...}``: "delete"
is wording of the draft that the precedent lacks, "insert" wording of the
precedent that the draft lacks. A run's text is the original span (inner
spacing kept, no spacing around it); :func:`render` puts runs back together.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

EQUAL, INSERT, DELETE = "equal", "insert", "delete"

_TOKEN = re.compile(r"\w+(?:[-'’‐‑]\w+)*|[^\w\s]")
_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)
_NO_SPACE_BEFORE = set(".,;:!?)]}%’”'\"…")
_NO_SPACE_AFTER = set("([{“‘")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for each word or punctuation mark."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def normalize_token(token: str) -> str:
    return unicodedata.normalize("NFKC", token).translate(_FOLD)


def word_diff(draft: str, precedent: str) -> list[dict[str, str]]:
    """Ops that turn ``draft`` into ``precedent``; adjacent ops of a kind merged."""
    a = tokenize(draft)
    b = tokenize(precedent)
    matcher = SequenceMatcher(
        None, [normalize_token(t) for t, _, _ in a], [normalize_token(t) for t, _, _ in b], False
    )
    ops: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(ops, EQUAL, _span(precedent, b, j1, j2))
            continue
        if i2 > i1:
            _append(ops, DELETE, _span(draft, a, i1, i2))
        if j2 > j1:
            _append(ops, INSERT, _span(precedent, b, j1, j2))
    return ops


def _span(text: str, tokens: list[tuple[str, int, int]], first: int, stop: int) -> str:
    return re.sub(r"\s+", " ", text[tokens[first][1] : tokens[stop - 1][2]])


def _append(ops: list[dict[str, str]], op: str, text: str) -> None:
    if ops and ops[-1]["op"] == op:
        ops[-1]["text"] = join_words([ops[-1]["text"], text])
    else:
        ops.append({"op": op, "text": text})


def join_words(parts: list[str]) -> str:
    """Join runs with a space, except before closing and after opening punctuation."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and part[0] not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += part
    return out


def render(ops: list[dict[str, str]], side: str = "precedent") -> str:
    """The precedent's wording (equal + insert) or the draft's (equal + delete)."""
    skip = DELETE if side == "precedent" else INSERT
    return join_words([op["text"] for op in ops if op["op"] != skip])


def changed_words(ops: list[dict[str, str]]) -> tuple[list[str], list[str]]:
    """(deleted runs, inserted runs): what a test or a tooltip reports."""
    deleted = [op["text"] for op in ops if op["op"] == DELETE]
    inserted = [op["text"] for op in ops if op["op"] == INSERT]
    return deleted, inserted


def similarity(ops: list[dict[str, str]]) -> float:
    """Share of tokens unchanged, 0..1 (both sides counted)."""
    same = sum(len(tokenize(op["text"])) for op in ops if op["op"] == EQUAL)
    other = sum(len(tokenize(op["text"])) for op in ops if op["op"] != EQUAL)
    total = 2 * same + other
    return 2 * same / total if total else 1.0
