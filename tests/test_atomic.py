"""Atomic writes: whole file or nothing, permissions kept, no temp files left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_app.core import atomic


def test_replaces_whole_file_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    target.write_text("old")
    target.chmod(0o640)
    atomic.write_text_atomic(target, "new text ✓\n")
    assert target.read_text(encoding="utf-8") == "new text ✓\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]


def test_new_file_is_readable_by_others(tmp_path: Path) -> None:
    target = atomic.write_bytes_atomic(tmp_path / "sub" / "out.bin", b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert target.stat().st_mode & 0o644 == 0o644


def test_failure_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "draft.md"
    target.write_text("precious")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_text_atomic(target, "half")
    assert target.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]
