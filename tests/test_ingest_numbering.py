"""Paragraph numbers as printed, however long the report."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest import ingest_file


def test_paragraphs_past_999_keep_their_four_digit_numbers(tmp_path: Path) -> None:
    path = tmp_path / "long-report.txt"
    path.write_text(
        "Report of the Working Group\n\n"
        + "\n\n".join(f"{n}. The Group considered item {n} of its agenda." for n in range(1, 1003))
    )
    doc = ingest_file(path)
    numbers = [s.number for s in doc.segments if s.kind == "paragraph"]
    assert numbers[-4:] == ["999", "1000", "1001", "1002"]
    last = next(s for s in doc.segments if s.number == "999")
    assert last.text == "The Group considered item 999 of its agenda."
