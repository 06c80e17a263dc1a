"""Operative phrases: the verb whose strength is negotiated."""

from __future__ import annotations

import pytest

from briefing_app.core.annotation.operative import (
    find_operative,
    operative_phrase,
    phrases_by_strength,
    strength,
)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "UNODC, in cooperation with partners, is requested to continue to assist States",
            "is requested to",
        ),
        ("States are encouraged to further advance efforts", "are encouraged to"),
        ("States parties are called upon to implement article 7", "are called upon to"),
        ("States should note the complementarity", "should"),
        (
            "States parties and UNODC should consider cooperating with the private sector",
            "should consider",
        ),
        ("States should, where appropriate, consider establishing", "should consider"),
        ("States are also invited to participate", "are invited to"),
        ("States shall eliminate the supply of weapons", "shall"),
        ("States are strongly encouraged to accede", "are strongly encouraged to"),
        (
            "Acknowledging that firearms are often bought online, States are invited to act",
            "are invited to",
        ),
        ("Recognizing that States should act, the Conference requests UNODC to help", "requests"),
        ("Taking into account the links, States should apply the Convention", "should"),
        ("The Council urges States to adopt measures", "urges"),
        ("Possible topics for consideration by the Working Group:", None),
    ],
)
def test_recommendation_phrases(text: str, phrase: str | None) -> None:
    assert operative_phrase(text, "recommendation") == phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Urges Member States to adopt legislative measures", "urges"),
        ("3. Decides that the Working Group shall meet annually", "decides"),
        ("Calls upon all States to implement resolution 2370 (2017)", "calls upon"),
        ("Also encourages States to share information", "encourages"),
        ("Speakers noted that States should strengthen controls.", None),
    ],
)
def test_paragraphs_only_in_resolution_style(text: str, phrase: str | None) -> None:
    assert operative_phrase(text, "paragraph") == phrase


def test_span_points_at_the_phrase() -> None:
    text = "States are further encouraged to act"
    found = find_operative(text)
    assert found is not None
    assert text[found.start : found.end] == "are further encouraged to"
    assert found.phrase == "are encouraged to"


def test_strength_order() -> None:
    ordered = phrases_by_strength()
    assert ordered[0] == "decides"
    assert (
        strength("shall")
        > strength("are called upon to")
        > strength("is requested to")
        > strength("should")
        > strength("are encouraged to")
        > strength("are invited to")
        > strength(None)
    )
