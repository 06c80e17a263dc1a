"""Edit-distance suggestions from the unstemmed word list.

Norvig-style candidate generation checked against the vocabulary: distance 1
(with transpositions) costs a few hundred set lookups. Generating distance 2
the same way means ~10^5 lookups per word, so the deeper search (only for
zero-hit queries) compares the word with the known words that share its first
letter and nearly its length instead.

When neither finds anything (the library holds the word only in inflected
forms, "cryptocurrencies" for "cryptocurency", or it is more than two edits
away), the word family decides: the misspelling's stem is compared with the
stems of the library's words, and the closest real form of the nearest stem is
suggested, never the stem itself ("sovereignti").
"""

from __future__ import annotations

from difflib import SequenceMatcher, get_close_matches
from string import ascii_lowercase

from briefing_app.core.index.analysis import STOP_WORDS, normalize
from briefing_app.core.index.vocabulary import Vocabulary

MIN_LENGTH = 3
MAX_DISTANCE2_LENGTH = 12
#: Family members may differ this much in length from the typed word.
FAMILY_LENGTH_SPREAD = 5
FAMILY_CUTOFF = 0.8


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in ascii_lowercase]
    inserts = [a + c + b for a, b in splits for c in ascii_lowercase]
    return set(deletes + transposes + replaces + inserts)


def known(words: set[str], vocabulary: Vocabulary) -> list[str]:
    return [w for w in words if w in vocabulary]


def close_words(word: str, vocabulary: Vocabulary, distance: int = 1) -> list[str]:
    """Known words within ``distance`` edits, most frequent first."""
    found = set(known(edits1(word), vocabulary))
    if distance >= 2 and not found and len(word) <= MAX_DISTANCE2_LENGTH:
        pool = [w for w in vocabulary.starting_with(word[0]) if abs(len(w) - len(word)) <= 2]
        found.update(get_close_matches(word, pool, n=3, cutoff=0.8))
    found.discard(word)
    found -= STOP_WORDS  # never searched: "Did you mean: for" would find nothing
    return sorted(found, key=lambda w: (-vocabulary.count(w), w))


def suggest(word: str, vocabulary: Vocabulary, *, deep: bool = False) -> str | None:
    """A better spelling of ``word`` (folded), or None when it looks right."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in vocabulary:
        return None
    candidates = close_words(word, vocabulary, 2 if deep else 1)
    if candidates:
        return candidates[0]
    return family_word(word, vocabulary) if deep else None


def family_word(word: str, vocabulary: Vocabulary) -> str | None:
    """The closest library form of the stem nearest to ``word``'s stem.

    None when ``word``'s own stem is in the library (the search finds its
    family already) or no stem is close enough.
    """
    stem = normalize(word)
    if not stem:
        return None
    families: dict[str, list[str]] = {}
    for known_word in vocabulary.starting_with(word[0]):
        if abs(len(known_word) - len(word)) <= FAMILY_LENGTH_SPREAD:
            families.setdefault(normalize(known_word), []).append(known_word)
    families.pop("", None)
    if stem in families:
        return None
    near = get_close_matches(stem, list(families), n=1, cutoff=FAMILY_CUTOFF)
    if not near:
        return None
    forms = families[near[0]]
    return max(forms, key=lambda f: (SequenceMatcher(None, word, f).ratio(), vocabulary.count(f)))
