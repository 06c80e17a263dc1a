"""Faults 2, 6 and 8 in the window: a damaged index is repaired at start with a
progress bar; files left unindexed by a killed indexing child are indexed at
the next start; *Library › Re-index* exists and works; a read-only data
folder opens, searches and reads, and says why it cannot write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from tests import gui_support
from tests.fault_support import remount_read_only, tmpfs, write_statements
from tests.gui_support import open_window, search

built_index, home = gui_support.built_index, gui_support.home  # fixtures

INDEX_WAIT_MS = 120_000


def test_killed_indexing_child_is_finished_at_next_start(
    qtbot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_statements(tmp_path / "docs", 12)
    first = open_window(qtbot, home)
    monkeypatch.setenv("BRIEFING_CRASH_AT", "after-file:3")  # the spawned child reads it
    with qtbot.waitSignal(first.service.indexFinished, timeout=INDEX_WAIT_MS) as done:
        first.add_documents(files)
    assert done.args[0] is None  # the child died: kill -9 at its third file
    assert "stopped unexpectedly" in first.indexing_status.label.text()
    first.close()
    monkeypatch.delenv("BRIEFING_CRASH_AT")
    assert len(list((home / "library").glob("*.txt"))) == 12  # copied, not all indexed
    second = open_window(qtbot, home)
    with qtbot.waitSignal(second.service.indexFinished, timeout=INDEX_WAIT_MS) as done:
        pass
    report = done.args[0]
    assert report and report["indexed"], report
    search(qtbot, second, "zebra12")


def test_damaged_index_is_repaired_at_start(qtbot, home: Path) -> None:
    segment = sorted((home / "index").glob("MAIN_*.seg"))[0]
    segment.write_bytes(segment.read_bytes()[:100])
    window = open_window(qtbot, home)
    with qtbot.waitSignal(window.service.indexStarted, timeout=INDEX_WAIT_MS):
        pass
    assert "damaged" in window.indexing_status.label.text()
    assert window.indexing_status.bar.isVisible()
    with qtbot.waitSignal(window.service.indexFinished, timeout=INDEX_WAIT_MS) as done:
        pass
    assert done.args[0]["repaired"]
    search(qtbot, window, "firearms")


def test_reindex_action_checks_and_updates(qtbot, home: Path) -> None:
    window = open_window(qtbot, home)
    action = window.findChild(object, "reindexAction")
    assert action is not None and "Re-index" in action.text()
    write_statements(home / "library", 2)  # copied in by hand while the window is open
    with qtbot.waitSignal(window.service.indexFinished, timeout=INDEX_WAIT_MS) as done:
        action.trigger()
    assert len(done.args[0]["indexed"]) == 2
    search(qtbot, window, "zebra2")


def test_read_only_data_folder(
    qtbot, built_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(tmp_path / "ro", "64m") as disk:
        home = disk / "home"
        shutil.copytree(built_index, home)
        (home / "drafts").mkdir(exist_ok=True)
        remount_read_only(disk)
        window = open_window(qtbot, home)  # starts: no OSError on the autosave folder
        assert window.findChild(QLabel, "readOnlyNotice") is not None
        search(qtbot, window, "firearms")  # searching and reading work
        window.editor.insertPlainText("We welcome the report.")
        window.session.autosave_now()  # nothing raised, nothing written
        assert not any((home / "autosave").glob("*.md"))
        said: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
        assert not window.session._save_reporting(home / "drafts" / "statement.md")
        assert said and "Read-only file system" in said[0]
        assert window.upkeep.reindex() is None  # says why instead of failing in a child
        window.session.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        window.close()


def test_read_only_data_folder_from_the_command_line(
    built_index: Path,
    tmp_path: Path,
) -> None:
    from tests.fault_support import hits, run_cli

    with tmpfs(tmp_path / "ro", "64m") as disk:
        home = disk / "home"
        shutil.copytree(built_index, home)
        remount_read_only(disk)
        assert hits(home, "firearms")  # searching works
        for args in (("index",), ("add", str(write_statements(tmp_path / "d", 1)[0]))):
            proc = run_cli(*args, home=home)
            assert proc.returncode == 1
            assert "Traceback" not in proc.stderr
            assert proc.stderr.strip().splitlines()[-1].count("read-only") == 1, proc.stderr


def test_damage_found_by_a_search_is_repaired(qtbot, home: Path) -> None:
    window = open_window(qtbot, home)
    search(qtbot, window, "firearms")
    for state in (home / "index").glob("state-*.json"):
        state.unlink()  # the catalog is gone while the window is open
    window.service.call(lambda lib: lib.close())  # the next search opens the index again
    with qtbot.waitSignal(window.service.indexFinished, timeout=INDEX_WAIT_MS) as done:
        window.service.search("tracing")
    assert done.args[0]["repaired"]
    search(qtbot, window, "marking")
