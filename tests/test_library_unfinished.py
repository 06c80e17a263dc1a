"""The window's start-up check lists exactly the library files a build would index
and has not: never a file the build skips (it would re-index at every start)."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core.library import Library

TEXT = "Statement by {0}\n\nWe welcome the {0} initiative on marking and tracing.\n"


def _write(path: Path, who: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT.format(who), encoding="utf-8")
    return path


def _library(tmp_path: Path) -> tuple[Library, Path]:
    lib = Library(tmp_path / "home", cache=False)
    folder = lib.home.library_dir
    _write(folder / "sub" / "a.txt", "Austria")
    _write(folder / ".hidden" / "b.txt", "Belize")  # a hidden folder is never indexed
    _write(folder / ".c.txt", "Chile")
    (folder / "notes.xyz").write_text("not a document", encoding="utf-8")
    os.symlink(folder / "sub" / "a.txt", folder / "link.txt")  # keyed by its target
    os.mkfifo(folder / "pipe.txt")  # never opened
    lib.build()
    return lib, folder


def test_nothing_unfinished_right_after_a_build(tmp_path: Path) -> None:
    lib, _ = _library(tmp_path)
    with lib:
        assert lib.unfinished() == []


def test_changed_and_new_files_are_unfinished(tmp_path: Path) -> None:
    lib, folder = _library(tmp_path)
    with lib:
        changed = folder / "sub" / "a.txt"
        changed.write_text(TEXT.format("Austria and Andorra"), encoding="utf-8")
        added = _write(folder / "sub" / "deeper" / "d.md", "Denmark")
        assert sorted(lib.unfinished()) == sorted(
            [str(folder / "link.txt"), str(changed), str(added)]
        )
