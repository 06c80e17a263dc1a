"""`briefing references`: the instruments, resolutions, bodies … the library cites."""

from __future__ import annotations

import argparse

from briefing_app.cli.output import add_json_flag, fail, print_hits, print_json


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
    from briefing_app.cli.cmd_index import open_library
    from briefing_app.core.index.lock import IndexBusy
    from briefing_app.core.precedents.references_report import (
        collect_references,
        passages_citing,
    )

    if args.citing:
        try:
            with open_library(args, build=True) as library:
                result = passages_citing(library, args.citing.strip(), limit=args.limit)
        except IndexBusy as exc:
            return fail(str(exc))
        except (OSError, ValueError) as exc:
            return fail(f"cannot read the library: {exc}")
        if args.json:
            print_json(result.to_json())
        else:
            print_hits(result)
        return 0
    try:
        with open_library(args, build=True) as library:
            counts = collect_references(library)
    except IndexBusy as exc:
        return fail(str(exc))
    except (OSError, ValueError) as exc:
        return fail(f"cannot read the library: {exc}")
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
