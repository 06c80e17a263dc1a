"""`briefing index [PATH...]`: bring the index up to date.

Also home of `index_and_report`, which `add` shares; core imports stay
inside functions so that `briefing --help` never loads Whoosh.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_app.cli.library_access import write_error
from briefing_app.cli.output import add_json_flag, fail, print_json, print_summary

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
