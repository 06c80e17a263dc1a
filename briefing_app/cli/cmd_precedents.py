"""`briefing precedents TEXT`: has this wording been agreed before, and where?"""

from __future__ import annotations

import argparse
import sys

from briefing_app.cli.output import add_json_flag, fail, marked_diff, print_result


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "precedents",
        help="find agreed language close to a sentence, with a word diff",
        description="Rank the library's passages by how closely they reuse the wording "
        "of TEXT (near-verbatim first; recommendations before deliberations, speeches "
        "and slides) and show what the precedent says differently. TEXT '-' reads stdin.",
    )
    parser.add_argument("text", nargs="+", help="the draft wording (several words are joined)")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="hits (default 10)")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.library_access import library_or_fail
    from briefing_app.core.precedents.finder import find_precedents

    text = sys.stdin.read() if args.text == ["-"] else " ".join(args.text)
    if not text.strip():
        return fail("give the wording to look for (TEXT)")
    if args.limit < 1:
        return fail("--limit must be at least 1")
    with library_or_fail(args, "precedent search failed") as library:
        result = find_precedents(library, text, limit=args.limit)
    return print_result(result, args.json, _print)


def _print(result) -> None:  # type: ignore[no-untyped-def]
    if not result.hits:
        print("No precedents found.")
        return
    for rank, hit in enumerate(result.hits, 1):
        found = hit.precedent
        facts = [hit.kind, (found.date if found else None) or "undated"]
        if found is not None and found.operative:
            facts.append(f"operative: {found.operative}")
        facts.append(f"wording {found.match.coverage if found else 0:.0%} reused")
        print(f"\n{rank}. {hit.citation}  [{hit.segment_id}]")
        print(f"   {' · '.join(facts)}")
        print(f"   {marked_diff(found.diff if found else [])}")
