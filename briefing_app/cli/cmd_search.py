"""`briefing search QUERY`: search the library (builds the index when missing)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.output import add_json_flag, fail, print_result
from briefing_app.core.models import DOCUMENT_KINDS, SEGMENT_KINDS

if TYPE_CHECKING:
    from briefing_app.core.models import SearchResult


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "search",
        help="search agreed language",
        description='Whoosh query language: words are AND-ed; OR, NOT, "phrases", '
        "field:value, wild*cards and fuzzy~ work; acronyms find their long forms.",
    )
    parser.add_argument("query", nargs="+", help="the query (several words are joined)")
    parser.add_argument(
        "--kind",
        choices=[str(k) for k in SEGMENT_KINDS] + list(DOCUMENT_KINDS),
        help="a unit kind (operative, paragraph, ...) or a document kind (resolution, ...)",
    )
    parser.add_argument("--doc", metavar="DOC_ID", help="only this document")
    parser.add_argument("--section", help="only this section (or its sub-sections)")
    parser.add_argument("--year", help="only documents of this year")
    parser.add_argument("--body", help="only documents of this meeting or body")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="hits (default 10)")
    parser.add_argument("--export", metavar="PATH", help="also save the hits (.docx or .csv)")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.library_access import library_or_fail, write_error

    if args.limit < 1:
        return fail("--limit must be at least 1")
    filters = {k: getattr(args, k) for k in ("kind", "doc", "section", "year", "body")}
    query = " ".join(args.query)
    if not query.strip() and not any(filters.values()):
        return fail("give a query (or a filter such as --doc or --kind to browse)")
    try:
        with library_or_fail(args, "search failed", errors=(ValueError,)) as library:
            result = library.search(query, filters=filters, limit=args.limit)
    except OSError as exc:  # a first build writes: say what to do about a full disk
        return fail(write_error("search failed", exc))
    print_result(result, args.json)
    return _export(result, args.export) if args.export else 0


def _export(result: SearchResult, path: str) -> int:
    try:
        from briefing_app.core.precedents.hitlist_export import export_hits
    except ImportError:
        return fail("exporting hits is not available in this version")
    try:
        saved = export_hits(result, Path(path))
    except (OSError, ValueError) as exc:
        return fail(f"cannot export to {path}: {exc}")
    print(f"Saved {len(result.hits)} hit(s) to {saved}", file=sys.stderr)
    return 0
