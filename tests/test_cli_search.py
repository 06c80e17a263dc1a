"""The `index`, `add`, `search` and `similar` commands, JSON and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli.cmd_index import report_and_status
from briefing_app.cli.main import main
from briefing_app.core.index import lock as lock_module
from briefing_app.core.index.lock import writer_lock
from briefing_app.core.models import IndexReport, Skipped
from briefing_app.core.paths import DataHome

HIT_KEYS = {
    "doc_id",
    "doc_title",
    "segment_id",
    "kind",
    "number",
    "section",
    "citation",
    "text",
    "snippet",
    "score",
}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def test_search_builds_first_and_prints_the_documented_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, data, err = run_json(capsys, "search", "darknet", "--json", "--limit", "5")
    assert status == 0
    assert "building the index" in err
    assert set(data) == {"query", "total", "corrected", "facets", "hits", "partial", "dropped"}
    assert data["query"] == "darknet" and data["total"] >= 2
    assert data["partial"] is False and data["dropped"] == []
    assert data["hits"] and all(set(h) == HIT_KEYS for h in data["hits"])
    rec = next(h for h in data["hits"] if h["kind"] == "recommendation")
    assert rec["segment_id"] == "wg-firearms-2021-report#recommendation-18"
    assert rec["citation"].endswith("recommendation 18")
    assert "<b>" in rec["snippet"]
    assert set(data["facets"]) >= {"kind", "doc", "section", "year", "body"}


def test_search_filters_and_plain_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, data, _ = run_json(
        capsys, "search", "firearms", "--kind", "recommendation", "--limit", "50", "--json"
    )
    assert status == 0 and {h["kind"] for h in data["hits"]} == {"recommendation"}
    assert main(["search", "firarms", "traficking"]) == 0
    out = capsys.readouterr().out
    assert "Did you mean: firearms trafficking" in out


def test_similar_by_segment_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    seg = "wg-firearms-2021-report#recommendation-18"
    status, data, _ = run_json(capsys, "similar", "--segment", seg, "--limit", "3", "--json")
    assert status == 0 and 0 < len(data["hits"]) <= 3
    assert all(set(h) == HIT_KEYS and h["segment_id"] != seg for h in data["hits"])
    assert main(["similar", "--segment", "nope#paragraph-1"]) == 1
    assert main(["similar"]) == 1
    err = capsys.readouterr().err
    assert "no segment 'nope#paragraph-1'" in err and "Traceback" not in err
    assert "not both" not in err  # nothing was given: "(not both)" misled
    assert main(["similar", "darknet", "--segment", seg]) == 1
    assert "not both" in capsys.readouterr().err


def test_index_and_add_summaries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    speech = tmp_path / "testland.txt"
    speech.write_text(
        "Statement by Testland\n\nWe welcome the zebra initiative on marking.\n\nThank you.\n"
    )
    status, data, err = run_json(capsys, "index", str(tmp_path / "missing.docx"), "--json")
    assert status == 0 and len(data["indexed"]) == 4
    assert data["skipped"] == [
        {"path": str(tmp_path / "missing.docx"), "reason": "no such file or folder"}
    ]
    assert "[4/4]" in err  # progress on stderr
    status, data, _ = run_json(capsys, "add", str(speech), "--json")
    assert status == 0 and data["indexed"] == ["testland"] and data["unchanged"] == 4
    assert (DataHome.resolve().library_dir / "testland.txt").exists()
    assert main(["index"]) == 0
    assert "0 document(s)" in capsys.readouterr().out


def test_nothing_indexable_is_a_failure() -> None:
    assert report_and_status(IndexReport(skipped=[Skipped("x.pdf", "encrypted")]), True) == 1
    assert report_and_status(IndexReport(unchanged=3), True) == 0


def test_busy_index_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(lock_module, "DEFAULT_WAIT", 0.2)
    with writer_lock(DataHome.resolve().index_dir):
        assert main(["index"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefing: the library is being updated") and "\n" not in err


def test_export_hits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "hits.csv"
    assert main(["search", "darknet", "--export", str(target)]) == 0
    assert target.exists() and "darknet" in target.read_text(encoding="utf-8-sig").lower()


def test_kind_filter_accepts_every_segment_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--kind offered only three kinds: a delegate could not ask for operative paragraphs."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Draft resolution\n\nThe General Assembly,\n\n"
        "Recalling its resolution 79/1 on enhanced cooperation,\n\n"
        "1. Decides to strengthen enhanced cooperation among Member States;\n\n"
        "2. Requests the Secretary-General to report on enhanced cooperation.\n",
        encoding="utf-8",
    )
    assert main(["add", str(draft)]) == 0
    capsys.readouterr()
    for kind in ("preambular", "operative"):
        status, data, _ = run_json(
            capsys, "search", "enhanced cooperation", "--kind", kind, "--json"
        )
        assert status == 0 and data["hits"], kind
        assert {h["kind"] for h in data["hits"]} == {kind}


def test_empty_query_without_filters_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A blank query listed the whole library; with a filter it still browses that slice."""
    assert main(["search", "  "]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefing: ") and "query" in err and "\n" not in err
    status, data, _ = run_json(capsys, "search", "", "--doc", "wg-firearms-2021-report", "--json")
    assert status == 0 and data["hits"]
    assert {h["doc_id"] for h in data["hits"]} == {"wg-firearms-2021-report"}


def test_add_fails_when_none_of_its_files_could_be_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`briefing add bad.pdf && …` went on: the library's unchanged files made it status 0."""
    assert main(["index"]) == 0
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    capsys.readouterr()
    assert main(["add", str(bad), str(tmp_path / "missing.pdf")]) == 1
    out = capsys.readouterr().out
    assert "2 skipped" in out and "not a valid PDF" in out
    good = tmp_path / "note.txt"
    good.write_text("A short note on enhanced cooperation.\n", encoding="utf-8")
    assert main(["add", str(good), str(bad)]) == 0  # one added: the skipped one is listed


def test_a_data_folder_that_is_a_file_is_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """BRIEFING_HOME pointing at a file said only "search failed: File exists"."""
    home = tmp_path / "briefing-home"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    for argv in (["search", "darknet"], ["index"]):
        assert main(argv) == 1
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert err.startswith("briefing: ") and f"{home} is a file, not a folder" in err, err
