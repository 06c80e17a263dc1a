"""A Whoosh segment writer without the external sort.

Whoosh's ``SegmentWriter`` puts every posting in a ``PostingPool`` as a
5-tuple, spills runs to disk with pickle once its (over-)estimate passes
``limitmb`` (about 700,000 postings at 128 MB, i.e. every ~5 MB of
speeches), then sorts and merges the runs, and while writing reads each
posting's document length back from the column it just wrote. Profiled on
10 MB of speeches, those steps were over half of the writer's time.

Documents arrive in docnum order, so postings grouped per term as they come
are already sorted by docnum: only the distinct terms need sorting at the
end. Lengths are remembered as they are written. The files produced are the
ordinary Whoosh 3 codec's, byte for byte the same kind of index.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.codec.whoosh3 import STORED_COLUMN
from whoosh.columns import VarBytesColumn
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from briefing_app.core.index.blocks import write_postings
from briefing_app.core.index.packing import FilePostings, Packed

#: Postings kept per term: docnums, weights, the value bytes end to end and
#: where each ends (~16 bytes a posting instead of ~130 for a tuple).
_Entry = tuple[array, array, bytearray, array]


class GroupedPool:
    """Postings grouped by (field, term); replaces Whoosh's ``PostingPool``."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, bytes], _Entry] = {}
        self.fieldnames: set[str] = set()
        self.unsorted = False

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        key = (fieldname, tbytes)
        entry = self.terms.get(key)
        if entry is None:
            entry = self.terms[key] = (array("i"), array("f"), bytearray(), array("I"))
            self.fieldnames.add(fieldname)
        elif entry[0][-1] >= docnum:
            self.unsorted = True  # not expected; handled at the end
        entry[0].append(docnum)
        entry[1].append(weight)
        values = entry[2]
        if vbytes:
            values += vbytes
        entry[3].append(len(values))

    def add_file(self, base: int, postings: FilePostings) -> None:
        """A file's postings (``packing.py``), its passages numbered from ``base``."""
        terms, fieldnames = self.terms, self.fieldnames
        passages, weights, ends = postings.passages, postings.weights, postings.ends
        data = memoryview(postings.values)
        at = start = 0  # first posting of the term; where its first value starts
        for key, count in zip(postings.keys, postings.counts, strict=True):
            entry = terms.get(key)
            if entry is None:
                entry = terms[key] = (array("i"), array("f"), bytearray(), array("I"))
                fieldnames.add(key[0])
            elif entry[0][-1] >= base:
                self.unsorted = True
            docs, term_weights, joined, term_ends = entry
            stop = at + count
            end = ends[stop - 1]
            if count == 1:
                docs.append(base + passages[at])
                term_weights.append(weights[at])
                joined += data[start:end]
                term_ends.append(len(joined))
            else:
                docs.extend(map(base.__add__, passages[at:stop]))
                term_weights.extend(weights[at:stop])
                shift = len(joined) - start
                joined += data[start:end]
                term_ends.extend(map(shift.__add__, ends[at:stop]))
            at, start = stop, end

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        for key in sorted(self.terms):
            docs, weights, joined, ends = self.terms[key]
            data = bytes(joined)
            values = [data[a:b] for a, b in zip((0, *ends), ends, strict=False)]
            rows: Any = zip(docs, weights, values, strict=True)
            if self.unsorted:
                rows = sorted(rows, key=lambda row: row[0])
            fieldname, tbytes = key
            for docnum, weight, value in rows:
                yield fieldname, tbytes, docnum, weight, value

    def cleanup(self) -> None:
        self.terms.clear()


class _Lengths:
    """Field lengths of the segment being written, as the length column reads them."""

    def __init__(self) -> None:
        self.by_field: dict[str, dict[int, int]] = {}

    def record(self, fieldname: str, docnum: int, length: int) -> None:
        column = self.by_field.get(fieldname)
        if column is None:
            column = self.by_field[fieldname] = {}
        column[docnum] = byte_to_length(length_to_byte(length))

    def doc_field_length_reader(self, fieldname: str, default: int = 0) -> Any:
        column = self.by_field.get(fieldname)
        if column is None:
            return lambda docnum: default
        return column.get  # absent -> None, like the column reader

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> Any:
        return self.doc_field_length_reader(fieldname, default)(docnum)


class FastSegmentWriter(SegmentWriter):
    """``SegmentWriter`` with a :class:`GroupedPool` and in-memory lengths.

    ``limitmb`` no longer bounds the pool: the indexer bounds memory by
    committing every few megabytes of text instead.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool.cleanup()
        self.pool = GroupedPool()
        self._lengths = _Lengths()
        perdoc = self.perdocwriter
        original = perdoc.add_field
        record = self._lengths.record

        def add_field(fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
            if length:
                record(fieldname, perdoc._docnum, length)
            original(fieldname, fieldobj, value, length)

        perdoc.add_field = add_field

    def add_packed(self, packed: Packed) -> None:
        """``add_document`` for a document analysed in a worker (``packing.py``),
        but for its postings: ``add_postings`` files those of a whole file."""
        self._check_state()
        perdoc, schema, docnum = self.perdocwriter, self.schema, self.docnum
        columns = perdoc._colwriters  # ``add_column_value`` without its two lookups
        fields, stored = packed
        perdoc.start_doc(docnum)
        for fieldname, length, cv in fields:
            field = schema[fieldname]
            if length:
                perdoc.add_field(fieldname, field, None, length)  # the length column
            if cv is not None:
                column = columns.get(fieldname)
                if column is None:
                    perdoc._create_column(fieldname, field.column_type)
                    column = columns[fieldname]
                column.add(docnum, cv)
        if stored is not None:
            if not perdoc._has_column("_stored"):
                perdoc._create_column("_stored", STORED_COLUMN)
            # Already pickled and compressed: straight to the bytes under both wrappers.
            VarBytesColumn.Writer.add(perdoc._get_column("_stored")._child, docnum, stored)
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def add_postings(self, base: int, postings: FilePostings) -> None:
        """The postings of the passages just added with ``add_packed`` from ``base`` on."""
        self.pool.add_file(base, postings)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        if self.pool.unsorted:  # not expected: Whoosh's own loop sorts it out
            postings = self.pool.iter_postings()
            self.fieldwriter.add_postings(self.schema, self._lengths, postings)
        else:
            write_postings(self.fieldwriter, self.schema, self.pool.terms, self._lengths)
        self.fieldwriter.close()

    #: Called as ``before_toc(segments, generation)`` once the segment files are
    #: complete and before the table of contents commits them (``generation.py``).
    before_toc: Any = None

    def _commit_toc(self, segments: list[Any]) -> None:
        from whoosh.index import TOC, clean_files

        from briefing_app.core.index.crashpoints import crash_point

        if self.before_toc is not None:
            self.before_toc(segments, self.generation)
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        crash_point("after-index-commit")
        clean_files(self.storage, self.indexname, self.generation, segments)
