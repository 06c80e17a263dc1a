"""The WG report exactly as the seed has it: structure recovered despite the losses."""

from __future__ import annotations

import re

import pytest

from briefing_app.core.ingest import ingest_file, load_manifest
from briefing_app.core.models import PARAGRAPH, RECOMMENDATION, IngestedDocument
from tests.conftest import CORPUS, WG_REPORT

SECTIONS = {
    "A. General recommendations": range(1, 5),
    "B. Recommendations on reducing illicit financial and arms flows": range(5, 23),
    "C. Recommendations on the application of the Firearms Protocol": range(23, 45),
    "D. Recommendations based on the follow-up": range(45, 48),
}


@pytest.fixture(scope="module")
def report() -> IngestedDocument:
    return ingest_file(WG_REPORT, load_manifest(CORPUS))


def _units(doc: IngestedDocument, kind: str) -> list:
    return [s for s in doc.segments if s.kind == kind]


def test_all_47_recommendations_once_each_in_order(report: IngestedDocument) -> None:
    numbers = [int(s.number) for s in _units(report, RECOMMENDATION)]
    assert numbers == list(range(1, 48))


@pytest.mark.parametrize("heading, numbers", SECTIONS.items())
def test_recommendations_sit_in_their_section(report, heading, numbers) -> None:
    for segment in _units(report, RECOMMENDATION):
        if int(segment.number) in numbers:
            assert segment.section.startswith("II. Recommendations › " + heading), segment.number


def test_section_path_reads_like_the_document(report: IngestedDocument) -> None:
    rec23 = next(s for s in _units(report, RECOMMENDATION) if s.number == "23")
    assert rec23.section == (
        "II. Recommendations › C. Recommendations on the application of the "
        "Firearms Protocol in the context of diversion"
    )


def test_lost_recommendation_headings_are_inferred(report: IngestedDocument) -> None:
    inferred = {s.number for s in _units(report, RECOMMENDATION) if s.inferred_number}
    assert inferred == {"8", "17", "32", "40"}
    rec17 = next(s for s in _units(report, RECOMMENDATION) if s.number == "17")
    assert rec17.text.startswith("Taking into account the close links between firearms")
    rec40 = next(s for s in _units(report, RECOMMENDATION) if s.number == "40")
    assert rec40.text.startswith("In view of the fact that theft, loss")


def test_all_57_numbered_paragraphs(report: IngestedDocument) -> None:
    numbers = [int(s.number) for s in _units(report, PARAGRAPH)]
    assert numbers == list(range(1, 58))
    inferred = [s.number for s in _units(report, PARAGRAPH) if s.inferred_number]
    assert inferred == ["23"]
    para23 = next(s for s in _units(report, PARAGRAPH) if s.number == "23")
    assert para23.text.startswith("The representative of the Group of Western European")


def test_no_footer_text_in_any_segment(report: IngestedDocument) -> None:
    for segment in report.segments:
        assert "V.21-03928" not in segment.text, segment.segment_id
        assert not re.search(r"\b\d{1,2}/\*?\*?16\b", segment.text), segment.segment_id
        assert "**" not in segment.text


@pytest.mark.parametrize(
    "kind, number, joined",
    [
        (RECOMMENDATION, "23", "refrain from transferring arms to criminal groups"),
        (PARAGRAPH, "8", "General Director for Legal Affairs of the Financial Intelligence"),
        (PARAGRAPH, "13", "to share further observations or provide ideas"),
        (PARAGRAPH, "25", "made at the domestic level, with less than 10 per cent"),
        (PARAGRAPH, "30", "unmarked firearms already in circulation. Moreover"),
        (PARAGRAPH, "46", "Cuba, European Union, Finland and Mexico"),
        (PARAGRAPH, "52", "Philippines, Russian Federation, Somalia"),
    ],
)
def test_text_is_joined_across_page_breaks(report, kind, number, joined) -> None:
    segment = next(s for s in report.segments if s.kind == kind and s.number == number)
    assert joined in segment.text


def test_sub_items_stay_inside_their_parent(report: IngestedDocument) -> None:
    rec47 = next(s for s in _units(report, RECOMMENDATION) if s.number == "47")
    items = re.findall(r"^\(([a-k])\)", rec47.text, re.M)
    assert items == list("abcdefghijk")
    para49 = next(s for s in _units(report, PARAGRAPH) if s.number == "49")
    assert "Organizational matters" in para49.text and "6. Adoption of the report." in para49.text


def test_footnotes_are_kept_as_their_own_text(report: IngestedDocument) -> None:
    para47 = next(s for s in _units(report, PARAGRAPH) if s.number == "47")
    assert "European Union, Finland" in para47.text  # marker dropped from indexed text
    assert "2 Ibid." in para47.footnotes
    assert any("On behalf of the European Union" in note for note in para47.footnotes)
    assert all("On behalf of the European Union" not in s.text for s in report.segments)


def test_metadata_from_the_manifest(report: IngestedDocument) -> None:
    assert report.meta.kind == "report"
    assert report.meta.date == "2021-05-31"
    assert report.meta.symbol == "V.21-03928"
    assert report.meta.doc_id == "wg-firearms-2021-report"
    assert report.meta.content_hash and len(report.meta.content_hash) == 64


def test_segment_ids_are_stable_and_unique(report: IngestedDocument) -> None:
    ids = [s.segment_id for s in report.segments]
    assert len(ids) == len(set(ids)) == 47 + 57
    assert "wg-firearms-2021-report#recommendation-18" in ids
