"""Facet tables saved beside their index generation, so opening loads them in ms.

Building ``FacetTables`` reads every document's facet columns (0.5 s at
100 MB); they depend only on the generation, so the first reader that builds
them writes them to ``facets-<generation>.bin`` (atomically: temp file, then
rename) and later openings read them back with ``int.from_bytes`` and
``array.frombytes``. The file names its generation, and its header holds a
signature of the reader it was built from (segment ids, sizes and live
documents), a format number and a CRC of the payload: a stale, foreign or
damaged file is ignored and the tables are built again. Writing is best
effort: a read-only data folder just keeps the tables in memory. Old files
go with their generation (``state.sweep``).
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

from briefing_app.core.index.docsets import DocSets
from briefing_app.core.index.facets import FacetTables, _RefTable, _Runs
from briefing_app.core.index.state import facets_name

FORMAT = 1
MAGIC = b"BRFACETS"
_HEAD = struct.Struct("<8sII")  # magic, header length, CRC of header + payload


def signature(reader: Any, docsets: DocSets) -> str:
    """What the tables were built from: each segment's id and size, and the live set."""
    parts = []
    for leaf, offset in reader.leaf_readers():
        segment = leaf.segment() if hasattr(leaf, "segment") else None
        sid = segment.segment_id() if segment is not None else "?"
        parts.append(f"{sid}:{offset}:{leaf.doc_count_all()}:{leaf.doc_count()}")
    live = docsets.live.to_bytes((docsets.size + 7) // 8, "little")
    return f"{','.join(parts)}|{docsets.size}|{zlib.crc32(live):08x}"


def load(index_dir: Path, generation: int, reader: Any, docsets: DocSets) -> FacetTables | None:
    """The saved tables of this generation and reader, or None (missing, stale, damaged)."""
    try:
        data = (Path(index_dir) / facets_name(generation)).read_bytes()
        return _decode(data, generation, signature(reader, docsets), reader, docsets)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, struct.error):
        return None


def save(index_dir: Path, generation: int, tables: FacetTables) -> bool:
    """Write the (finished) tables; False when the folder is not writable."""
    target = Path(index_dir) / facets_name(generation)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        payload = _encode(tables, generation, signature(tables.reader, tables.docsets))
        with open(temp, "wb") as handle:
            handle.write(payload)
        os.replace(temp, target)
        return True
    except (OSError, ValueError, OverflowError):  # optional: never fails a search
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        return False


def _encode(tables: FacetTables, generation: int, sig: str) -> bytes:
    nbytes = (tables.docsets.size + 7) // 8
    blobs: list[bytes] = []
    few = {}
    for key, by_value in tables.value_bits.items():
        few[key] = list(by_value)
        blobs.extend(bits.to_bytes(nbytes, "little") for bits in by_value.values())
    arrays: list[array[int]] = []
    for runs in tables.columns.values():
        arrays += [array("I", runs.starts), array("I", runs.ends)]
    refs = tables.refs
    arrays += [array("I", refs.starts), array("I", refs.ends), refs.docs]
    blobs.extend(a.tobytes() for a in arrays)
    header = {
        "format": FORMAT,
        "generation": generation,
        "signature": sig,
        "byteorder": sys.byteorder,
        "nbytes": nbytes,
        "few": few,
        "columns": {key: runs.names for key, runs in tables.columns.items()},
        "refs": refs.names,
        "arrays": [len(a) for a in arrays],
    }
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    body = head + b"".join(blobs)
    return _HEAD.pack(MAGIC, len(head), zlib.crc32(body)) + body


def _decode(
    data: bytes, generation: int, sig: str, reader: Any, docsets: DocSets
) -> FacetTables | None:
    magic, head_len, crc = _HEAD.unpack_from(data)
    body = memoryview(data)[_HEAD.size :]
    if magic != MAGIC or zlib.crc32(body) != crc:
        return None
    header = json.loads(bytes(body[:head_len]))
    if (
        header.get("format") != FORMAT
        or header.get("generation") != generation
        or header.get("signature") != sig
        or header.get("byteorder") != sys.byteorder
    ):
        return None
    tables = FacetTables.empty(reader, docsets)
    pos, nbytes = head_len, header["nbytes"]
    for key, values in header["few"].items():
        by_value = {}
        for value in values:
            by_value[value] = int.from_bytes(body[pos : pos + nbytes], "little")
            pos += nbytes
        tables.value_bits[key] = by_value
    arrays = []
    for count in header["arrays"]:
        a = array("I")
        a.frombytes(body[pos : pos + count * a.itemsize])
        pos += count * a.itemsize
        arrays.append(a)
    if pos != len(body):
        return None
    for i, (key, names) in enumerate(header["columns"].items()):
        runs = _Runs([])
        runs.starts, runs.ends = arrays[2 * i].tolist(), arrays[2 * i + 1].tolist()
        runs.names = names
        if not len(runs.starts) == len(runs.ends) == len(names):
            return None
        tables.columns[key] = runs
    ref_table = _RefTable()
    ref_table.names = header["refs"]
    ref_table.starts, ref_table.ends = arrays[-3].tolist(), arrays[-2].tolist()
    ref_table.docs = arrays[-1]
    if not len(ref_table.starts) == len(ref_table.ends) == len(ref_table.names):
        return None
    tables.refs = ref_table
    return tables
