"""Draft files, autosave and crash recovery: nothing typed is ever lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_app.core.drafts import autosave, draft_file


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = draft_file.save_draft(tmp_path / "drafts" / "statement", "# Hello\n")
    assert target.name == "statement.md"
    assert draft_file.read_draft(target) == "# Hello\n"
    assert [p.name for p in target.parent.iterdir()] == ["statement.md"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = draft_file.save_draft(tmp_path / "a.md", "old text")

    def boom(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        draft_file.save_draft(target, "new text")
    assert target.read_text(encoding="utf-8") == "old text"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_recent_list_moves_to_front_without_duplicates(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    recent = draft_file.push_recent([], a)
    recent = draft_file.push_recent(recent, b)
    recent = draft_file.push_recent(recent, a)
    assert recent == [str(a.resolve()), str(b.resolve())]
    a.write_text("x", encoding="utf-8")
    assert draft_file.existing_recent(recent) == [str(a.resolve())]
    assert len(draft_file.push_recent([str(i) for i in range(20)], a, limit=5)) == 5


def test_a_crash_leaves_an_autosave_that_is_offered(tmp_path: Path) -> None:
    saved = draft_file.save_draft(tmp_path / "s.md", "saved text")
    saver = autosave.Autosaver(tmp_path / "auto", saved)
    saver.write("saved text plus what I typed before the crash")
    found = autosave.find_recoveries(tmp_path / "auto")
    assert [(r.source, r.text) for r in found] == [
        (saved, "saved text plus what I typed before the crash")
    ]
    assert found[0].label == "s.md"
    autosave.discard(tmp_path / "auto", found[0].key)
    assert autosave.find_recoveries(tmp_path / "auto") == []


def test_autosave_equal_to_the_saved_file_is_not_offered(tmp_path: Path) -> None:
    saved = draft_file.save_draft(tmp_path / "s.md", "same")
    autosave.Autosaver(tmp_path / "auto", saved).write("same")
    assert autosave.find_recoveries(tmp_path / "auto") == []
    assert list((tmp_path / "auto").iterdir()) == []


def test_untitled_drafts_are_recovered_and_clean_close_clears(tmp_path: Path) -> None:
    untitled = autosave.Autosaver(tmp_path / "auto")
    untitled.write("never saved")
    assert [r.label for r in autosave.find_recoveries(tmp_path / "auto")] == ["Untitled draft"]
    untitled.clear()
    assert autosave.find_recoveries(tmp_path / "auto") == []
    assert autosave.find_recoveries(tmp_path / "missing") == []


def test_rebinding_after_save_as_moves_the_key(tmp_path: Path) -> None:
    saver = autosave.Autosaver(tmp_path / "auto")
    saver.write("text")
    old = saver.text_path
    saver.rebind(tmp_path / "named.md")
    assert not old.exists()
    saver.write("text 2")
    (found,) = autosave.find_recoveries(tmp_path / "auto")
    assert found.source == tmp_path / "named.md"  # the file does not exist yet: offered
