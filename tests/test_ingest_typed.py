"""Old typed drafts: a title in capitals above the sponsors, an OCR-garbled date."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest import ingest_file
from briefing_app.core.ingest.genres.typed import garbled_date, title_case

TYPED_DRAFT = """UNITED
GENERAL
ASSEMBLY
Twenty-fifth session
Agenda item 41
Distr.
LIMITED
A/L.599
~4 October 1970
ORIGINAL: ENGLISH
QUESTION OF THE PEACEFUL USES OF THE
SEA-BED AND THE OCEAN FLOOR
Canada, Ghana, Japan and Norway: draft resolution
The General Assembly,
Recalling its resolution 2467 A (XXIII),
Decides to convene a conference on the law of the sea in 1973.
"""


def test_capitals_title_and_garbled_date_of_a_typed_draft(tmp_path: Path) -> None:
    path = tmp_path / "1970-10-14_A_L.599-EN.txt"
    path.write_text(TYPED_DRAFT, encoding="utf-8")
    meta = ingest_file(path).meta
    assert meta.title == "Question of the Peaceful Uses of the Sea-Bed and the Ocean Floor"
    assert meta.distribution_date == "1970-10-14"
    assert meta.date == "1970-10-14"
    assert meta.sponsors == ["Canada", "Ghana", "Japan", "Norway"]


def test_garbled_day_needs_a_file_name_that_agrees() -> None:
    top = "Distr. LIMITED A/L.599 ~4 October 1970"
    assert garbled_date(top, "1970-10-14_A_L.599.pdf") == "1970-10-14"
    assert garbled_date(top, "1970-10-15_A_L.599.pdf") is None  # day disagrees
    assert garbled_date(top, "1970-11-14_A_L.599.pdf") is None  # month disagrees
    assert garbled_date(top, "A_L.599.pdf") is None  # nothing to confirm it
    assert garbled_date("Distr. LIMITED A/L.599 l4 October 1970", "x.pdf") == "1970-10-14"


def test_title_case_keeps_small_words_and_numerals_low() -> None:
    assert title_case("REPORT OF THE COMMITTEE ON PART II") == "Report of the Committee on Part II"
