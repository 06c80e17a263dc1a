"""What the preview shows above and in the body is what Word gets."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from docx import Document

from briefing_app.core.drafts.markdown_setup import EXTENSIONS
from briefing_app.core.export import export_draft
from briefing_app.core.export.preview import to_html

FRONT = (
    "---\n"
    "title: Firearms trafficking online\n"
    "delegation: Italy\n"
    "speaker: Ms. Giulia Rossi, First Counsellor\n"
    "meeting: Working Group on Firearms, ninth meeting\n"
    "agenda_item: 3\n"
    "place: Vienna\n"
    "date: 2026-05-12\n"
    "mark: Check against delivery\n"
    "---\n\n"
)
BODY = 'Mr. Chair,\n\nWe say "agreed language" -- as typed.\n\n```\ncode stays as typed\n```\n'


def preview_title_lines(html: str) -> list[str]:
    head = html.split("<hr/>")[0]
    return [unescape(t).strip() for t in re.split(r"<[^>]+>", head) if t.strip()]


@pytest.mark.parametrize("front", [FRONT, "---\ndelegation: Italy\ndate: 2026-05-12\n---\n\n"])
def test_the_preview_title_block_is_the_exports(tmp_path: Path, front: str) -> None:
    out = export_draft(front + BODY, tmp_path / "s.docx")
    paragraphs = [p.text for p in Document(str(out)).paragraphs if p.text.strip()]
    shown = preview_title_lines(to_html(front + BODY))
    assert shown and paragraphs[: len(shown)] == shown
    assert paragraphs[len(shown)] == "Mr. Chair,"


def test_preview_and_export_read_one_markdown_dialect(tmp_path: Path) -> None:
    assert "fenced_code" in EXTENSIONS and "smarty" not in EXTENSIONS
    html = to_html(FRONT + BODY)
    assert "<pre><code>code stays as typed" in html
    assert '"agreed language" --' in unescape(html)  # quotes and dashes as typed
    texts = [
        p.text for p in Document(str(export_draft(FRONT + BODY, tmp_path / "s.docx"))).paragraphs
    ]
    assert any('"agreed language" --' in t for t in texts)
