"""Alignment by content: the synthetic resolution reports exactly its changes."""

from __future__ import annotations

from briefing_app.core.compare import compare_segments
from briefing_app.core.compare.subitems import diff_with_sub_items, split_sub_items
from briefing_app.core.precedents.diff import changed_words, render
from tests.compare_support import INSERTED_PP, segments, synthetic_pair


def test_synthetic_revision_reports_exactly_its_changes() -> None:
    old, new = synthetic_pair()
    result = compare_segments(old, new)
    assert result.summary() == {
        "unchanged": 9, "changed": 3, "new": 1, "deleted": 1, "moved": 1,
    }  # fmt: skip
    (added,) = result.of_status("new")
    assert added.new is not None and added.new.text == INSERTED_PP
    assert added.new_label == "PP 3"
    (deleted,) = result.of_status("deleted")
    assert deleted.old_label == "OP 4"
    (moved,) = result.of_status("moved")
    assert (moved.old_label, moved.new_label) == ("OP 2", "OP 6")
    assert not moved.text_changed
    changed = {c.old_label: c.new_label for c in result.of_status("changed")}
    assert changed == {"PP 4": "PP 5", "OP 1": "OP 1", "OP 5": "OP 3"}


def test_renumbering_is_reported_once_never_as_text() -> None:
    old, new = synthetic_pair()
    result = compare_segments(old, new)
    expected = ["PP 3–6 → PP 4–7", "OP 3 → OP 2", "OP 5–7 → OP 3–5", "OP 8 → OP 7"]
    assert result.renumbering == expected
    for change in result.of_status("unchanged"):
        assert all(op["op"] == "equal" for op in change.ops)


def test_deletion_sits_where_the_unit_was() -> None:
    old, new = synthetic_pair()
    labels = [
        c.old_label if c.status == "deleted" else c.new_label
        for c in compare_segments(old, new).changes
    ]
    assert labels.index("OP 4") == labels.index("OP 2") + 1  # old OP 3 is new OP 2


def test_word_diff_is_the_precedent_finders() -> None:
    old, new = synthetic_pair()
    (op1,) = [c for c in compare_segments(old, new).of_status("changed") if c.new_label == "OP 1"]
    deleted, inserted = changed_words(op1.ops)
    assert deleted == []
    assert inserted == ["promote and", "all", "their migration"]
    assert render(op1.ops, "precedent") == op1.new.text  # type: ignore[union-attr]
    assert render(op1.ops, "draft") == op1.old.text  # type: ignore[union-attr]


def test_typographic_quotes_are_not_changes() -> None:
    old = segments("a", ['Noting the "Global Compact",'], [])
    new = segments("b", ["Noting the “Global Compact”,"], [])
    assert compare_segments(old, new).summary()["unchanged"] == 1


def test_number_printed_in_the_text_is_not_a_change() -> None:
    old = segments("a", [], ["x", "1. Decides to remain seized of the matter."])
    new = segments("b", [], ["y", "x", "1. Decides to remain seized of the matter."])
    old[1].text = "2. Decides to remain seized of the matter."
    new[2].text = "3. Decides to remain seized of the matter."
    result = compare_segments(old, new)
    assert result.summary()["unchanged"] == 2
    assert result.renumbering == ["OP 1–2 → OP 2–3"]


def test_inserted_sub_item_relabels_once_and_is_the_only_change() -> None:
    old = "Calls upon States: (a) To ratify the Convention; (b) To report on progress;"
    new = (
        "Calls upon States: (a) To ratify the Convention; (b) To adopt laws; "
        "(c) To report on progress;"
    )
    assert split_sub_items(new)[1][2] == ("c", "To report on progress;")
    ops, relabelled = diff_with_sub_items(old, new)
    assert relabelled == ["(b) → (c)"]
    assert changed_words(ops) == ([], ["(b) To adopt laws;"])
    assert render(ops, "precedent") == new


def test_unrelated_texts_are_new_and_deleted_not_changed() -> None:
    old = segments("a", [], ["Decides to convene a conference on oceans in 2028;"])
    new = segments("b", [], ["Requests a report on migrant children in detention;"])
    assert compare_segments(old, new).summary() == {
        "unchanged": 0, "changed": 0, "new": 1, "deleted": 1, "moved": 0,
    }  # fmt: skip


def test_a_footnote_mark_left_in_one_text_is_not_a_change() -> None:
    old = segments("a", [], ["Notes the reports of 18 November 2024, 3 14 February 2025;"])
    new = segments("b", [], ["Notes the reports of 18 November 2024, 14 February 2025;"])
    new[0].footnotes = ["3 S/2338/2024."]
    (change,) = compare_segments(old, new).changes
    assert change.status == "unchanged"
    old[0].text = "Notes the reports of 18 November 2024, 3 14 February 2025; 3 more"
    (change,) = compare_segments(old, new).changes
    assert changed_words(change.ops) == (["3 more"], [])  # a number that is wording stays


def test_a_word_split_by_conversion_is_not_a_change() -> None:
    old = segments("a", [], ["Reaffirms that full, effective and non-discriminatory action;"])
    new = segments("b", [], ["Reaffirms that full, effective an d non-discriminatory action;"])
    (change,) = compare_segments(old, new).changes
    assert change.status == "unchanged"
    assert render(change.ops, "precedent") == new[0].text
    new[0].text = "Reaffirms that full, effective or non-discriminatory action;"
    (change,) = compare_segments(old, new).changes
    assert changed_words(change.ops) == (["and"], ["or"])


def test_sub_items_split_differently_in_two_versions_are_not_a_change() -> None:
    """Article 4 of the cargo Convention: '(iv) …; and (v) …' is one item in one
    conversion and two in the other; the words are the same, so nothing changed."""
    old = "The document states: (i) the goods; (ii) the packages; and (v) the gross weight;"
    new = "The document states: (i) the goods; (ii) the packages; and\n(v) the gross weight;"
    ops, relabelled = diff_with_sub_items(old, new)
    assert changed_words(ops) == ([], []) and relabelled == []
