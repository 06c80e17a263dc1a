"""Fault 1: a FIFO named ``x.txt``, a socket and a symlink ``zero.txt`` -> ``/dev/zero``
in a folder being indexed. Each is skipped with a reason before anything opens
it; indexing and the first search finish; Cancel stops even a stuck child and
the writer lock is free afterwards."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from briefing_app.core.index.lock import writer_lock
from briefing_app.core.paths import DataHome
from tests.fault_support import hits, run_cli, write_statements


def hostile_folder(folder: Path) -> Path:
    write_statements(folder, 3)
    os.mkfifo(folder / "x.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.md"))
    server.close()  # the socket file stays
    return folder


def test_special_files_are_skipped_before_any_open(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path / "docs")
    home = tmp_path / "home"
    proc = run_cli("index", str(folder), home=home, timeout=90)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "x.txt: not a regular file (a named pipe (FIFO))" in out
    assert "zero.txt: not a regular file (a character device)" in out
    assert "sock.md: not a regular file (a socket)" in out
    assert "Traceback" not in proc.stderr
    assert len(hits(home, "zebra2")) == 1
    # Run again: still no hang, and the special files are still only reported.
    again = run_cli("index", str(folder), "--json", home=home, timeout=90)
    assert again.returncode == 0 and '"indexed": []' in again.stdout


def test_first_search_with_a_fifo_in_the_library_does_not_hang(tmp_path: Path) -> None:
    home = tmp_path / "home"
    hostile_folder(home / "library")
    proc = run_cli("search", "zebra1", home=home, timeout=90)
    assert proc.returncode == 0, proc.stderr
    assert "1 result(s)" in proc.stdout


def _stuck_child(home: str, files: list[str], repair: bool, queue: object, cancel: object) -> None:
    """An indexing child stuck in ``open()`` of a FIFO while holding the writer lock."""
    with writer_lock(DataHome(Path(home)).index_dir):
        queue.put(("progress", 0, 1, "checking files"))  # type: ignore[attr-defined]
        with open(files[0], "rb") as handle:  # blocks: nobody writes to the FIFO
            handle.read()


def test_cancel_stops_a_stuck_indexing_child_and_frees_the_lock(tmp_path: Path, qtbot) -> None:
    from briefing_app.gui.tasks import ProcessTask

    home = DataHome(tmp_path / "home")
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    task = ProcessTask(_stuck_child, str(home.root), [str(fifo)], False)
    task.CANCEL_GRACE_MS = 500
    with qtbot.waitSignal(task.progress, timeout=60_000):
        task.start()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        task.cancel()
    assert not task.is_running()
    with writer_lock(home.index_dir, wait=0):  # raises IndexBusy if still held
        pass


@pytest.mark.parametrize("stage", ["checking-files", "after-file"])
def test_cancel_in_each_stage_keeps_the_library_usable(tmp_path: Path, stage: str) -> None:
    """The core honours cancel between every file of both stages (no kill needed)."""
    from briefing_app.core.library import Library
    from briefing_app.core.progress import Progress

    docs = write_statements(tmp_path / "docs", 12)
    progress = Progress()
    seen: list[str] = []

    def cancel_at(done: int, total: int, message: str) -> None:
        seen.append(message)
        wanted = "indexing" if stage == "after-file" else "checking files"
        if message == wanted:
            progress.cancel()

    progress._callback = cancel_at
    with Library(tmp_path / "home") as lib:
        report = lib.build([docs[0].parent], progress=progress)
        assert report.cancelled
        again = lib.build([docs[0].parent])  # the lock was released; the run finishes
        assert not again.cancelled
        assert lib.search("zebra12").total == 1


def test_a_file_reached_through_a_link_is_indexed_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (original,) = write_statements(home / "library", 1)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "same.txt").symlink_to(original)
    proc = run_cli("index", str(docs), "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert len(hits(home, "zebra1")) == 1


def test_segments_and_export_refuse_a_fifo_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.md"
    os.mkfifo(fifo)
    for args in (("segments", str(fifo)), ("export", str(fifo), "-o", str(tmp_path / "o.docx"))):
        proc = run_cli(*args, home=tmp_path / "home", timeout=60)
        assert proc.returncode != 0
        assert "Traceback" not in proc.stderr
        assert "not a regular file" in proc.stderr, proc.stderr
