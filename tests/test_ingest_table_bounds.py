"""A table ends at its last row: what follows it (a heading, paragraphs) is
never one of its cells, and a table row never becomes a heading."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest import ingest_file
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.numbered_report import numbered_segments
from briefing_app.core.models import PARAGRAPH, PASSAGE, TABLE

REPORT = """Report of the Secretary-General on zebra crossings

I. Introduction

1. The Working Group met in Geneva from 1 to 3 May 2024 under the chairmanship of Ms. Doe.

2. Its resources are set out in table 1 below for the period under review.

Table 1
Financial resources
| Category | 2024/25 | 2025/26 |
| Military | 1 200.0 | 1 300.0 |
Management of sea containers
3. The Committee notes the high number of sea containers held at the Mission.

4. The Committee recommends a review of the holdings before the next budget.
"""


def test_heading_and_paragraphs_after_a_table_are_not_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = ingest_file(path)
    table = next(s for s in doc.segments if s.kind == TABLE)
    assert table.number == "1"
    assert table.text.splitlines() == [
        "Table 1 Financial resources",
        "| Category | 2024/25 | 2025/26 |",
        "| Military | 1 200.0 | 1 300.0 |",
    ]
    paragraphs = {s.number: s for s in doc.segments if s.kind == PARAGRAPH}
    assert sorted(paragraphs, key=int) == ["1", "2", "3", "4"]
    assert paragraphs["3"].section == "I. Introduction › Management of sea containers"
    assert paragraphs["3"].text.startswith("The Committee notes")


def test_a_summary_row_whose_amount_wrapped_is_not_a_heading() -> None:
    """An ACABQ report's front table laid out as lines: "Adjustment recommended …"
    with its amount "($156,500)" on the next line is a row, not a heading, and
    the amount is no "(units)" caption of the notes table below."""
    rows = [
        "Report of the Advisory Committee on Administrative and Budgetary Questions",
        "Appropriation for 2024/25 $68,791,100",
        "Proposal submitted by the Secretary-General for 2026/27 $62,709,300",
        "Adjustment recommended by the Advisory Committee for 2026/27",
        "($156,500)",
        "Recommendation of the Advisory Committee for 2026/27 $62,552,800",
    ]
    blocks = [Block([row]) for row in rows]
    blocks.append(Block(["| a Estimates as at 28 February 2026. |"]))
    blocks.append(Block(["I. Introduction"]))
    blocks.append(Block(["1. During its consideration of the report, the Committee met."]))
    segments = numbered_segments("acabq", blocks, body_from=1).segments
    assert {s.section for s in segments if s.kind != PARAGRAPH} == {""}
    passage = next(s for s in segments if s.kind == PASSAGE)
    for row in rows[1:]:
        assert row in passage.text.replace("\n", " ")
    table = next(s for s in segments if s.kind == TABLE)
    assert table.text == "| a Estimates as at 28 February 2026. |"  # no caption taken from a row
    assert segments[-1].section == "I. Introduction"
