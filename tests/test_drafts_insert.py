"""The Markdown a passage becomes: reference first, block quote, numbered footnote."""

from __future__ import annotations

from briefing_app.core.citation import cite
from briefing_app.core.drafts.insert import (
    Passage,
    apply_insertion,
    next_footnote_number,
    quote_block,
)
from briefing_app.core.models import DocumentMeta, Segment

WG = DocumentMeta(
    doc_id="wg-firearms-2021-report",
    title="Report on the meeting of the Working Group on Firearms",
    kind="report",
    date="2021-05-31",
    cite_as="Report of the Working Group on Firearms, Vienna, 10–12 May 2021",
)
REC18 = Segment(
    "wg-firearms-2021-report",
    "recommendation",
    "18",
    "II. Recommendations",
    "States should monitor the darknet.\nThey should share information.",
)


def passage() -> Passage:
    return Passage.from_segment(REC18, WG)


def test_reference_is_introduced_before_the_quotation() -> None:
    block = quote_block(passage(), 4)
    lines = block.splitlines()
    assert lines[0] == (
        "As stated in recommendation 18 of the report of the Working Group on Firearms[^4]:"
    )
    assert lines[2:] == ["> States should monitor the darknet.", "> They should share information."]


def test_footnote_is_the_cli_citation_with_a_full_stop() -> None:
    text, _ = apply_insertion("Mr. Chair,\n", 11, [passage()])
    assert text.endswith(f"[^1]: {cite(WG, REC18)}.\n")
    assert text.index("As stated in") < text.index("> States") < text.index("\n[^1]: ")


def test_next_free_footnote_number_follows_existing_ones() -> None:
    draft = "We agree[^1] and recall[^7].\n\n[^1]: A.\n[^7]: B.\n"
    assert next_footnote_number(draft) == 8
    text, _ = apply_insertion(draft, 0, [passage(), passage()])
    assert "[^8]:" in text and "[^9]:" in text
    # Definitions stay together at the end, after the existing ones.
    assert text.rstrip().splitlines()[-3:][0] == "[^7]: B."


def test_quote_goes_between_lines_not_mid_sentence() -> None:
    draft = "First paragraph here.\n\nSecond paragraph.\n"
    text, cursor = apply_insertion(draft, 5, [passage()])
    assert text.startswith("First paragraph here.\n\nAs stated in")
    assert "information.\n\nSecond paragraph." in text
    assert text[:cursor].endswith("information.")


def test_citation_only_inserts_just_the_reference() -> None:
    draft = "We recall "
    text, cursor = apply_insertion(draft, len(draft), [passage()], citation_only_=True)
    assert text.startswith("We recall recommendation 18 of the report of the Working Group")
    assert ">" not in text
    assert text[:cursor].endswith("[^1]")
    assert "\n\n[^1]: Report of the Working Group on Firearms" in text


def test_people_keep_their_capitals_and_top_level_commas_split() -> None:
    ponti = Passage(
        "Text",
        "C. Ponti (CROSS, University of Milan), “What to expect from BMS7?”, 21 July 2021, slide 4",
        "slide",
        "4",
    )
    assert ponti.reference() == "slide 4 of C. Ponti (CROSS, University of Milan)"
    para = Passage(
        "T", "Remarks of Ms. A (CTED), Working Group, 16 July 2020, para. 3", "paragraph", "3"
    )
    assert para.reference() == "paragraph 3 of the remarks of Ms. A (CTED)"


def test_a_slide_is_quoted_without_the_presenters_speaker_notes() -> None:
    """The notes were never said: quoting them put private notes into a statement."""
    slide = Passage(
        "Chemical weapons: state of play\nOPCW verification continues\n"
        "Speaker notes: Mention resolution 80/34 para 5",
        "Chemical weapons: state of play, slide 1",
        "slide",
        "1",
    )
    block = quote_block(slide, 1)
    assert "> OPCW verification continues" in block
    assert "Speaker notes" not in block and "Mention resolution" not in block
    from briefing_app.core.drafts import insert
    from briefing_app.core.ingest.readers import pptx

    assert insert.NOTES_LABEL == pptx.NOTES_LABEL  # the label the reader writes
    kept = Passage("Speaker notes: as a paragraph", "Statement, para. 2", "paragraph", "2")
    assert "> Speaker notes: as a paragraph" in quote_block(kept, 1)  # only slides have notes
