"""Statements as delegations publish them, in PDF and DOCX: paragraphs, salutations, speaker."""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest

from briefing_app.core.ingest import ingest_file
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.speech import is_address, is_salutation, split_salutations
from briefing_app.core.models import PARAGRAPH, PASSAGE
from tests.pdf_fixtures import body_lines, write_layout_pdf, write_pdf

PREAMBLE = [
    "Statement by H.E. Ms. Jane Doe",
    "Minister for Foreign Affairs of the Republic of Examplia",
    "General debate of the seventy-ninth session of the General Assembly",
    "New York, 24 September 2024",
    "Check against delivery",
]
BODY = [
    "Mr. President,",
    "Excellencies,",
    "It is an honour to address this Assembly on behalf of my country. We meet at a time of "
    "great uncertainty for the international community, and the Charter remains our guide.",
    "Allow me first to congratulate you on your election. My delegation assures you of its "
    "full support in the work ahead, and we thank your predecessor for his leadership.",
    "Distinguished delegates, ladies and gentlemen,",
    "Climate change is the defining challenge of our time. Small island developing States "
    "are on the front line, and we call for urgent action to keep warming below 1.5 degrees.",
    "Mr. President, I have the honour to conclude by reaffirming our commitment to "
    "multilateralism and to the United Nations.",
    "Thank you, Mr. President.",
]


def _pdf_lines(paragraphs: list[str]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, 78)
    return lines


def _check_statement(path: Path, expected: list[str]) -> None:
    doc = ingest_file(path)
    texts = [s.text for s in doc.segments]
    assert texts == expected  # every paragraph, salutations on their own, preamble left out
    # salutations and the closing thanks are units, not numbered paragraphs
    addresses = [t for t in expected if t.endswith(",") or t.startswith("Thank you")]
    assert [s.text for s in doc.segments if s.kind == PASSAGE] == addresses
    paragraphs = [s for s in doc.segments if s.kind == PARAGRAPH]
    assert len(paragraphs) + len(addresses) == len(expected)
    assert [s.number for s in paragraphs] == [str(i) for i in range(1, len(paragraphs) + 1)]
    meta = doc.meta
    assert meta.kind == "statement"
    assert meta.speaker == "H.E. Ms. Jane Doe"
    assert meta.organization == "Republic of Examplia"
    assert meta.date == "2024-09-24"
    assert meta.place == "New York"
    assert meta.title.startswith("Statement by H.E. Ms. Jane Doe, General debate of the")


def test_pdf_statement_split_into_paragraphs_with_speaker(tmp_path: Path) -> None:
    lines = PREAMBLE + _pdf_lines(BODY[:4])
    rest = _pdf_lines(BODY[4:])
    path = write_pdf(tmp_path / "examplia.pdf", [lines, rest])
    # PDF text has no paragraph marks: salutation lines that follow each other
    # are one address, as they are one block on the page
    _check_statement(path, ["Mr. President, Excellencies,", *BODY[2:]])


def test_docx_statement_split_into_paragraphs_with_speaker(tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in PREAMBLE + BODY:
        document.add_paragraph(paragraph)
    path = tmp_path / "examplia.docx"
    document.save(str(path))
    _check_statement(path, BODY)  # Word paragraphs are kept as written


def test_salutation_after_the_last_sentence_starts_its_own_unit(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Statement on behalf of the Group of 77 and China")
    document.add_paragraph(
        "We reaffirm the central role of the Charter of the United Nations. Excellencies,"
    )
    document.add_paragraph("The Group calls for the full implementation of the 2030 Agenda.")
    path = tmp_path / "g77.docx"
    document.save(str(path))
    doc = ingest_file(path)
    assert [s.text for s in doc.segments] == [
        "We reaffirm the central role of the Charter of the United Nations.",
        "Excellencies,",
        "The Group calls for the full implementation of the 2030 Agenda.",
    ]
    assert doc.meta.organization == "Group of 77 and China"


@pytest.mark.parametrize(
    "line",
    [
        "Mr. President,",
        "Madam Chair,",
        "Excellencies, distinguished participants,",
        "Mr. President, Excellencies, Distinguished Delegates, Ladies and Gentlemen,",
        "Dear colleagues and friends,",
        "Your Excellency Mr. Secretary-General,",
        "Co-Chairs,",
        "Heads of State and Government,",
        "Honorable President of the 75th Session of the United Nations General Assembly,",
        "President of the 76th Session",
    ],
)
def test_salutations_are_recognised(line: str) -> None:
    assert is_salutation(line)


@pytest.mark.parametrize(
    "line",
    [
        "Thank you, Mr. President.",
        "Mr. President, I have the honour to speak on behalf of the Group.",
        "The President of the General Assembly convened the meeting.",
        "Friends of the Chair met twice in June,",
    ],
)
def test_prose_is_not_a_salutation(line: str) -> None:
    assert not is_salutation(line)


def test_salutation_lines_inside_a_block_are_split_off_together() -> None:
    block = Block(
        ["the Charter remains our guide.", "Excellencies,", "Dear colleagues,", "Allow me."]
    )
    assert [b.lines for b in split_salutations([block])] == [
        ["the Charter remains our guide."],
        ["Excellencies,", "Dear colleagues,"],
        ["Allow me."],
    ]


def test_a_short_first_sentence_after_the_speaker_line_is_body(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(
        "Statement by the delegation of Testland\n\nCheck against delivery\n\n"
        "We welcome the zebra initiative.\n\nWe thank the Chair for her able leadership.\n",
        encoding="utf-8",
    )
    doc = ingest_file(path)
    assert [s.text for s in doc.segments] == [
        "We welcome the zebra initiative.",
        "We thank the Chair for her able leadership.",
    ]
    assert doc.meta.organization == "Testland" and doc.meta.speaker is None


def test_a_paragraph_cut_by_a_page_break_is_one_unit(tmp_path: Path) -> None:
    first = (
        "It is an honour to address this Assembly. We meet at a time of great uncertainty "
        "for the international community, and the"
    )
    rest = "Charter of the United Nations remains our guide in these difficult times."
    path = write_pdf(
        tmp_path / "cut.pdf",
        [[*PREAMBLE, "Mr. President,", *textwrap.wrap(first, 78)], [rest, "", "Thank you."]],
    )
    texts = [s.text for s in ingest_file(path).segments]
    assert texts == ["Mr. President,", f"{first} {rest}", "Thank you."]


def test_rejoin_cut_paragraphs_of_laid_out_text() -> None:
    """Layout keeps a block ending in a comma apart (preambles need it); in a
    statement a block that stops mid-sentence runs on."""
    from briefing_app.core.ingest.speech import rejoin_cut

    def texts(*blocks: str) -> list[str]:
        return [b.text for b in rejoin_cut([Block([t]) for t in blocks])]

    cut = "My delegation assures you of its full support in the work ahead, and"
    assert texts(cut, "we thank your predecessor.") == [f"{cut} we thank your predecessor."]
    assert texts(
        "We meet at a time of great uncertainty, and the",
        "Charter remains our guide in these difficult times for all of us.",
    ) == [
        "We meet at a time of great uncertainty, and the Charter remains our guide "
        "in these difficult times for all of us."
    ]
    # a short upper-case line after it is a footer or a heading, not the rest
    assert len(texts("for the international community, and the", "Permanent Mission")) == 2
    assert len(texts("Mr. President,", "we thank you.")) == 2  # a salutation ends there
    assert len(texts("We thank the Chair.", "and we thank the secretariat.")) == 2


def test_a_preamble_in_capitals(tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in (
        "STATEMENT BY H.E. MR. JOHN SMITH, PERMANENT REPRESENTATIVE OF EXAMPLIA "
        "TO THE UNITED NATIONS",
        "FIRST COMMITTEE, GENERAL DEBATE",
        "NEW YORK, 8 OCTOBER 2024",
        "Mr. Chair,",
        "Examplia aligns itself with the statement delivered on behalf of the Group.",
    ):
        document.add_paragraph(paragraph)
    path = tmp_path / "caps.docx"
    document.save(str(path))
    doc = ingest_file(path)
    assert [s.text for s in doc.segments][:2] == [
        "Mr. Chair,",
        "Examplia aligns itself with the statement delivered on behalf of the Group.",
    ]
    assert doc.meta.speaker == "H.E. MR. JOHN SMITH"
    assert doc.meta.organization == "EXAMPLIA"
    assert doc.meta.date == "2024-10-08"
    assert doc.meta.place == "NEW YORK"


@pytest.mark.parametrize(
    "greeting",
    [
        "Mr. President,",
        "Excellencies, distinguished participants,",
        "  Honorable President of the 75th Session of the United Nations General Assembly,",
        "**Dear colleagues and friends,**",
        "- Co-Chairs,",
        "[Madam Chair](https://example.org),",
    ],
)
@pytest.mark.parametrize("where", [0, 1, 2])
def test_a_salutation_anywhere_in_a_prose_block_is_split_off(greeting: str, where: int) -> None:
    # the block-wide pre-check (one search per block) must never miss a line
    # that is_salutation accepts, with or without markup around it
    prose = ["We meet at a time of great danger for", "the peoples of the world and for", "us all."]
    lines = [*prose[:where], greeting, *prose[where:]]
    expected = [lines[:where], [greeting.strip()], lines[where + 1 :]]
    assert is_salutation(greeting)
    assert [b.lines for b in split_salutations([Block(lines)])] == [p for p in expected if p]


def test_prose_blocks_come_back_unchanged() -> None:
    blocks = [Block(["The Assembly – as ever – met, and", "  agreed: 12 items"], 3), Block([])]
    assert [(b.lines, b.page) for b in split_salutations(blocks)] == [
        (["The Assembly – as ever – met, and", "  agreed: 12 items"], 3)
    ]


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("I thank you.", True),
        ("Thank you, Mr. President.", True),
        ("Thank you very much, Madam Chair, for your kind attention.", True),
        ("Thank you for your attention.", True),
        ("Mr. Chair,", True),
        ("Thank you, Mr. President, for convening this important debate.", False),
        ("We thank you for your leadership of the Committee.", False),
        ("Thank you. I wish you all a successful event.", False),
    ],
)
def test_closings_that_only_thank_the_room_are_addresses(line: str, address: bool) -> None:
    assert is_address(line) is address


def test_a_citation_para_3_is_the_third_paragraph_of_prose(tmp_path: Path) -> None:
    """A delegate counts a statement's paragraphs without "Mr. Chair," and "I thank you."."""
    path = tmp_path / "statement.txt"
    prose = [
        "My delegation aligns itself with the statement of the Group of 77 and China.",
        "We welcome the report of the Secretary-General on the zebra initiative.",
        "We call on all States to mark and trace small arms and light weapons.",
    ]
    path.write_text(
        "Statement by the delegation of Testland\n\nMr. Chair,\n\n"
        + "\n\nMadam President, Excellencies,\n\n".join(prose[:2])
        + f"\n\n{prose[2]}\n\nI thank you.\n",
        encoding="utf-8",
    )
    doc = ingest_file(path)
    assert [s.text for s in doc.segments if s.kind == PARAGRAPH] == prose
    assert [s.number for s in doc.segments if s.kind == PARAGRAPH] == ["1", "2", "3"]
    assert [s.text for s in doc.segments if s.kind == PASSAGE] == [
        "Mr. Chair,",
        "Madam President, Excellencies,",
        "I thank you.",
    ]
    # every unit keeps its place and a unique id
    assert [s.order for s in doc.segments] == list(range(1, 7))
    assert len({s.segment_id for s in doc.segments}) == 6


def test_a_plain_heading_line_heads_the_paragraphs_after_it(tmp_path: Path) -> None:
    """"Climate change" on a line of its own is a heading, not paragraph 2."""
    path = tmp_path / "headed.txt"
    path.write_text(
        "Statement by the delegation of Testland\n\nMr. Chair,\n\n"
        "My delegation aligns itself with the statement of the Group of 77 and China.\n\n"
        "Climate change\n\n"
        "We call on all States to reduce their emissions in line with the Paris Agreement.\n\n"
        "Disarmament\n\n"
        "We welcome the report of the Secretary-General on small arms and light weapons.\n\n"
        "Long live multilateralism\n\nI thank you.\n",
        encoding="utf-8",
    )
    doc = ingest_file(path)
    paragraphs = [(s.number, s.section) for s in doc.segments if s.kind == PARAGRAPH]
    assert paragraphs == [
        ("1", ""),
        ("2", "Climate change"),
        ("3", "Disarmament"),
        ("4", "Disarmament"),  # a short line before a closing, not before prose: text
    ]
    assert doc.segments[-2].text == "Long live multilateralism"


FOOT = "Permanent Mission of Examplia to the United Nations"


def test_a_foot_on_every_page_of_a_two_page_statement_is_furniture(tmp_path: Path) -> None:
    """A LibreOffice-made statement prints the mission under each page, the first too."""
    page1 = [
        (72, 720, 12, "Statement by H.E. Ms. Jane Doe"),
        (72, 704, 12, "Minister for Foreign Affairs of the Republic of Examplia"),
        (72, 676, 12, "Mr. President,"),
        *body_lines(72, 652, _pdf_lines(BODY[2:3]), size=12, pitch=14),
        (72, 40, 9, FOOT),
    ]
    page2 = [*body_lines(72, 720, _pdf_lines(BODY[5:6]), size=12, pitch=14), (72, 40, 9, FOOT)]
    laid_out = write_layout_pdf(tmp_path / "laid-out.pdf", [page1, page2])
    plain = write_pdf(
        tmp_path / "plain.pdf",
        [[*PREAMBLE[:2], "Mr. President,", *_pdf_lines(BODY[2:3]), FOOT], [BODY[5], FOOT]],
    )
    for path in (laid_out, plain):
        doc = ingest_file(path)
        assert [s.text for s in doc.segments] == ["Mr. President,", BODY[2], BODY[5]]
        assert {s.section for s in doc.segments} == {""}
