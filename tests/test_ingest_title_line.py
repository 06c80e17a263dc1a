"""A plain-text or Markdown report whose first line is its title: the title
goes to metadata, never into "paragraph 1" or the section of every unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.ingest import ingest_file
from briefing_app.core.models import PARAGRAPH, PASSAGE, IngestedDocument

PARAGRAPHS = [
    "The Working Group met in Geneva from 1 to 3 May 2024 under the chairmanship of Ms. Doe.",
    "It adopted its agenda and elected its officers, who thanked the members for their trust.",
    "The Group recommends further study of the marking of small arms at the point of import.",
]
NUMBERED = "\n\n".join(f"{i}. {text}" for i, text in enumerate(PARAGRAPHS, 1))
SHORT_TITLE = "Zebra crossings and the marking of small arms in 2024"
LONG_TITLE = (
    "Report on the marking of small arms in 2024: the findings of the Working Group on "
    "road safety and its recommendations to the Conference"
)


def _ingest(tmp_path: Path, name: str, text: str) -> IngestedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest_file(path)


@pytest.mark.parametrize(
    ("name", "first_line", "title"),
    [
        ("short.txt", SHORT_TITLE, SHORT_TITLE),
        ("long.txt", LONG_TITLE, LONG_TITLE),
        ("heading.md", f"# {SHORT_TITLE}", SHORT_TITLE),
    ],
)
def test_numbered_report_title_line_is_the_title(
    tmp_path: Path, name: str, first_line: str, title: str
) -> None:
    doc = _ingest(tmp_path, name, f"{first_line}\n\n{NUMBERED}\n")
    assert doc.meta.title == title  # not the file name, nor the paragraphs after it
    assert [s.text for s in doc.segments] == PARAGRAPHS
    assert [s.number for s in doc.segments] == ["1", "2", "3"]
    assert {s.section for s in doc.segments} == {""}  # the title heads no section


def test_markdown_title_above_its_sections(tmp_path: Path) -> None:
    doc = _ingest(tmp_path, "report.md", f"# {SHORT_TITLE}\n\n## Introduction\n\n{NUMBERED}\n")
    assert doc.meta.title == SHORT_TITLE
    assert {s.section for s in doc.segments} == {"Introduction"}


def test_markdown_level_one_headings_are_sections_when_there_are_several(tmp_path: Path) -> None:
    one, two, three = (f"{i}. {text}" for i, text in enumerate(PARAGRAPHS, 1))
    doc = _ingest(
        tmp_path, "parts.md", f"# I. Introduction\n\n{one}\n\n{two}\n\n# II. Findings\n\n{three}\n"
    )
    assert [s.section for s in doc.segments] == ["I. Introduction"] * 2 + ["II. Findings"]


@pytest.mark.parametrize("title", [SHORT_TITLE, LONG_TITLE])
def test_unnumbered_report_title_line_is_not_paragraph_1(tmp_path: Path, title: str) -> None:
    doc = _ingest(tmp_path, "plain.txt", title + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    assert doc.meta.title == title
    assert [s.text for s in doc.segments] == PARAGRAPHS  # the title is not glued to para. 1
    assert [s.number for s in doc.segments if s.kind == PARAGRAPH] == ["1", "2", "3"]


def test_a_first_paragraph_cut_by_a_page_break_is_still_joined(tmp_path: Path) -> None:
    """A speech whose first paragraph a page break cut is prose, not a title."""
    first = "It is indeed an honour for me to address this organ of the United Nations as"
    rest = "Prime Minister of Saint Kitts and Nevis, a privilege bestowed on me by my people."
    doc = _ingest(tmp_path, "speech.txt", f"{first}\n\n{rest}\n\n{PARAGRAPHS[0]}\n")
    assert [s.text for s in doc.segments] == [f"{first} {rest}", PARAGRAPHS[0]]


def test_a_salutation_on_the_first_line_stays_a_unit(tmp_path: Path) -> None:
    salutation = "Honorable President of the 75th Session of the United Nations General Assembly"
    doc = _ingest(tmp_path, "address.txt", f"{salutation}\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    assert doc.segments[0].text == salutation and doc.segments[0].kind == PASSAGE
    assert [s.text for s in doc.segments[1:]] == PARAGRAPHS


def test_a_markdown_report_title_says_report(tmp_path: Path) -> None:
    title = "Report of the Secretary-General on the marking of small arms"
    doc = _ingest(tmp_path, "sg.md", f"# {title}\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    assert doc.meta.kind == "report" and doc.meta.title == title
    assert [s.text for s in doc.segments] == PARAGRAPHS
