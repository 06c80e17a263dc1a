"""`briefing precedents` and `briefing references` end to end (in-process)."""

from __future__ import annotations

import json

import pytest

from briefing_app.cli.main import main

DRAFT = (
    "States are strongly encouraged to further advance their efforts to achieve "
    "target 16.4 of the Sustainable Development Goals."
)


def test_precedents_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["precedents", DRAFT, "--limit", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["hits"]) == 3
    top = data["hits"][0]
    assert top["segment_id"] == "wg-firearms-2021-report#recommendation-5"
    for key in ("doc_id", "doc_title", "kind", "number", "citation", "text", "snippet", "score"):
        assert key in top
    changed = [(op["op"], op["text"]) for op in top["diff"] if op["op"] != "equal"]
    assert changed == [("delete", "strongly"), ("delete", "their")]
    assert top["operative"] == "are encouraged to"


def test_precedents_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["precedents", "States", "should", "populate", "iArms", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "recommendation 43" in out
    assert "{+" in out  # the precedent's extra words are marked


def test_precedents_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["precedents", "x", "--limit", "0"]) == 1
    assert "--limit" in capsys.readouterr().err


def test_references_json_and_citing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["references", "--json"]) == 0
    refs = {r["key"]: r for r in json.loads(capsys.readouterr().out)["references"]}
    assert refs["res:2370(2017)"]["kind"] == "resolution"
    assert refs["res:2482(2019)"]["documents"] == 2
    assert refs["tool:iarms"]["label"].startswith("iARMS")
    assert main(["references", "--citing", "sdg:16.4", "--json"]) == 0
    citing = json.loads(capsys.readouterr().out)
    assert citing["total"] == len(citing["hits"]) > 3
    assert all("16.4" in h["text"] for h in citing["hits"])


def test_references_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["references", "--kind", "resolution"]) == 0
    out = capsys.readouterr().out
    assert "resolution 2370 (2017)" in out and "Firearms Protocol" not in out
