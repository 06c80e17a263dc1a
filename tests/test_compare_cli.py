"""`briefing compare`, the side-by-side table and 'find the previous version'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from briefing_app.cli.main import main
from briefing_app.core.compare import compare_segments
from briefing_app.core.compare.previous import previous_versions
from briefing_app.core.compare.table import write_table
from briefing_app.core.models import DocumentMeta
from tests.compare_support import OPERATIVE, PREAMBLE, revisions, synthetic_pair


def _write_versions(tmp_path: Path) -> tuple[Path, Path]:
    """The synthetic pair as two text files, the way a delegate's drafts arrive."""
    old, new = synthetic_pair()
    paths = []
    for name, units in (("old", old), ("new", new)):
        pre = [u.text for u in units if u.kind == "preambular"]
        ops = [f"{u.number}. {u.text}" for u in units if u.kind == "operative"]
        path = tmp_path / f"{name}.txt"
        path.write_text(
            "# Protection of migrants\n\nThe General Assembly,\n\n" + "\n\n".join(pre + ops) + "\n",
            "utf-8",
        )
        paths.append(path)
    return paths[0], paths[1]


def test_compare_two_files_json_and_both_word_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _write_versions(tmp_path)
    changes, table = tmp_path / "changes.docx", tmp_path / "table.docx"
    args = ["compare", str(old), str(new), "--json", "-o", str(changes), "--table", str(table)]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"old", "new", "summary", "renumbering", "units", "written"}
    assert set(data["summary"]) == {"unchanged", "changed", "new", "deleted", "moved"}
    assert sum(data["summary"].values()) == len(data["units"])
    assert data["summary"]["deleted"] >= 1 and data["summary"]["changed"] >= 2
    unit = data["units"][0]
    assert set(unit) >= {"status", "old", "new", "renumbered", "diff", "description"}
    assert data["written"] == [str(changes), str(table)]
    assert revisions(changes)
    assert Document(str(table)).tables


def test_compare_text_output_marks_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _write_versions(tmp_path)
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "{+promote and+}" in out
    assert "deleted" in out.splitlines()[0]


def test_compare_text_output_has_no_space_before_punctuation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = "# Elections\n\nThe General Assembly,\n\n"
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(head + "1. Calls for elections, and open (public) debate;\n", "utf-8")
    new.write_text(head + "1. Calls for elections held fairly, and open (free) debate;\n", "utf-8")
    assert main(["compare", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "Calls for elections {+held fairly+}, and open ([-public-] {+free+}) debate;" in out
    assert " ," not in out and "( " not in out and " )" not in out


def test_compare_refuses_unknown_versions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "no-such-doc", "neither-this"]) == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("briefing: ") and "neither a file nor a document id" in last


def test_table_has_old_new_and_change_columns(tmp_path: Path) -> None:
    old, new = synthetic_pair()
    comparison = compare_segments(old, new, "A/C.3/80/L.1", "A/RES/80/1")
    out = write_table(comparison, tmp_path / "t.docx", changed_only=True)
    (table,) = Document(str(out)).tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Old", "New", "Change"]
    assert len(rows) == 1 + 6  # 3 changed, 1 new, 1 deleted, 1 moved; no unchanged row
    changes = [r[2] for r in rows[1:]]
    assert "moved from OP 2" in changes and "deleted" in changes and "new" in changes
    struck = [
        run.text
        for row in table.rows[1:]
        for p in row.cells[0].paragraphs
        for run in p.runs
        if run.font.strike
    ]
    assert any(OPERATIVE[3] in text for text in struck)  # the deleted OP 4, struck through
    assert PREAMBLE[0] not in " ".join(r[0] for r in rows)  # unchanged rows left out


def _meta(doc_id: str, title: str, symbol: str, date: str, **extra: str) -> DocumentMeta:
    meta = DocumentMeta(doc_id, title, kind="resolution", date=date, symbol=symbol)
    for key, value in extra.items():
        setattr(meta, key, value)
    return meta


def test_previous_versions_ranks_draft_and_last_year_before_others() -> None:
    title = "Situation of human rights of Rohingya Muslims and other minorities in Myanmar"
    target = _meta("res-80-221", title, "A/RES/80/221", "2025-12-18")
    library = [
        target,
        _meta("l32", title, "A/C.3/80/L.32", "2025-11-05"),
        _meta("res-79-1", title, "A/RES/79/182", "2024-12-17"),
        _meta("other", "Consumer product safety", "A/RES/80/119", "2025-12-15"),
        _meta("later", title, "A/RES/81/200", "2026-12-20"),
    ]
    ranked = previous_versions(target, library)
    assert [c.doc_id for c in ranked][:2] == ["l32", "res-79-1"]
    assert "same title" in ranked[0].reasons and "draft of the same session" in ranked[0].reasons
    assert "other" not in {c.doc_id for c in ranked}
    assert ranked[-1].doc_id == "later" or "later" not in {c.doc_id for c in ranked}


def test_new_alone_is_compared_with_the_previous_version_found_in_the_library(
    capsys: pytest.CaptureFixture[str],
) -> None:
    examples = Path(__file__).resolve().parents[1] / "docs" / "examples"
    files = [str(examples / "resolution-2025.txt"), str(examples / "resolution-2026-draft.txt")]
    assert main(["add", *files]) == 0
    capsys.readouterr()
    assert main(["compare", "resolution-2026-draft", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["candidates"][0]["doc_id"] == "resolution-2025"
    assert data["candidates"][0]["reasons"]
    assert data["summary"]["moved"] == 1 and data["summary"]["deleted"] == 1


def test_session_from_the_printed_session_line_when_there_is_no_symbol() -> None:
    from briefing_app.core.compare.previous import session_number

    assert session_number("Eighty-first session") == 81
    assert session_number("Seventy-ninth session") == 79
    assert session_number("80th session") == 80
    assert session_number("resumed part") is None
    title = "Protection of migrants"
    target = _meta("draft", title, "", "2026-11-05", session="Eighty-first session")
    target.kind = "draft-resolution"
    older = _meta("res", title, "", "2025-12-19", session="Eightieth session")
    (best,) = previous_versions(target, [target, older])
    assert "earlier session (80)" in best.reasons


@pytest.mark.parametrize("option", ["-o", "--table"])
def test_a_word_file_target_that_is_not_docx_is_refused_before_comparing(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--table notes.txt` wrote a Word file named notes.txt (export refuses that)."""
    old, new = _write_versions(tmp_path)
    target = tmp_path / "notes.txt"
    assert main(["compare", str(old), str(new), option, str(target)]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("briefing: ") and ".docx" in err
    assert not target.exists()
