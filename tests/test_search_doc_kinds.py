"""`kind:` takes document kinds too; an unknown kind is a message, not a silent 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli.main import main
from tests.test_search_symbols import DRAFT, REPORT


@pytest.fixture(autouse=True)
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "acabq.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "l62.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["add", str(tmp_path / "acabq.txt"), str(tmp_path / "l62.txt")]) == 0
    capsys.readouterr()


def docs(capsys: pytest.CaptureFixture[str], *argv: str) -> set[str]:
    assert main(["search", *argv, "--json", "--limit", "200"]) == 0
    return {h["doc_id"] for h in json.loads(capsys.readouterr().out)["hits"]}


def test_document_kinds_in_the_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert docs(capsys, "zebra") == {"acabq", "l62"}
    assert docs(capsys, "kind:draft-resolution zebra") == {"l62"}
    assert docs(capsys, "type:report zebra") == {"acabq"}
    assert docs(capsys, "kind:treaty zebra") == set()  # no treaty in the library


def test_unit_and_document_kinds_combine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "kind:draft-resolution kind:operative", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and {(h["doc_id"], h["kind"]) for h in hits} == {("l62", "operative")}


def test_kind_option_takes_document_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert docs(capsys, "zebra", "--kind", "report") == {"acabq"}


@pytest.mark.parametrize("query", ["kind:resolutions", "type:operative"])
def test_an_unknown_kind_is_named(query: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", query]) == 1
    err = capsys.readouterr().err.strip()
    assert "unknown kind" in err and "documents are resolution" in err
