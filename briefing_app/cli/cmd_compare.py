"""`briefing compare OLD NEW`: what changed between two versions, unit by unit."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.cli.output import add_json_flag, fail, marked_diff, print_json

if TYPE_CHECKING:
    from briefing_app.core.compare import Comparison


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "compare",
        help="compare two versions of a document paragraph by paragraph",
        description="Align the units of NEW with those of OLD by content (not by number) "
        "and word-diff each pair: unchanged, changed, new, deleted and moved units, and "
        "renumbering reported once. OLD and NEW are library document ids or file paths. "
        "With NEW alone, OLD is the best-ranked earlier version in the library.",
    )
    parser.add_argument("versions", nargs="+", metavar="OLD NEW", help="[OLD] NEW")
    parser.add_argument(
        "-o", "--output", metavar="CHANGES.docx", help="write NEW with the changes tracked"
    )
    parser.add_argument("--table", metavar="TABLE.docx", help="write an old | new | change table")
    parser.add_argument("--author", default="Briefing", help="revision author in the DOCX")
    parser.add_argument("--all", action="store_true", help="list unchanged units too")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.library_access import library_or_fail
    from briefing_app.core.compare import compare_segments
    from briefing_app.core.compare.load import load_version
    from briefing_app.core.compare.previous import previous_versions

    if len(args.versions) > 2:
        return fail("give at most two versions: OLD NEW")
    refused = _refused_target(args)
    if refused:
        return fail(refused)
    candidates = []
    try:
        with library_or_fail(args, errors=()) as library:
            new = load_version(args.versions[-1], library)
            if len(args.versions) == 2:
                old = load_version(args.versions[0], library)
            else:
                candidates = previous_versions(new.meta, library.documents())
                if not candidates:
                    return fail(f"no earlier version of {new.name} in the library: give OLD")
                old = load_version(candidates[0].doc_id, library)
    except ValueError as exc:  # the version's own message names it
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot read the library: {exc.strerror or exc}")
    comparison = compare_segments(old.segments, new.segments, old.name, new.name)
    written = _write_files(args, comparison)
    if isinstance(written, int):
        return written
    if args.json:
        data = comparison.to_json()
        data["candidates"] = [c.to_json() for c in candidates]
        data["written"] = written
        print_json(data)
    else:
        if candidates:
            print(f"Previous version: {old.name} ({', '.join(candidates[0].reasons)})")
        _print(comparison, args.all)
        for path in written:
            print(f"Wrote {path}")
    return 0


def _refused_target(args: argparse.Namespace) -> str | None:
    """Why -o or --table cannot be written (not .docx, no such folder …), before any work."""
    from briefing_app.core.export.errors import ExportError
    from briefing_app.core.export.writer import check_target

    for target in (args.output, args.table):
        if target:
            try:
                check_target(Path(target))
            except ExportError as exc:
                return str(exc)
    return None


def _write_files(args: argparse.Namespace, comparison: Comparison) -> list[str] | int:
    from briefing_app.core.compare.table import write_table
    from briefing_app.core.compare.tracked import write_tracked_changes

    written = []
    try:
        if args.output:
            path = write_tracked_changes(comparison, Path(args.output), author=args.author)
            written.append(str(path))
        if args.table:
            written.append(str(write_table(comparison, Path(args.table))))
    except OSError as exc:
        return fail(f"cannot write {exc.filename or 'the file'}: {exc.strerror or exc}")
    return written


def _print(comparison: Comparison, show_all: bool) -> None:
    from briefing_app.core.compare import UNCHANGED

    print(f"{comparison.old_title} → {comparison.new_title}: {comparison.summary_line()}")
    if comparison.renumbering:
        print("Renumbered: " + "; ".join(comparison.renumbering))
    for change in comparison.changes:
        if change.status == UNCHANGED and not show_all:
            continue
        print(f"\n{change.label}: {change.describe()}")
        print(f"   {marked_diff(change.ops)}")
