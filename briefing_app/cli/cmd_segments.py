"""`briefing segments FILE`: the structure recovered from one file, no indexing."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_app.cli.output import add_json_flag, fail, print_json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("segments", help="show the structure recovered from one file")
    parser.add_argument("file", help="a .txt, .md, .docx, .pdf, .pptx or .html file")
    parser.add_argument(
        "--unit",
        metavar="PINPOINT",
        help="show only the unit a pinpoint names: 'para. 8 (b)', 'PP 3', 'art. 7', "
        "'annex I, para. 5'",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.core.ingest import IngestError, ingest_file, load_manifest
    from briefing_app.core.segment_json import segment_json

    path = Path(args.file)
    try:
        doc = ingest_file(path, load_manifest(path.parent))
    except IngestError as exc:
        return fail(f"{path}: {exc}")
    chosen = doc.segments
    if args.unit:
        from briefing_app.core.citation import find_unit

        found = find_unit(doc.segments, args.unit)
        if not found:
            return fail(f"{path}: no unit '{args.unit}'")
        chosen = [segment for segment, _ in found]
    segments = [segment_json(s, doc.meta) for s in chosen]
    for data, segment in zip(segments, chosen, strict=True):
        data["footnotes"] = segment.footnotes
        data["inferred_number"] = segment.inferred_number
    if args.json:
        print_json({"doc": doc.meta.to_json(), "segments": segments, "warnings": doc.warnings})
        return 0
    meta = doc.meta
    print(f"{meta.title}\n  kind: {meta.kind}  date: {meta.date or '-'}  id: {meta.doc_id}")
    for label, value in (
        ("speaker", meta.speaker),
        ("organization", meta.organization),
        ("body", meta.body),
        ("symbol", meta.symbol),
        ("distributed", meta.distribution_date),
        ("committee", meta.committee),
        ("session", meta.session),
        ("agenda item", meta.agenda_item),
        ("agenda title", meta.agenda_title),
        ("origin", meta.origin),
        ("sponsors", ", ".join(meta.sponsors)),
    ):
        if value:
            print(f"  {label}: {value}")
    for warning in doc.warnings:
        print(f"  note: {warning}")
    section = None
    for data in segments:
        if data["section"] != section:
            section = data["section"]
            print(f"\n{section or '(no section)'}")
        flag = "*" if data["inferred_number"] else " "
        text = data["text"].replace("\n", " ")
        print(f"  {data['label']:>9}{flag} {text[:90]}")
    print(f"\n{len(segments)} segments (* number inferred from the sequence)")
    return 0
