"""Issue 13, items 4-5: no stretched justified lines around long citations; the speaker
copy's summary and list spacing."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from briefing_app.cli.main import main
from briefing_app.core.export import export_draft, run_export
from tests.export_support import DRAFT

LIST_STYLES = [
    f"{base}{suffix}"
    for base in ("List Bullet", "List Number", "List Continue")
    for suffix in ("", " 2", " 3")
]


def _alignment(paragraph) -> object:  # type: ignore[no-untyped-def]
    """The paragraph's alignment as Word resolves it: own, then style chain."""
    if paragraph.paragraph_format.alignment is not None:
        return paragraph.paragraph_format.alignment
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
        style = style.base_style
    return WD_ALIGN_PARAGRAPH.LEFT


@pytest.mark.parametrize("profile", ["statement", "speaker", "talking-points"])
def test_quotes_and_list_items_are_ragged_right(tmp_path: Path, profile: str) -> None:
    out = export_draft(DRAFT, tmp_path / f"{profile}.docx", profile=profile)
    document = docx.Document(str(out))
    short_lines = [
        p for p in document.paragraphs if p.style.name == "Quote" or p.style.name.startswith("List")
    ]
    assert short_lines
    assert all(_alignment(p) != WD_ALIGN_PARAGRAPH.JUSTIFY for p in short_lines)


def test_speaker_copy_with_bracketed_citations_is_never_justified(tmp_path: Path) -> None:
    out = export_draft(DRAFT, tmp_path / "s.docx", profile="speaker")
    document = docx.Document(str(out))
    cited = [p for p in document.paragraphs if "[Report of the Working Group" in p.text]
    assert cited
    assert all(_alignment(p) == WD_ALIGN_PARAGRAPH.LEFT for p in cited)


def test_the_statement_body_stays_justified(tmp_path: Path) -> None:
    out = export_draft(DRAFT, tmp_path / "st.docx")
    body = next(p for p in docx.Document(str(out)).paragraphs if p.text.startswith("My delegation"))
    assert _alignment(body) == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_speaker_summary_counts_inline_references_not_footnotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run_export(DRAFT, tmp_path / "s.docx", profile="speaker")
    assert (report.footnotes, report.inline_references) == (0, 2)
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    assert main(["export", str(draft), "-o", str(tmp_path / "o.docx"), "--profile", "speaker"]) == 0
    line = capsys.readouterr().out
    assert "2 reference(s) inline" in line and "footnote" not in line
    statement = run_export(DRAFT, tmp_path / "st.docx")
    assert (statement.footnotes, statement.inline_references) == (2, 0)


@pytest.mark.parametrize("profile", ["speaker", "talking-points"])
def test_list_items_at_every_depth_are_spaced_alike(tmp_path: Path, profile: str) -> None:
    out = export_draft(DRAFT, tmp_path / "p.docx", profile=profile)
    styles = docx.Document(str(out)).styles
    spacing = {name: styles[name].paragraph_format.space_after for name in LIST_STYLES}
    body = styles["Normal"].paragraph_format.space_after
    assert set(spacing.values()) == {body}
