"""Opening the user's library for a command, and saying in one line why it failed.

Every command that reads the index goes through `library_or_fail`, so the
index's own errors read the same everywhere. Core imports stay inside the
functions so that `briefing --help` never loads Whoosh.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.errors import CommandFailed
from briefing_app.cli.output import print_summary

if TYPE_CHECKING:
    from briefing_app.core.library import Library


@contextmanager
def library_or_fail(
    args: argparse.Namespace,
    failure: str = "cannot read the library",
    *,
    errors: tuple[type[Exception], ...] = (OSError, ValueError),
) -> Iterator[Library]:
    """The built library for a command's work (the ``with`` body included).

    The index's own errors (busy, damaged, never built) end the command in their
    own words; ``errors`` end it as ``failure: why``; anything else goes on.
    """
    from briefing_app.core.index.generation import IndexDamaged, NotBuilt
    from briefing_app.core.index.lock import IndexBusy

    try:
        with open_library(args, build=True) as library:
            yield library
    except (IndexBusy, IndexDamaged, NotBuilt) as exc:
        raise CommandFailed(str(exc)) from exc
    except errors as exc:
        raise CommandFailed(f"{failure}: {exc}") from exc


def open_library(args: argparse.Namespace, *, build: bool = False) -> Library:
    """The user's library. With ``build``: indexes it first when it was never built,
    repairs a damaged index, and finishes an interrupted run (when no one else is);
    each of the last two is said in one line."""
    from briefing_app.core.library import Library

    library = Library(args.home)
    if not build:
        return library
    if not library.is_built():
        _build_now(library, "building the index for the first time…")
        return library
    problem = library.health()
    if problem:
        reason = problem.split(";")[0].removeprefix("the index is damaged: ")
        report = library.build(repair=True)  # quiet: the one line below says it all
        print(
            f"briefing: the index was damaged ({reason}); rebuilt it from the documents "
            f"({len(report.indexed)} document(s))",
            file=sys.stderr,
        )
    elif library.engine.pending and _busy(library):
        print(
            "briefing: the library is being indexed by another process; "
            "results cover what it has finished so far",
            file=sys.stderr,
        )
    elif library.engine.pending and library.home.writable():
        try:
            report = library.build()
        except OSError as exc:  # full or read-only disk: what is indexed still answers
            reason = write_error("could not finish it", exc).split(": ", 1)[-1]
            print(
                f"briefing: an earlier indexing run was interrupted and could not be "
                f"finished ({reason}); searching what is indexed",
                file=sys.stderr,
            )
        else:
            print(
                "briefing: an earlier indexing run was interrupted; finished it "
                f"({len(report.indexed)} document(s))",
                file=sys.stderr,
            )
    return library


def _build_now(library: Library, message: str) -> None:
    from briefing_app.core.progress import stderr_progress

    print(f"briefing: {message}", file=sys.stderr)
    report = library.build(progress=stderr_progress())
    print_summary(report, to_stderr=True)


def _busy(library: Library) -> bool:
    """True when another process holds the writer lock (its run is not interrupted)."""
    from briefing_app.core.index.lock import IndexBusy, writer_lock

    try:
        with writer_lock(library.home.index_dir, wait=0):
            return False
    except IndexBusy:
        return True
    except OSError:  # read-only: nobody can be writing (and we cannot either)
        return False


def write_error(what: str, exc: OSError) -> str:
    """One line for a failed write, saying what to do about the usual causes."""
    import errno

    if exc.errno == errno.ENOSPC:
        return f"{what}: the disk is full; what was finished is kept, free some space and run again"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{what}: the data folder is read-only ({exc.filename or exc.strerror})"
    if exc.errno in (errno.EEXIST, errno.ENOTDIR) and exc.filename:
        blocker = _file_in_the_way(Path(exc.filename))
        if blocker is not None:
            return f"{what}: {blocker} is a file, not a folder (check BRIEFING_HOME or --home)"
    return f"{what}: {exc.strerror or exc}"


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest ancestor of ``path`` (or itself) that is a file where a folder is needed."""
    for folder in (path, *path.parents):
        if folder.exists():
            return None if folder.is_dir() else folder
    return None
