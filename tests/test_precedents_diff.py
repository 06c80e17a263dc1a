"""Word-level diff from the draft to the precedent."""

from __future__ import annotations

from briefing_app.core.precedents.diff import (
    changed_words,
    render,
    similarity,
    tokenize,
    word_diff,
)

PRECEDENT = (
    "States are encouraged to further advance efforts to achieve target 16.4 "
    "of the Sustainable Development Goals."
)


def test_exactly_the_changed_words_show() -> None:
    draft = PRECEDENT.replace("are encouraged to", "should").replace("of the ", "")
    ops = word_diff(draft, PRECEDENT)
    assert changed_words(ops) == (["should"], ["are encouraged to", "of the"])
    assert render(ops) == PRECEDENT
    assert render(ops, side="draft") == draft


def test_punctuation_is_its_own_token() -> None:
    ops = word_diff("States, in particular, should act.", "States in particular should act;")
    assert changed_words(ops) == ([",", ",", "."], [";"])


def test_identical_text_is_one_equal_run() -> None:
    assert word_diff(PRECEDENT, PRECEDENT) == [{"op": "equal", "text": PRECEDENT}]
    assert similarity(word_diff(PRECEDENT, PRECEDENT)) == 1.0


def test_typographic_variants_are_not_changes() -> None:
    ops = word_diff('the "bottom-up approach" – as agreed', "the “bottom‑up approach” — as agreed")
    assert [op["op"] for op in ops] == ["equal"]


def test_case_changes_are_changes() -> None:
    deleted, inserted = changed_words(word_diff("states should act", "States should act"))
    assert (deleted, inserted) == (["states"], ["States"])


def test_tokenizer_keeps_hyphenated_words_and_symbols() -> None:
    tokens = [t for t, _, _ in tokenize("money-laundering (UNODC) 16.4")]
    assert tokens == ["money-laundering", "(", "UNODC", ")", "16", ".", "4"]


def test_empty_sides() -> None:
    assert word_diff("", "A text.") == [{"op": "insert", "text": "A text."}]
    assert word_diff("A text.", "") == [{"op": "delete", "text": "A text."}]
