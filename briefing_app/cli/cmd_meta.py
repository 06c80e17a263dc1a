"""`briefing meta DOC_ID [--title …]`: show or correct a document's metadata.

Corrections are kept in the library manifest and survive re-indexing. An
empty value (``--speaker ""``) blanks a field; ``--reset FIELD`` drops a
correction and brings back what the document itself says.
"""

from __future__ import annotations

import argparse

from briefing_app.cli.output import add_json_flag, fail, print_json
from briefing_app.core.ingest.corrections import EDITABLE_FIELDS

#: Fields with a CLI option, as ``--cite-as`` for ``cite_as``.
_OPTIONS = EDITABLE_FIELDS


def register(sub: argparse._SubParsersAction) -> None:
    from briefing_app.core.models import DOCUMENT_KINDS

    parser = sub.add_parser(
        "meta",
        help="show or correct a document's title, kind, date, body, speaker…",
        description="Show a document's metadata, or correct it with the options below. "
        "Corrections are kept in your library's manifest and survive re-indexing. "
        'An empty value (--speaker "") blanks a field; --reset FIELD brings back '
        "the document's own value.",
    )
    parser.add_argument(
        "doc_id", metavar="DOC_ID", help="the document's id (see `briefing search`)"
    )
    for name in _OPTIONS:
        flag = "--" + name.replace("_", "-")
        extra = {
            "date": " (ISO: YYYY-MM-DD; a resolution's adoption date)",
            "distribution_date": " (ISO: YYYY-MM-DD)",
            "kind": f" ({', '.join(DOCUMENT_KINDS)})",
        }.get(name, "")
        parser.add_argument(
            flag, dest=name, metavar="TEXT", help=f"correct the {name.replace('_', ' ')}{extra}"
        )
    parser.add_argument(
        "--reset",
        action="append",
        default=[],
        choices=[*_OPTIONS, "all"],
        metavar="FIELD",
        help="drop your correction of FIELD (or all): the document's own value comes back",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing_app.cli.library_access import library_or_fail
    from briefing_app.core.index.lock import IndexBusy
    from briefing_app.core.ingest.corrections import CorrectionError
    from briefing_app.core.progress import stderr_progress

    changes: dict[str, str | None] = {
        name: getattr(args, name) for name in _OPTIONS if getattr(args, name) is not None
    }
    resets = _OPTIONS if "all" in args.reset else args.reset
    changes.update({name: None for name in resets if name not in changes})
    with library_or_fail(args, errors=()) as library:
        meta = library.document(args.doc_id)
        if meta is None:
            return fail(_unknown(args.doc_id, [d.doc_id for d in library.documents()]))
        if changes:
            try:
                meta = library.correct(args.doc_id, changes, progress=stderr_progress())
            except CorrectionError as exc:
                return fail(str(exc))
            except KeyError:
                return fail(f"{args.doc_id}: the document could not be read again")
            except IndexBusy as exc:
                return fail(f"{exc}; your correction is saved and the next index run applies it")
            except OSError as exc:
                return fail(f"cannot save the correction: {exc.strerror or exc}")
        corrected = library.corrections(args.doc_id)
    if args.json:
        print_json({**meta.to_json(), "corrected": sorted(corrected)})
        return 0
    print(meta.title)
    for name in ("doc_id", *_OPTIONS, "source"):
        value = getattr(meta, name, None)
        if value or name in corrected:
            mark = "  (corrected)" if name in corrected else ""
            print(f"  {name}: {value or '-'}{mark}")
    return 0


def _unknown(doc_id: str, known: list[str]) -> str:
    import difflib

    close = [k for k in known if doc_id in k][:3] or difflib.get_close_matches(doc_id, known, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return f"no document with id '{doc_id}'{hint}"
