"""``kind:resolution`` and ``--kind report``: document kinds beside unit kinds.

The index's ``kind`` field holds the unit kind (operative, paragraph, ...);
a delegate typing ``kind:resolution`` means the document. A document kind in
the query (``kind:`` or ``type:``) or in the kind filter becomes a filter on
the documents of that kind; a value that is neither is refused with the list
of kinds, never a silent 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from briefing_app.core.models import DOCUMENT_KINDS, SEGMENT_KINDS, DocumentMeta

_KIND_TOKEN = re.compile(r"^(?:kind|type):(\S+)$", re.I)
_UNIT_KINDS = {str(k) for k in SEGMENT_KINDS}


def split_document_kinds(
    text: str, filters: Mapping[str, Any] | None, documents: Iterable[DocumentMeta]
) -> tuple[str, dict[str, Any] | None, list[str] | None]:
    """The query and filters without document kinds, and the ids of the documents
    of those kinds (None when no document kind was asked for).

    Raises ValueError on a kind that is neither a unit kind nor a document kind."""
    wanted: set[str] = set()
    kept = []
    for token in text.split():
        match = _KIND_TOKEN.match(token)
        value = match.group(1).lower() if match else ""
        if match and value in DOCUMENT_KINDS:
            wanted.add(value)
            continue
        if match and (token.lower().startswith("type:") or value not in _UNIT_KINDS):
            raise ValueError(_unknown(value))
        kept.append(token)
    rest = dict(filters) if filters else None
    if rest and rest.get("kind"):
        values = rest["kind"] if isinstance(rest["kind"], list | tuple | set) else [rest["kind"]]
        for v in values:
            if str(v).lower() not in DOCUMENT_KINDS and str(v) not in _UNIT_KINDS:
                raise ValueError(_unknown(str(v)))
        doc_values = {str(v).lower() for v in values} & set(DOCUMENT_KINDS)
        wanted |= doc_values
        unit_values = [v for v in values if str(v).lower() not in doc_values]
        rest["kind"] = unit_values or None
    if not wanted:
        return text, rest, None
    ids = [doc.doc_id for doc in documents if doc.kind in wanted]
    return " ".join(kept), rest, ids


def _unknown(value: str) -> str:
    return (
        f"unknown kind {value!r}: units are {', '.join(sorted(_UNIT_KINDS))}; "
        f"documents are {', '.join(DOCUMENT_KINDS)}"
    )
