"""UN editorial practice: a report is cited by its symbol, not by its long title."""

from __future__ import annotations

import dataclasses

from briefing_app.core.citation import cite, document_reference, is_symbol
from briefing_app.core.drafts.insert import Passage, quote_block
from briefing_app.core.models import DocumentMeta, Segment

LONG_TITLE = (
    "Budget performance for the period from 1 July 2024 to 30 June 2025 of the "
    "United Nations Mission for the Referendum in Western Sahara"
)
REPORT = DocumentMeta(
    doc_id="acabq", title=LONG_TITLE, kind="report", symbol="A/80/604/Add.3", date="2025-11-20"
)
RESOLUTION = DocumentMeta(
    doc_id="res", title="Some resolution", kind="resolution", symbol="A/RES/80/34"
)
DRAFT = DocumentMeta(
    doc_id="l62", title="Nuclear disarmament", kind="draft-resolution", symbol="A/C.1/80/L.62"
)
NO_SYMBOL = DocumentMeta(
    doc_id="speech", title="Opening remarks", kind="statement", date="2021-06-24"
)


def para(doc: DocumentMeta, kind: str, number: str) -> Segment:
    return Segment(doc.doc_id, kind, number, "", "The Committee recommends approval.")


def test_report_with_symbol_is_cited_by_its_symbol() -> None:
    assert cite(REPORT, para(REPORT, "paragraph", "30")) == "A/80/604/Add.3, para. 30"
    assert LONG_TITLE not in document_reference(REPORT)


def test_report_lead_in_names_the_document_by_symbol() -> None:
    block = quote_block(Passage.from_segment(para(REPORT, "paragraph", "30"), REPORT), 1)
    assert block.splitlines()[0] == "As stated in paragraph 30 of document A/80/604/Add.3[^1]:"


def test_resolution_and_draft_keep_their_formal_names() -> None:
    assert cite(RESOLUTION, para(RESOLUTION, "operative", "5")) == (
        "General Assembly resolution 80/34, para. 5"
    )
    assert cite(DRAFT, para(DRAFT, "operative", "2")) == ("draft resolution A/C.1/80/L.62, para. 2")


def test_document_without_symbol_keeps_title_and_date() -> None:
    assert cite(NO_SYMBOL, para(NO_SYMBOL, "paragraph", "3")) == (
        "Opening remarks, 24 June 2021, para. 3"
    )


def test_cite_as_still_wins_over_the_symbol() -> None:
    named = dataclasses.replace(REPORT, cite_as="ACABQ report on MINURSO")
    assert cite(named, para(named, "paragraph", "1")) == "ACABQ report on MINURSO, para. 1"


def test_symbol_shapes() -> None:
    assert is_symbol("A/C.1/80/L.62") and is_symbol("A/80/604/Add.3")
    assert not is_symbol("and/or") and not is_symbol("N/A") and not is_symbol("Report")


def test_a_job_number_is_not_a_symbol_the_title_stays() -> None:
    """The bundled Working Group report carries its job number ("V.21-03928")."""
    doc = dataclasses.replace(NO_SYMBOL, kind="report", symbol="V.21-03928")
    assert cite(doc, para(doc, "paragraph", "3")).startswith("Opening remarks (V.21-03928)")
