"""The salutation search's first-letter filter is derived from the patterns."""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from briefing_app.core.ingest import speech_patterns as sp

ANY = None  # "any character can come first"


def _first(items: list) -> tuple[set[str] | None, bool]:
    """(characters a match can start with, can the pattern match nothing)."""
    found: set[str] | None = set()
    for op, av in items:
        chars, nullable = _first_of(op, av)
        found = None if found is None or chars is None else found | chars
        if not nullable:
            return found, False
    return found, True


def _first_of(op, av) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {chr(av).lower()}, False
    if op is c.IN:
        if any(kind is not c.LITERAL for kind, _ in av):
            return ANY, False
        return {chr(code).lower() for _, code in av}, False
    if op is c.SUBPATTERN:
        return _first(list(av[3]))
    if op is c.BRANCH:
        out: set[str] | None = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _first(list(branch))
            out = None if out is None or chars is None else out | chars
            nullable = nullable or empty
        return out, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        chars, empty = _first(list(av[2]))
        return chars, empty or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    return ANY, False


def test_every_salutation_starts_with_a_listed_letter() -> None:
    chars, nullable = _first(list(_parser.parse(sp._GREETING, re.I)))
    assert chars is not None and not nullable
    assert chars <= set(sp.GREETING_INITIALS), sorted(chars - set(sp.GREETING_INITIALS))


def test_the_filter_does_not_hide_a_salutation() -> None:
    text = "\nWe thank you.\nyour Excellency, dear colleagues,\nThe end."
    assert sp.SALUTATION_AFTER_NEWLINE.search(text)
