"""Atomic writes and clear messages when the target cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from briefing_app.core.export import ExportError, export_draft, export_file
from tests.export_support import DRAFT


def test_replaces_an_existing_file_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    export_draft(DRAFT, target)
    assert docx.Document(str(target)).paragraphs  # the new document, complete
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_file_open_in_word_or_libreoffice_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "statement.docx"
    target.write_bytes(b"previous version")
    (tmp_path / ".~lock.statement.docx#").write_text("lock")
    with pytest.raises(ExportError, match="open in another program"):
        export_draft(DRAFT, target)
    assert target.read_bytes() == b"previous version"
    (tmp_path / ".~lock.statement.docx#").unlink()
    (tmp_path / "~$atement.docx").write_text("word lock")
    with pytest.raises(ExportError, match="open in another program"):
        export_draft(DRAFT, target)


def test_replace_failure_is_a_clear_error_and_draft_is_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    before = draft.read_bytes()
    target = tmp_path / "locked.docx"
    target.write_bytes(b"in use")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_file(draft, target)
    message = str(caught.value)
    assert "locked.docx" in message and "permission denied" in message
    assert "\n" not in message
    assert draft.read_bytes() == before
    assert target.read_bytes() == b"in use"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "locked.docx"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="cannot write"):
            export_draft(DRAFT, folder / "out.docx")
    finally:
        folder.chmod(0o755)


def test_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_draft(DRAFT, tmp_path / "missing" / "out.docx")
    with pytest.raises(ExportError, match=r"must be a \.docx"):
        export_draft(DRAFT, tmp_path / "out.pdf")
    (tmp_path / "dir.docx").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_draft(DRAFT, tmp_path / "dir.docx")
