"""A typed pinpoint ("80/34 para 5", "resolution 79/40 paragraph 18",
"A/80/604 para. 12") finds that unit.

Delegates type citations the way they read them. The text analyzer would cut
"80/34 para 5" into three numbers that match anything; a document reference
of a document in the catalog followed by a unit pinpoint becomes a filter on
that unit instead (any annex or part that numbers it so), and the rest of the
query is searched as usual. A reference to a document that is not in the
library, or a pinpoint without a document, is left to the ordinary search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from whoosh import query as Q

from briefing_app.core.citation import PARAGRAPH_KINDS, UNIT_KINDS, ordinal
from briefing_app.core.models import (
    DocumentMeta,
)

_BODY = (
    r"(?:(?:the\s+)?(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council"
    r"|GA|SC|HRC)\s+)"
)
_DOCUMENT = (
    rf"{_BODY}?(?:(?:draft\s+)?(?P<word>resolution|res\.?|decision|dec\.?)\s+)?"
    r"(?P<ref>[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?"
    r"|\d{1,3}/\d{1,4}[A-Z]?|\d{3,4}(?:\s*\(\d{4}\))?)"
)
_UNIT = (
    r"(?:(?P<unit>PP|OP|(?:operative|preambular)\s+(?:paragraph|para)|paras?|paragraphs?"
    r"|art|articles?|rec|recommendations?|slides?|tables?|§)\.?\s*(?P<number>\d{1,4})"
    r"(?:\s*\((?P<item>[a-z]{1,4})\))?"
    r"|(?:the\s+)?(?P<ordinal>[a-z]+(?:-[a-z]+)?)\s+preambular\s+paragraph)"
)
#: "80/34 para 5", "resolution 80/34, third preambular paragraph" (as Briefing cites) …
_REFERENCE = re.compile(rf"(?<!\S){_DOCUMENT}\s*,?\s*{_UNIT}(?!\S)", re.I)
#: … and "paragraph 5 of resolution 80/34", as a speech says it.
_UNIT_OF = re.compile(rf"(?<!\S){_UNIT}\s+of\s+(?:the\s+)?{_DOCUMENT}(?!\S)", re.I)
_JOINERS = {"and", "or", "&", ",", ";", "also"}
_PLACES = {ordinal(n): n for n in range(1, 200)}  # "twenty-first" -> 21


def split_pinpoints(text: str, documents: Iterable[DocumentMeta]) -> tuple[str, Q.Query | None]:
    """The query without the pinpoints of known documents, and a filter on the
    units they name (None when the query names no unit of a library document)."""
    if "/" not in text and not re.search(r"\d{3}", text):
        return text, None  # the common case: no document reference at all
    docs = list(documents)
    units: list[Q.Query] = []
    kept: list[str] = []
    at = 0
    for match in _matches(text):
        if match.start() < at:
            continue  # inside one already taken (both orders can read a stretch)
        if match.group("ordinal"):  # "third preambular paragraph", as Briefing cites it
            place = _PLACES.get(match.group("ordinal").lower())
            unit, number = "pp", str(place)
        else:
            place = 0
            unit = match.group("unit").lower().split()[0].rstrip("s")
            number = match.group("number")
        ids = _documents(match.group("word") or "", match.group("ref"), docs)
        if not ids or place is None:
            continue
        kept.append(text[at : match.start()])
        at = match.end()
        kinds = UNIT_KINDS.get(unit, PARAGRAPH_KINDS)
        units.append(
            Q.And(
                [
                    Q.Or([Q.Term("doc_id", doc_id) for doc_id in ids]),
                    Q.Or([Q.Term("kind", str(kind)) for kind in kinds]),
                    Q.Term("number", number),
                ]
            )
        )
    if not units:
        return text, None
    kept.append(text[at:])
    rest = " ".join(" ".join(kept).split())
    if all(word.lower() in _JOINERS for word in rest.split()):
        rest = ""  # "80/34 para 5 and 6 …, para 7": only what joined the pinpoints is left
    return rest, units[0] if len(units) == 1 else Q.Or(units)


def _matches(text: str) -> list[re.Match[str]]:
    """Pinpoints in both orders, in the order they appear."""
    found = [*_REFERENCE.finditer(text), *_UNIT_OF.finditer(text)]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


def with_units(flt: Q.Query | None, units: Q.Query | None) -> Q.Query | None:
    """The filter narrowed to the units the query named."""
    if units is None:
        return flt
    return units if flt is None else Q.And([flt, units])


def _documents(word: str, ref: str, documents: list[DocumentMeta]) -> list[str]:
    """Ids of the library documents a reference names: a full symbol
    ("A/80/604", "A/RES/80/34"), "80/34" or "resolution 79/40" (the symbol's
    RES or DEC number), "resolution 2370 (2017)" (a Council's)."""
    ref = " ".join(ref.upper().split())
    decision = word.lower().startswith("dec")
    if "/" in ref and ref[:1].isalpha():
        return [d.doc_id for d in documents if _symbol(d) == ref]
    if "/" in ref:  # "80/34": a resolution (or, so named, a decision) of that session
        series = "/DEC/" if decision else "/RES/"
        return [d.doc_id for d in documents if _symbol(d).endswith(series + ref)]
    if not word:
        return []  # a bare number is not a document reference
    number = ref.split("(")[0].strip()
    wanted = re.compile(rf"^S/(?:RES|DEC)/{number}(?:\s*\(\d{{4}}\))?$")
    return [d.doc_id for d in documents if wanted.match(_symbol(d))]


def _symbol(doc: DocumentMeta) -> str:
    return " ".join((doc.symbol or "").upper().split())
