"""The reader's link spans: one link per mention, list items apart, no overlaps."""

from __future__ import annotations

from itertools import pairwise

from briefing_app.core.annotation.references import reference_links
from tests.conftest import CONINX


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.key) for r in reference_links(text)]


def test_list_items_get_their_own_links() -> None:
    text = "Recalling resolutions 2370 (2017) and 2482 (2019), decisions 5/1 and 5/2."
    assert spans(text) == [
        ("resolutions 2370 (2017)", "res:2370(2017)"),
        ("2482 (2019)", "res:2482(2019)"),
        ("decisions 5/1", "dec:5/1"),
        ("5/2", "dec:5/2"),
    ]


def test_a_resolution_symbol_links_to_the_resolution_and_nothing_overlaps() -> None:
    text = "See S/RES/2482 (2019), BMS7, targets 16.4 and 16.a of the SDGs and the FP."
    assert spans(text) == [
        ("S/RES/2482 (2019)", "res:2482(2019)"),
        ("BMS7", "meeting:bms"),
        ("targets 16.4", "sdg:16.4"),
        ("16.a", "sdg:16.a"),
        ("FP", "instrument:firearms-protocol"),
    ]


def test_seed_statement_links_are_ordered_and_disjoint() -> None:
    text = CONINX.read_text(encoding="utf-8")
    links = reference_links(text)
    assert ("resolution 2370 (2017)", "res:2370(2017)") in spans(text)
    assert all(a.end <= b.start for a, b in pairwise(links))
    assert {r.key for r in links} >= {"res:2370(2017)", "res:2482(2019)", "org:unoct"}
