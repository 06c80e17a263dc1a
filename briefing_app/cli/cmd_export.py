"""`briefing export DRAFT.md -o OUT.docx`: a draft as a Word statement."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_app.cli.output import add_json_flag, fail, print_json

PROFILE_CHOICES = ("statement", "speaker", "talking-points")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="export a Markdown draft to Word (.docx)",
        description="Export a Markdown draft (with front matter) as a Word statement.",
    )
    parser.add_argument("draft", metavar="DRAFT.md", help="the draft to export")
    parser.add_argument("-o", "--output", metavar="OUT.docx", help="default: DRAFT.docx")
    parser.add_argument(
        "--template",
        metavar="T.docx",
        help="your mission's Word template (.docx/.dotx, or a name in the data home's templates)",
    )
    parser.add_argument("--profile", choices=PROFILE_CHOICES, default="statement")
    numbering = parser.add_mutually_exclusive_group()
    numbering.add_argument(
        "--numbered", dest="numbered", action="store_true", default=None, help="number paragraphs"
    )
    numbering.add_argument(
        "--no-numbered", dest="numbered", action="store_false", help="never number paragraphs"
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.core.export import ExportError, read_draft, run_export

    draft = Path(args.draft).expanduser()
    out = Path(args.output).expanduser() if args.output else draft.with_suffix(".docx")
    if out.resolve() == draft.resolve():
        return fail("the output would overwrite the draft; choose another name with -o")
    from briefing_app.core.ingest.filekind import regular_file_problem

    problem = draft.exists() and regular_file_problem(draft)  # a FIFO would block for ever
    if problem:
        return fail(f"cannot read {draft}: {problem}")
    try:
        text = read_draft(draft)
        from briefing_app.core.export.template import resolve_template

        template = resolve_template(args.template, getattr(args, "home", None))
        report = run_export(
            text, out, template=template, profile=args.profile, numbered=args.numbered
        )
    except ExportError as exc:
        return fail(str(exc))
    if args.json:
        print_json(report.to_json())
    else:
        notes = (
            f"{report.inline_references} reference(s) inline"
            if report.inline_references
            else f"{report.footnotes} footnote(s)"
        )
        print(
            f"Wrote {report.path} ({args.profile}: {report.paragraphs} paragraphs, "
            f"{notes}, {report.seconds:.2f} s)"
        )
        if report.shortened:
            print(report.shortened)
    return 0
