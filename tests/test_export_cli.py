"""`briefing export`: files, JSON, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from briefing_app.cli.main import main
from tests.export_support import DRAFT


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_export_json(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.docx"
    assert main(["export", str(draft), "-o", str(out), "--profile", "speaker", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["path"] == str(out) and report["profile"] == "speaker"
    assert (report["footnotes"], report["inline_references"]) == (0, 2)  # no footnotes part
    assert docx.Document(str(out)).styles["Normal"].font.size.pt == 16


def test_default_output_name_and_numbered(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(draft), "--numbered"]) == 0
    out = draft.with_suffix(".docx")
    assert "Wrote" in capsys.readouterr().out
    numbered = [p for p in docx.Document(str(out)).paragraphs if p._p.pPr.numPr is not None]
    assert len(numbered) == 9  # 4 body paragraphs + 5 list items


def test_template_by_name_from_the_data_home(
    draft: Path, tmp_path: Path, briefing_home: Path
) -> None:
    folder = briefing_home / "templates"
    folder.mkdir(parents=True)
    mission = docx.Document()
    mission.styles["Normal"].font.name = "Arial"
    mission.save(str(folder / "mission.docx"))
    out = tmp_path / "m.docx"
    assert main(["export", str(draft), "-o", str(out), "--template", "mission"]) == 0
    assert docx.Document(str(out)).styles["Normal"].font.name == "Arial"


def test_errors_are_one_line(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "nope.md"), "-o", str(tmp_path / "x.docx")]) == 1
    assert main(["export", str(draft), "-o", str(tmp_path / "no" / "x.docx")]) == 1
    assert main(["export", str(draft), "-o", str(draft)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("briefing: ") for line in err)
    assert "does not exist" in err[1] and "overwrite the draft" in err[2]


@pytest.mark.parametrize(
    "name, content",
    [
        (
            "A_RES_80_34.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type/Catalog>>\nstream\nx\x9c\x00\x01",
        ),
        ("statement.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
    ],
)
def test_a_pdf_or_word_file_given_as_the_draft_is_refused(
    name: str, content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PDF passed by mistake became a Word file of 126 paragraphs of binary garbage."""
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "out.docx"
    assert main(["export", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefing: ") and "not a Markdown draft" in err and "\n" not in err
    assert not out.exists()
