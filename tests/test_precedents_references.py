"""Reference recognition on the seed documents and on typical UN wording."""

from __future__ import annotations

import pytest

from briefing_app.core.annotation.annotate import Annotation, annotate
from briefing_app.core.annotation.references import (
    canonical_key,
    describe,
    find_references,
    kind_of,
    reference_keys,
)
from tests.conftest import CONINX, PONTI, SEESMAA, WG_REPORT


def keys_of(path) -> set[str]:
    return set(reference_keys(path.read_text(encoding="utf-8")))


def test_seed_documents_references_are_recognised() -> None:
    seesmaa, coninx = keys_of(SEESMAA), keys_of(CONINX)
    report, ponti = keys_of(WG_REPORT), keys_of(PONTI)
    assert {"res:2370(2017)", "res:2482(2019)", "res:1373(2001)", "tool:iarms"} <= seesmaa
    assert {"instrument:iti", "instrument:poa", "instrument:firearms-protocol"} <= seesmaa
    assert {"org:cted", "org:ctc", "org:wco", "org:unodc", "org:unoct", "org:interpol"} <= seesmaa
    assert {"res:2370(2017)", "res:2482(2019)", "org:unoct", "org:unidir"} <= coninx
    assert {
        "res:5/4",
        "res:7/1",
        "res:8/3",
        "sdg:16.4",
        "sdg:16.4.1",
        "tool:iarms",
        "instrument:firearms-protocol",
        "instrument:untoc",
        "instrument:uncac",
        "instrument:att",
        "instrument:wassenaar-arrangement",
        "instrument:2030-agenda",
        "org:fatf",
        "symbol:CTOC/COP/WG.6/2021/1",
        "symbol:CTOC/COP/WG.6/2021/INF/1/Rev.1",
        "operation:trigger",
    } <= report
    assert {"instrument:poa", "instrument:att", "instrument:firearms-protocol"} <= ponti
    assert "instrument:untoc" in ponti  # "UN Convention against Transnational Organised Crime"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the Firearms Protocol", "instrument:firearms-protocol"),
        ("the Firearms Protocol (FP) entered", "instrument:firearms-protocol"),
        ("Organized Crime Convention", "instrument:untoc"),
        ("the UNTOC review", "instrument:untoc"),
        ("United Nations Convention against Transnational Organised Crime", "instrument:untoc"),
        ("the PoA process", "instrument:poa"),
        ("UN Programme of Action on small arms", "instrument:poa"),
        ("the ITI and the ATT", "instrument:iti"),
        ("the ITI and the ATT", "instrument:att"),
        ("United Nations Office on Drugs and Crime", "org:unodc"),
        ("the International Criminal Police Organization", "org:interpol"),
        ("FATF standards", "org:fatf"),
        ("the Financial Action Task Force", "org:fatf"),
        ("in SCR 2370 we read", "res:2370"),
        ("Security Council resolution 2370 (2017)", "res:2370(2017)"),
        ("S/RES/2370 (2017)", "res:2370(2017)"),
        ("A/RES/75/241", "symbol:A/RES/75/241"),
        ("A/RES/75/241", "res:75/241"),
        ("General Assembly resolution 75/241", "res:75/241"),
        ("E/CN.15/2021/L.3/Rev.1", "symbol:E/CN.15/2021/L.3/Rev.1"),
        ("SDG target 16.4", "sdg:16.4"),
        ("SDG 16.4", "sdg:16.4"),
        ("indicator 16.4.2", "sdg:16.4.2"),
        ("populate iARMS", "tool:iarms"),
        ("decision 10/2", "dec:10/2"),
    ],
)
def test_forms_map_to_one_key(text: str, key: str) -> None:
    assert key in reference_keys(text)


def test_acronym_and_long_form_share_the_key() -> None:
    refs = find_references("the Counter-Terrorism Committee Executive Directorate (CTED)")
    assert {r.key for r in refs} == {"org:cted"}  # CTC inside the long form is not counted
    assert all(r.kind == "organization" for r in refs)


def test_lists_of_resolutions_and_targets() -> None:
    keys = reference_keys(
        "resolutions 1373 (2001), 2370 (2017) and 2482 (2019); targets 16.4 and 16.a"
    )
    assert keys == ["res:1373(2001)", "res:2370(2017)", "res:2482(2019)", "sdg:16.4", "sdg:16.a"]


def test_bare_indicators_only_when_the_goals_are_discussed() -> None:
    assert reference_keys("progress on 16.4.1 and 16.4.2 of the SDGs")[:2] == [
        "sdg:16.4.1",
        "sdg:16.4.2",
    ]
    assert reference_keys("see section 2.3.1 of the manual") == []


def test_no_false_references() -> None:
    text = (
        "HIV/AIDS, on 21/7/2021, with 70 per cent, an Attic FPGA "
        "and the Istanbul Programme of Action"
    )
    assert reference_keys(text) == []


def test_spans_point_at_the_mention() -> None:
    text = "In resolution 2482 (2019), the Council urges States"
    (ref,) = find_references(text)
    assert text[ref.start : ref.end] == "resolution 2482 (2019)"
    assert ref.label == "resolution 2482 (2019)"


def test_describe_and_canonical_key_accept_lowercased_keys() -> None:
    assert describe("symbol:ctoc/cop/wg.6/2021/inf/1/rev.1") == "CTOC/COP/WG.6/2021/INF/1/Rev.1"
    assert canonical_key("symbol:ctoc/cop/wg.6/2021/1") == "symbol:CTOC/COP/WG.6/2021/1"
    assert describe("res:2370(2017)") == "resolution 2370 (2017)"
    assert describe("instrument:firearms-protocol") == "Firearms Protocol"
    assert describe("sdg:16.4") == "SDG target 16.4"
    assert kind_of("tool:iarms") == "tool"


def test_annotate_contract() -> None:
    result = annotate("States are encouraged to achieve target 16.4 with UNODC.", "recommendation")
    assert result == Annotation(["sdg:16.4", "org:unodc"], "are encouraged to")
    assert annotate("", "paragraph") == Annotation([], None)
    assert annotate("Speakers said States should act.", "paragraph").operative is None
