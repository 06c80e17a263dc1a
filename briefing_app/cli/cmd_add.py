"""`briefing add FILE...`: copy files into the user library and index them."""

from __future__ import annotations

import argparse

from briefing_app.cli.output import add_json_flag, fail


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "add",
        help="copy files into your library and index them",
        description="Copy FILEs into the user library (the originals are not touched) "
        "and index them.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.cmd_index import report_and_status
    from briefing_app.core.index.lock import IndexBusy
    from briefing_app.core.library import Library
    from briefing_app.core.progress import stderr_progress

    try:
        with Library(args.home) as library:
            report = library.add(args.files, progress=stderr_progress())
    except IndexBusy as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write to the library: {exc.strerror or exc}")
    return report_and_status(report, args.json)
