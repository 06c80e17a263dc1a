"""The Whoosh schema: one search document per segment.

Bump ``SCHEMA_VERSION`` whenever a field, the analyzer or the segment model
changes meaning: an index with another version is rebuilt from scratch.
"""

from __future__ import annotations

from typing import Any

from whoosh.analysis import RegexTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from briefing_app.core.index.analysis import text_analyzer

SCHEMA_VERSION = 4

#: Fields offered as filters and facets, as (filter key, index field).
FACET_FIELDS = {
    "kind": "kind",
    "doc": "doc_id",
    "section": "section",
    "year": "year",
    "body": "body",
    "operative": "operative",
    "ref": "refs",
}

#: Separates the ancestor paths stored in ``section_path``.
PATH_SEPARATOR = "\n"


class PreAnalyzedText(TEXT):
    """TEXT that also accepts postings computed elsewhere (by ingest workers).

    ``writer.add_document(text=postings, _stored_text=plain)`` skips analysis
    in the writing process; a plain string is analysed as usual.
    """

    def index(self, value: Any, boost: float = 1.0, **kwargs: Any) -> Any:
        if isinstance(value, list):
            return value
        return super().index(value, boost=boost, **kwargs)


class ColumnID(ID):
    """An ID kept only as a stored value and a sortable column, never indexed.

    For values that are counted and displayed but never searched: no postings
    to write at indexing time.
    """

    indexed = False


def make_schema() -> Schema:
    return Schema(
        segment_id=ID(stored=True, unique=True),
        doc_id=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
        number=ID(stored=True),
        # One term per value (not eight): it is sorted on, never range-searched.
        order=NUMERIC(int, stored=True, sortable=True, shift_step=0),
        # The full heading path, for facets (filters use section_path, which
        # holds every ancestor so that "II. Recommendations" finds its
        # sub-sections); heading holds its words, searched beside the text.
        section=ColumnID(stored=True, sortable=True),
        section_path=KEYWORD(analyzer=RegexTokenizer(r"[^\n]+")),  # type: ignore[arg-type]
        heading=TEXT(analyzer=text_analyzer(), phrase=False),  # type: ignore[arg-type]
        year=ID(sortable=True),
        body=ID(sortable=True),
        operative=ID(stored=True, sortable=True),
        refs=KEYWORD(stored=True, commas=True, lowercase=True),
        text=PreAnalyzedText(analyzer=text_analyzer(), stored=True),  # type: ignore[arg-type]
        display=STORED(),
        inferred=STORED(),
        footnotes=STORED(),
        scope=STORED(),  # numbering scope of annexes and parts: part of the segment id
        items=STORED(),  # sub-item labels "a", "b": "para. 8 (b)"
    )
