"""`briefing add FILE...`: copy files into the user library and index them."""

from __future__ import annotations

import argparse

from briefing_app.cli.output import add_json_flag


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
    from briefing_app.cli.cmd_index import index_and_report

    return index_and_report(
        args,
        lambda library, progress: library.add(args.files, progress=progress),
        "cannot write to the library",
        adding=True,
    )
