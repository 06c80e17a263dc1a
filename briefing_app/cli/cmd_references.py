"""`briefing references`: the instruments, resolutions, bodies … the library cites."""

from __future__ import annotations

import argparse

from briefing_app.cli.output import add_json_flag, print_json, print_result


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "references",
        help="list recognised references (resolutions, instruments, bodies) with counts",
        description="Every recognised reference in the library, by kind, with the number "
        "of passages and documents citing it; --citing KEY lists those passages.",
    )
    parser.add_argument("--kind", help="only this kind (instrument, resolution, sdg, …)")
    parser.add_argument(
        "--citing", metavar="KEY", help="list the passages citing KEY (e.g. res:2370(2017))"
    )
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="with --citing")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.library_access import library_or_fail
    from briefing_app.core.precedents.references_report import (
        collect_references,
        passages_citing,
    )

    if args.citing:
        with library_or_fail(args) as library:
            result = passages_citing(library, args.citing.strip(), limit=args.limit)
        return print_result(result, args.json)
    with library_or_fail(args) as library:
        counts = collect_references(library)
    if args.kind:
        counts = [c for c in counts if c.kind == args.kind]
    if args.json:
        print_json({"references": [c.to_json() for c in counts]})
        return 0
    if not counts:
        print("No references recognised.")
        return 0
    width = max(len(c.label) for c in counts)
    kind = None
    for c in counts:
        if c.kind != kind:
            kind = c.kind
            print(f"\n{kind}")
        print(f"  {c.label:<{width}}  {c.passages:>4} passage(s) in {c.documents} doc(s)  {c.key}")
    return 0
