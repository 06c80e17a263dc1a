"""Issue 13, items 1-3: the title is always printed, dates read as a statement's, and
the title block stands apart from the salutation."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from briefing_app.core.drafts.templates import instantiate, list_templates
from briefing_app.core.export import export_draft
from briefing_app.core.export.layout import statement_date, title_block
from briefing_app.core.export.profiles import get_profile

AUSTRIA = """---
title: Statement of Austria on illicit trafficking in firearms via the darknet
delegation: Austria
speaker: H.E. Ms. Elena Marković
meeting: Working Group on Firearms, eighth session
place: Vienna
date: 2026-12-01
---
Mr./Madam Chair,

Austria welcomes the report.
"""


@pytest.fixture
def austria(tmp_path: Path) -> list[tuple[str, str]]:
    out = export_draft(AUSTRIA, tmp_path / "austria.docx")
    return [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]


def test_a_title_that_starts_like_the_title_block_is_printed(austria) -> None:  # type: ignore[no-untyped-def]
    texts = [text for _, text in austria]
    title = "Statement of Austria on illicit trafficking in firearms via the darknet"
    assert ("Title", title) in austria
    assert "H.E. Ms. Elena Marković" in texts
    assert texts.count("Austria") == 0  # already in the title: not said twice


@pytest.mark.parametrize(
    "meta",
    [
        {"title": "Firearms on the darknet", "speaker": "Ms. X"},
        {"title": "Statement on the darknet", "delegation": "Aurelia"},
        {"title": "STATEMENT BY THE EU", "speaker": "Ms. X", "delegation": "EU"},
        {"title": "Darknet"},
    ],
)
def test_the_written_title_is_always_printed(meta: dict[str, str]) -> None:
    for profile in ("statement", "speaker"):
        texts = [line.text for line in title_block(meta, get_profile(profile))]
        assert meta["title"] in texts


def test_iso_dates_print_as_a_statement_writes_them(austria) -> None:  # type: ignore[no-untyped-def]
    assert ("Title Block", "Vienna, 1 December 2026") in austria
    assert statement_date("2026-12-01") == "1 December 2026"
    assert statement_date("2026-05") == "May 2026"
    assert statement_date("12 May 2021") == "12 May 2021"
    assert statement_date("") == ""


def test_templates_fill_in_the_date_as_words() -> None:
    template = next(t for t in list_templates() if t.key == "statement-agenda-item")
    text = instantiate(template, {"delegation": "Austria", "speaker": "Ms. X"})
    date = re.search(r"^date: (.*)$", text, re.M)
    assert date is not None
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", date.group(1).strip("'\""))


def test_space_between_title_block_and_salutation(tmp_path: Path) -> None:
    out = export_draft(AUSTRIA, tmp_path / "a.docx")
    paragraphs = docx.Document(str(out)).paragraphs
    salutation = next(i for i, p in enumerate(paragraphs) if p.text == "Mr./Madam Chair,")
    last, first = paragraphs[salutation - 1], paragraphs[salutation]
    gap = max(_space(last, "space_after"), _space(first, "space_before"))
    assert gap >= docx.shared.Pt(12)


def _space(paragraph, attr: str) -> int:  # type: ignore[no-untyped-def]
    """The paragraph's own spacing, else its style's (EMU)."""
    direct = getattr(paragraph.paragraph_format, attr)
    return direct if direct is not None else getattr(paragraph.style.paragraph_format, attr) or 0
