"""Replacing draft wording with a precedent: pure text, footnoted."""

from __future__ import annotations

from briefing_app.core.models import Hit, MatchScores, PrecedentMatch
from briefing_app.core.precedents.replace import apply_replacement, plan_replacement


def _hit(passage: str, text: str | None = None) -> Hit:
    return Hit(
        doc_id="wg",
        doc_title="Report",
        segment_id="wg#recommendation-5",
        kind="recommendation",
        number="5",
        section="",
        citation="Report of the Working Group on Firearms, recommendation 5",
        text=text or passage,
        snippet="",
        score=1.0,
        precedent=PrecedentMatch(passage, None, None, "report", MatchScores(1, 1, 1, 1, 1, 1)),
    )


def test_selected_sentence_becomes_the_precedent_with_a_footnote() -> None:
    draft = "Mr. Chair,\n\nStates must act now. Thank you.\n\n[^1]: Earlier source.\n"
    start = draft.index("States")
    end = draft.index(" now") + 4  # the selection stops before the full stop
    plan = plan_replacement(draft, start, end, _hit("States are encouraged to act."))
    assert apply_replacement(draft, plan) == (
        "Mr. Chair,\n\nStates are encouraged to act.[^2] Thank you.\n\n"
        "[^1]: Earlier source.\n"
        "[^2]: Report of the Working Group on Firearms, recommendation 5.\n"
    )


def test_the_aligned_passage_not_the_whole_paragraph() -> None:
    hit = _hit("To that end, States should also act.", text="Long first part. To that end, …")
    draft = "States should act."
    result = apply_replacement(draft, plan_replacement(draft, 0, len(draft), hit))
    assert result.startswith("To that end, States should also act.[^1]\n\n[^1]: ")
