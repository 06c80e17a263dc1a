"""Issue 13, item 6: talking points of a long statement fit two pages, or say what was cut."""

from __future__ import annotations

from pathlib import Path

import docx

from briefing_app.core.export import md_tree, run_export
from briefing_app.core.export.fit import BUDGET_LINES, estimate_lines, fit_talking_points
from tests.export_support import DRAFT

SENTENCE = (
    "States should strengthen their cooperation on the tracing of illicit firearms, "
    "including through the timely exchange of information with INTERPOL"
)


def long_statement(sections: int = 6, points: int = 8) -> str:
    """About 5,000 words: every paragraph three sentences, one footnote per section."""
    parts = ["---\ntitle: Firearms\nspeaker: Ms. X\n---\nMr. Chair,\n"]
    for s in range(1, sections + 1):
        parts.append(f"## Section {s}\n")
        for p in range(1, points + 1):
            note = f"[^{s}]" if p == 1 else ""
            parts.append(
                f"Point {s}.{p}: {SENTENCE}{note}. {SENTENCE} and the World Customs "
                f"Organization. {SENTENCE}, as the Working Group recommended in 2021.\n"
            )
    parts.append("Thank you, Mr. Chair.\n")
    parts += [f"[^{s}]: Report of the Working Group on Firearms, 2021, para. {s}.\n"
              for s in range(1, sections + 1)]  # fmt: skip
    return "\n".join(parts)


def test_a_long_statement_is_shortened_and_says_what_was_cut(tmp_path: Path) -> None:
    report = run_export(long_statement(), tmp_path / "tp.docx", profile="talking-points")
    assert report.shortened.startswith("Shortened to fit two pages:")
    assert "first sentence" in report.shortened
    assert "left out" in report.shortened and "“Section 6”" in report.shortened
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(report.path)).paragraphs]
    assert ("Title Block", report.shortened) in paragraphs  # said on the page, at the top
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert bullets[0].startswith("Point 1.1: States should strengthen")
    assert bullets[0].endswith("[Report of the Working Group on Firearms, 2021, para. 1].")
    assert "World Customs" not in bullets[0]  # the second sentence is cut


def test_the_shortened_points_fit_the_two_page_estimate() -> None:
    parsed = md_tree.parse(long_statement().split("---\n", 2)[2])
    assert estimate_lines(parsed) > 2 * BUDGET_LINES  # well over two pages as written
    fit = fit_talking_points(parsed)
    assert fit.lines_after == estimate_lines(parsed) <= BUDGET_LINES
    assert fit.shortened > 0 and fit.dropped > 0


def test_short_points_are_left_as_written(tmp_path: Path) -> None:
    report = run_export(DRAFT, tmp_path / "tp.docx", profile="talking-points")
    assert report.shortened == ""
    texts = [p.text for p in docx.Document(str(report.path)).paragraphs]
    assert not any(t.startswith("Shortened") for t in texts)


def test_only_talking_points_are_shortened(tmp_path: Path) -> None:
    report = run_export(long_statement(), tmp_path / "st.docx", profile="speaker")
    assert report.shortened == ""
