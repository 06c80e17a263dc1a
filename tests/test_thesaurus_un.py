"""UN budget and peacekeeping acronyms find the names reports spell out (issue 9, QA)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli.main import main
from briefing_app.core.index.thesaurus import load_thesaurus
from briefing_app.core.resources import resource


def test_bundled_thesaurus_knows_the_budget_acronyms() -> None:
    thesaurus = load_thesaurus(resource("thesaurus.txt"))
    assert "Advisory Committee on Administrative and Budgetary Questions" in (
        thesaurus.equivalents("acabq")
    )
    assert "MINURSO" in thesaurus.equivalents(
        "United Nations Mission for the Referendum in Western Sahara"
    )
    assert thesaurus.equivalents("OIOS") == ["OIOS", "Office of Internal Oversight Services"]


def test_acabq_finds_the_advisory_committee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "acabq.txt"
    report.write_text(
        "Report of the Advisory Committee on Administrative and Budgetary Questions\n\n"
        "1. The Advisory Committee recommends approval of the proposed resources.\n\n"
        "2. The Secretary-General proposes three posts.\n",
        encoding="utf-8",
    )
    assert main(["add", str(report)]) == 0
    capsys.readouterr()
    assert main(["search", "ACABQ", "--json", "--limit", "50"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert {h["doc_id"] for h in hits} == {"acabq"}
    assert any("recommends approval" in h["text"] for h in hits)
