"""Shared output helpers for subcommands: JSON, errors, hit lists."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from briefing_app.core.models import Hit, IndexReport, SearchResult


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_result(result: Any, as_json: bool, as_text: Callable[[Any], None] | None = None) -> int:
    """The result as ``--json`` asks (its own ``to_json``) or as text (a hit list
    unless ``as_text`` says otherwise); status 0."""
    if as_json:
        print_json(result.to_json())
    else:
        (as_text or print_hits)(result)
    return 0


def fail(message: str, code: int = 1) -> int:
    """Print a one-line error (no traceback) and return the exit status."""
    print(f"briefing: {message}", file=sys.stderr)
    return code


def add_json_flag(parser: Any) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def print_summary(report: IndexReport, *, to_stderr: bool = False) -> None:
    """One line for an indexing run, then one per skipped file."""
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


def print_hits(result: SearchResult) -> None:
    """Human-readable hit list: citation, snippet."""
    if result.corrected:
        print(f"Did you mean: {result.corrected}")
    if result.partial:
        lacking = f" (some lack: {', '.join(result.dropped)})" if result.dropped else ""
        print(f"No passage has all of {result.query!r}; showing those with most of them{lacking}")
    print(f"{result.total} result(s) for {result.query!r}")
    for rank, hit in enumerate(result.hits, 1):
        print(f"\n{rank}. {hit.citation}  [{hit.segment_id}]")
        print(f"   {terminal_snippet(hit)}")


def terminal_snippet(hit: Hit) -> str:
    """The snippet as a terminal shows it: the matched words between asterisks."""
    if not hit.snippet:
        return hit.text[:200]
    from briefing_app.core.index.snippets import fragment_runs, runs_text, word_spans_of

    return runs_text(fragment_runs(hit.text, word_spans_of(hit.text, hit.terms)))


def marked_diff(ops: list[dict[str, str]]) -> str:
    """A word diff for the terminal: [-deleted-] and {+inserted+}, like wdiff,
    spaced as the text is ("{+fair+}," with no space before the comma)."""
    from briefing_app.core.compare.model import spaced_runs

    marks = {"delete": "[-{}-]", "insert": "{{+{}+}}"}
    out = []
    for op, text in spaced_runs(ops):
        word = text.lstrip(" ")
        out.append(text[: len(text) - len(word)] + marks.get(op, "{}").format(word))
    return "".join(out)
