"""Unnumbered report text (a summary, prose after a heading) is kept as passages."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.citation import cite, unit_label
from briefing_app.core.ingest import ingest_file

REPORT = """United Nations A/80/999

General Assembly Distr.: General
1 March 2026

Budget for the Mission

Report of the Secretary-General

Summary

The present report contains the budget of the Mission for the period ahead.

I. Mandate

1. The mandate of the Mission was established by the Security Council.

2. The Mission continued to implement its tasks during the period.

3. The Mission will continue to implement its mandate.

II. Results-based budgeting frameworks

External factors

Collaboration from the parties is essential to the planned demining work.
"""


def test_summary_and_frameworks_are_passages_and_paragraphs_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = ingest_file(path)
    paragraphs = [s.number for s in doc.segments if s.kind == "paragraph"]
    assert paragraphs == ["1", "2", "3"]
    passages = [s for s in doc.segments if s.kind == "passage"]
    assert [s.text for s in passages] == [
        "The present report contains the budget of the Mission for the period ahead.",
        "Collaboration from the parties is essential to the planned demining work.",
    ]
    summary, factors = passages
    assert summary.section == "Summary"
    assert factors.section.endswith("External factors")
    assert unit_label(summary.kind, summary.number, summary.section) == "Summary"
    assert cite(doc.meta, summary).endswith(", summary")
    assert cite(doc.meta, factors).endswith("under “External factors”")
    # the title block stays out of the units (it is metadata)
    assert not any("Distr." in s.text for s in doc.segments)
    # a run of short lines is text, not a heading each
    assert all(s.section != "Report of the Secretary-General" for s in doc.segments)
    assert len({s.segment_id for s in doc.segments}) == len(doc.segments)


FASCICLE = "\n\n".join(
    ["Proposed programme budget for 2027", "Section 3", "Political affairs", "V. Subprogramme 5"]
    + [f"3.V.{n} The Office carried out activity number {n} as planned." for n in range(1, 6)]
    + [
        "Table 3.V.1",
        "Performance measure",
        "2023 (actual) 2024 (actual) 2025 (actual)",
        "Victims of terrorism contributed to the development of the network.",
        "3.V.6 The Office will go on with its work.",
    ]
)


def test_lines_under_a_budget_table_caption_are_kept_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "fascicle.txt"
    path.write_text(FASCICLE, encoding="utf-8")
    doc = ingest_file(path)
    assert [s.number for s in doc.segments if s.kind == "paragraph"][-1] == "3.V.6"
    passage = next(s for s in doc.segments if s.kind == "passage")
    assert passage.section.endswith("Table 3.V.1")
    assert "Performance measure" in passage.text and "2025 (actual)" in passage.text
