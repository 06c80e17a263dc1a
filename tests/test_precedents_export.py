"""Hit-list export: a DOCX table for a briefing note, and CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from docx import Document

from briefing_app.core.index.analysis import word_spans
from briefing_app.core.index.snippets import mark
from briefing_app.core.library import Library
from briefing_app.core.models import Hit, MatchScores, PrecedentMatch, SearchResult
from briefing_app.core.precedents.hitlist_export import ExportError, export_hits, snippet_runs


def _hit(n: int, *matched: str) -> Hit:
    text = f"States should act & cooperate ({n})."
    terms = {term for word in matched for _, _, term in word_spans(word)}
    return Hit(
        doc_id="doc",
        doc_title="Report",
        segment_id=f"doc#recommendation-{n}",
        kind="recommendation",
        number=str(n),
        section="A",
        citation=f"Report of the Working Group on Firearms, recommendation {n}",
        text=text,
        snippet=mark(text, terms).html if matched else "",
        score=1.5,
        precedent=PrecedentMatch(
            "", "should", "2021-05-31", "report", MatchScores(1, 1, 1, 1, 1, 1)
        ),
        terms=list(matched),
    )


def test_docx_table_carries_citations_and_bold_matches(tmp_path: Path) -> None:
    result = SearchResult("act", 2, [_hit(1, "act"), _hit(2)])
    path = export_hits(result, tmp_path / "hits.docx")
    table = Document(str(path)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["No.", "Citation", "Kind", "Text"]
    assert rows[1][1] == "Report of the Working Group on Firearms, recommendation 1"
    assert rows[1][2] == "recommendation (should)"
    assert rows[1][3] == "States should act & cooperate (1)."
    assert rows[2][3] == "States should act & cooperate (2)."
    bold = [r.text for r in table.rows[1].cells[3].paragraphs[0].runs if r.bold]
    assert bold == ["act"]


def test_csv_opens_with_the_csv_module(tmp_path: Path) -> None:
    result = SearchResult("act", 1, [_hit(7, "States")])
    path = export_hits(result, tmp_path / "out" / "hits.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert rows[0]["citation"] == "Report of the Working Group on Firearms, recommendation 7"
    assert rows[0]["snippet"] == "States should act & cooperate (7)."
    assert rows[0]["operative"] == "should"
    assert rows[0]["segment_id"] == "doc#recommendation-7"


def test_bad_suffix_and_no_leftovers(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        export_hits(SearchResult("q", 0, []), tmp_path / "hits.pdf")
    export_hits(SearchResult("q", 0, []), tmp_path / "hits.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hits.csv"]


def test_snippet_runs_come_from_the_matched_words_not_from_markup() -> None:
    hit = _hit(3, "act")
    assert "<b>act</b> &amp;" in hit.snippet
    assert snippet_runs(hit) == [
        ("States should ", False), ("act", True), (" & cooperate (3).", False)
    ]  # fmt: skip
    assert snippet_runs(_hit(4)) == [("States should act & cooperate (4).", False)]


def test_real_search_results_export(tmp_path: Path) -> None:
    with Library(tmp_path / "home") as library:
        library.build()
        result = library.search("iArms", limit=5)
        assert result.hits
        docx_path = export_hits(result, tmp_path / "iarms.docx")
        csv_path = export_hits(result, tmp_path / "iarms.csv")
    cells = [row.cells[1].text for row in Document(str(docx_path)).tables[0].rows[1:]]
    assert cells == [h.citation for h in result.hits]
    with csv_path.open(encoding="utf-8", newline="") as handle:
        assert [r["citation"] for r in csv.DictReader(handle)] == [h.citation for h in result.hits]
