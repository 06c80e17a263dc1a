"""The unstemmed word list behind "did you mean".

Suggestions drawn from the stemmed index read like "sovereignti"; this keeps
folded, unstemmed words with the number of segments that contain them.
Counts are added when a document is indexed and subtracted (from its stored
text) when it is replaced or removed, so the list follows the library.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing_app.core.index.analysis import WORD_RE, fold


class Vocabulary:
    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts or Counter()
        self._buckets: dict[str, list[str]] | None = None

    @classmethod
    def from_json(cls, data: Any) -> Vocabulary:
        return cls(Counter({str(k): int(v) for k, v in data.items()}))

    def to_json(self) -> dict[str, int]:
        return dict(self.counts)

    @classmethod
    def load(cls, folder: Path) -> Vocabulary:
        """The word list of the index's current generation (empty when there is none)."""
        from briefing_app.core.index.state import StateError, latest_generation, read_state

        try:
            return cls.from_json(read_state(folder, latest_generation(folder))["words"])
        except (StateError, KeyError, ValueError, TypeError, AttributeError):
            return cls()

    def save(self, folder: Path, state: dict[str, Any] | None = None) -> None:
        """Put the word list into ``state``, the generation being committed (written with
        the index and the catalog); without one, into the current generation."""
        if state is not None:
            state["words"] = self.to_json()
            return
        from briefing_app.core.index.state import latest_generation, read_state, write_state

        number = latest_generation(folder)
        current = read_state(folder, number)
        current["words"] = self.to_json()
        write_state(folder, number, current)

    def add_texts(self, texts: Iterable[str], sign: int = 1) -> None:
        delta = word_counts(texts)
        self._buckets = None
        if sign > 0:
            self.counts.update(delta)
        else:
            self.counts.subtract(delta)
            for word in [w for w in delta if self.counts[w] <= 0]:
                del self.counts[word]

    def starting_with(self, letter: str) -> list[str]:
        """Known words with this first letter (bucketed once, on first use)."""
        if self._buckets is None:
            buckets: dict[str, list[str]] = {}
            for word in self.counts:
                buckets.setdefault(word[:1], []).append(word)
            self._buckets = buckets
        return self._buckets.get(letter, [])

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """Number of texts each folded word occurs in (folding each distinct word once)."""
    raw: Counter[str] = Counter()
    for text in texts:
        raw.update(distinct_words(WORD_RE.findall(text)))
    return fold_counts(raw)


def distinct_words(words: list[str]) -> set[str]:
    """The words of one text that count for the word list (alphabetic), once each."""
    return {w for w in words if w.isalpha()}


def fold_counts(raw: Counter[str]) -> Counter[str]:
    """Counts of words as written -> counts of their folded forms (each folded once)."""
    folded: Counter[str] = Counter()
    cache = _FOLDED
    for word, n in raw.items():
        form = cache.get(word)
        if form is None:
            form = cache[word] = fold(word)
        folded[form] += n
    return folded


# word as written -> its folded form; only grows with the vocabulary (like analysis._CACHE).
_FOLDED: dict[str, str] = {}
