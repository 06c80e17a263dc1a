"""`briefing similar (TEXT | --segment ID)`: passages close to a text or a segment."""

from __future__ import annotations

import argparse

from briefing_app.cli.output import add_json_flag, fail, print_result


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "similar",
        help="find passages similar to a text or a segment",
        description="Find segments that share the most distinctive words of TEXT "
        "or of the segment --segment ID (e.g. wg-firearms-2021-report#recommendation-18).",
    )
    parser.add_argument("text", nargs="*", help="free text (several words are joined)")
    parser.add_argument("--segment", metavar="ID", help="a segment id instead of text")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="hits (default 10)")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.library_access import library_or_fail

    text = " ".join(args.text).strip()
    if text and args.segment:
        return fail("give either TEXT or --segment ID, not both")
    if not (text or args.segment):
        return fail("give the TEXT to match, or --segment ID")
    if args.limit < 1:
        return fail("--limit must be at least 1")
    try:
        with library_or_fail(args, "search failed", errors=(OSError,)) as library:
            result = library.similar(text or None, segment_id=args.segment, limit=args.limit)
    except KeyError:
        return fail(f"no segment {args.segment!r} in the index (see `briefing search`)")
    return print_result(result, args.json)
