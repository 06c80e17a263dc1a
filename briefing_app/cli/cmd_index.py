"""`briefing index [PATH...]`: bring the index up to date.

Also home of the helpers `add`, `search` and `similar` share (opening the
library, printing a run's summary); core imports stay inside functions so
that `briefing --help` never loads Whoosh.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.output import add_json_flag, fail, print_json

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import IndexReport
    from briefing_app.core.progress import Progress


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "index",
        help="index the bundled corpus, your library and any files or folders given",
        description="Index the bundled corpus, the user library and any PATHs "
        "(files or folders). Unchanged files are not read again.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="extra files or folders")
    parser.add_argument(
        "--repair",
        action="store_true",
        help="check every index file and rebuild the index from the documents if one is damaged",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return index_and_report(
        args,
        lambda library, progress: library.build(
            args.paths, progress=progress, repair=getattr(args, "repair", False)
        ),
        "cannot write the index",
    )


def index_and_report(
    args: argparse.Namespace,
    work: Callable[[Library, Progress], IndexReport],
    write_failure: str,
    *,
    adding: bool = False,
) -> int:
    """Run an indexing job with progress on stderr; one-line errors, summary, status."""
    from briefing_app.core.index.lock import IndexBusy
    from briefing_app.core.library import Library
    from briefing_app.core.progress import stderr_progress

    try:
        with Library(args.home) as library:
            report = work(library, stderr_progress())
    except IndexBusy as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(write_error(write_failure, exc))
    if report.repaired:
        print(f"briefing: repaired the index ({report.repaired})", file=sys.stderr)
    return report_and_status(report, args.json, adding=adding)


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


def print_summary(report: IndexReport, *, to_stderr: bool = False) -> None:
    stream = sys.stderr if to_stderr else sys.stdout
    line = (
        f"Indexed {len(report.indexed)} document(s) ({report.segments} segments), "
        f"{report.unchanged} unchanged, {len(report.removed)} removed, "
        f"{len(report.skipped)} skipped, in {report.seconds:.1f} s"
    )
    if report.cancelled:
        line += " (cancelled: run it again to finish)"
    print(line, file=stream)
    for skipped in report.skipped:
        print(f"  skipped {skipped.path}: {skipped.reason}", file=stream)


def report_and_status(report: IndexReport, as_json: bool, *, adding: bool = False) -> int:
    """Print the run; status 0 when anything is indexed or up to date. ``adding``:
    1 when files were refused and none added (the library being up to date is not
    what `briefing add FILE` asked for)."""
    if as_json:
        print_json(report.to_json())
    else:
        print_summary(report)
    if adding and report.skipped and not report.indexed:
        return 1
    return 0 if report.indexed or report.unchanged else 1
