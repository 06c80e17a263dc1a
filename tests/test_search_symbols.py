"""A document's own symbol typed as a query finds that document (issue 9, QA)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli.main import main
from tests.un_samples import DRAFT

REPORT = """United Nations                                   A/80/604/Add.3

General Assembly                                 Distr.: General
                                                 20 November 2025

Budget performance of the United Nations Mission for the Referendum in Western Sahara

Report of the Advisory Committee on Administrative and Budgetary Questions

1. The Advisory Committee has considered the report of the Secretary-General.

2. The Committee recommends that the General Assembly take note of the zebra report.
"""


def search(capsys: pytest.CaptureFixture[str], query: str) -> dict:
    assert main(["search", query, "--json", "--limit", "50"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "acabq.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "l62.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["add", str(tmp_path / "acabq.txt"), str(tmp_path / "l62.txt")]) == 0
    capsys.readouterr()


@pytest.mark.usefixtures("library")
def test_a_symbol_alone_lists_its_document(capsys: pytest.CaptureFixture[str]) -> None:
    for symbol, doc_id in (("A/C.1/80/L.62", "l62"), ("A/80/604/Add.3", "acabq")):
        data = search(capsys, symbol)
        assert data["total"] >= 2, symbol
        assert {h["doc_id"] for h in data["hits"]} == {doc_id}


@pytest.mark.usefixtures("library")
def test_a_symbol_with_words_narrows_to_its_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert {h["doc_id"] for h in search(capsys, "zebra")["hits"]} == {"l62", "acabq"}
    data = search(capsys, "a/c.1/80/l.62 zebra")  # case does not matter
    assert data["hits"] and {h["doc_id"] for h in data["hits"]} == {"l62"}
    assert all("zebra" in h["text"] for h in data["hits"])


@pytest.mark.usefixtures("library")
def test_an_unknown_symbol_is_searched_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert search(capsys, "A/99/999")["total"] == 0
