"""The cheap pre-checks never skip a stage that would have found something."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.ingest.cleanup import Block, clean, split_at_markers
from briefing_app.core.ingest.numbered_report import has_numbered_structure
from briefing_app.core.ingest.quick_checks import may_be_numbered

UNGDC = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "ungdc"


def _numbered(blocks: list[Block]) -> bool:
    return has_numbered_structure(split_at_markers(blocks))


@pytest.mark.parametrize(
    "lines",
    [
        ["1. The Committee met.", "2. It agreed.", "3. It adjourned."],
        ["Intro", "  - 1. Bulleted first.", "2. Second.", "\t3. Third."],
        ["Recommendation 1", "Do this.", "**RECOMMENDATION 2**", "Do that."],
        ["Recommendation 1", "Do this.", "RECOMMENDATİON 2", "Do that."],
    ],
)
def test_numbered_text_is_never_skipped(lines: list[str]) -> None:
    blocks = [Block(lines)]
    assert _numbered(blocks)
    assert may_be_numbered(blocks)


def test_a_plain_speech_skips_the_numbered_reader() -> None:
    blocks = [
        Block(["Mr. President,"]),
        Block(["In 1990 we met here.", "Two votes were taken: 1990 and 1991."]),
        Block(["We thank the Secretary-General for his recommendation."]),
    ]
    assert not _numbered(blocks)
    assert not may_be_numbered(blocks)


def test_general_debate_speeches_agree_with_the_full_check() -> None:
    files = sorted(UNGDC.rglob("*.txt"))[::8]  # every session, about a second
    if not files:
        pytest.skip(f"corpus not available: {UNGDC}")
    for path in files:
        blocks = clean(path.read_text(encoding="utf-8", errors="replace")).blocks
        if _numbered(blocks):
            assert may_be_numbered(blocks), path.name


def test_a_number_after_a_lone_bullet_line_is_not_skipped() -> None:
    blocks = [Block(["-", "1. First."]), Block(["•", "2. Second."]), Block(["*", "3. Third."])]
    assert _numbered(blocks)
    assert may_be_numbered(blocks)


@pytest.mark.parametrize("size", [0, 5, 17, 40, 300])
def test_the_head_of_a_block_is_the_head_of_its_text(size: int) -> None:
    from briefing_app.core.ingest.speech import _text_head

    block = Block(
        ["  Statement by the inter-", "national commu-", "nity", "", "  x", "- item", "end"]
    )
    assert _text_head(block, size) == block.text[:size]
