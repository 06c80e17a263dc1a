"""Reading files for the index: one file in, Whoosh documents and word counts out.

Big batches are read by worker processes while the build (``builder.py``)
writes the index: ingest and Whoosh each keep one core busy.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_app.core.index.analysis import WORD_RE, text_postings
from briefing_app.core.index.packing import FilePostings, Grouped, Packed, flatten, pack
from briefing_app.core.index.schema import PATH_SEPARATOR
from briefing_app.core.index.sources import Source
from briefing_app.core.index.vocabulary import distinct_words, fold_counts
from briefing_app.core.ingest import IngestError, Manifest, ingest_file
from briefing_app.core.models import SECTION_SEPARATOR, DocumentMeta, Segment

#: Below this many bytes to read, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 4 << 20
#: A worker's task: consecutive files up to this many bytes or files (a
#: quarter-second of reading; terms shared by its files are filed once) …
CHUNK_BYTES, CHUNK_FILES = 256 << 10, 32
#: … and this many tasks in flight per worker.
CHUNKS_AHEAD = 3


@dataclass
class Job:
    source: Source
    key: str
    stat: os.stat_result
    content_hash: str
    doc_id: str
    manifest: str = ""  # digest of the manifest entry (with corrections) it is read with


def segment_fields(segment: Segment, meta: Any) -> dict[str, Any]:
    """The Whoosh document for one segment."""
    from briefing_app.core.annotation.annotate import annotate

    notes = annotate(segment.text, segment.kind)
    parts = segment.section.split(SECTION_SEPARATOR) if segment.section else []
    ancestors = [SECTION_SEPARATOR.join(parts[: i + 1]) for i in range(len(parts))]
    fields: dict[str, Any] = {
        "segment_id": segment.segment_id,
        "doc_id": segment.doc_id,
        "kind": str(segment.kind),  # a plain string in the index, never the enum
        "number": segment.number,
        "order": segment.order,
        "section": segment.section,
        "text": segment.text,
        # Stored only when it differs from the text: halves the stored bytes.
        "display": segment.display if segment.display != segment.text else "",
        "inferred": segment.inferred_number,
        "footnotes": list(segment.footnotes),
        "scope": segment.scope,
        "items": list(segment.items),
    }
    if ancestors:
        fields["section_path"] = PATH_SEPARATOR.join(ancestors)
        fields["heading"] = segment.section
    # Every sortable field gets a value (possibly empty) in every document:
    # Whoosh's columns misread a segment whose last documents lack one.
    fields["year"] = str(meta.year) if meta.year else ""
    fields["body"] = meta.body or ""
    fields["operative"] = notes.operative or ""
    if notes.refs:
        fields["refs"] = ",".join(notes.refs)
    return fields


@dataclass
class Prepared:
    """A document made ready for the writer: everything but filing its postings.

    Only what the writing process needs crosses the process boundary: the
    metadata, the packed Whoosh documents and the word counts. The postings
    travel per :class:`Chunk`.
    """

    meta: DocumentMeta
    packed: list[Packed]
    #: Folded words, each once per passage containing it: the writing process
    #: counts a list in C (``Counter.update``) where a Counter is merged in Python.
    words: list[str]


@dataclass
class Chunk:
    """Consecutive files read by one task, with their postings grouped together.

    A term shared by the chunk's files is filed once per chunk, not once per
    file, and one task per chunk costs less to submit and unpickle than a
    task per file. Passages are numbered across the chunk's prepared files,
    in order, so the writer files ``postings`` after the chunk's documents.
    """

    items: list[tuple[Job, Prepared | str]]
    postings: FilePostings


IngestArgs = tuple[str, Manifest | None, str, str]  # path, manifest, doc_id, content hash


def _ingest(job: IngestArgs, first: int = 0, grouped: Grouped | None = None) -> Prepared | str:
    """One file: the prepared document, or a one-line reason it failed.

    Its passages are numbered from ``first`` and their postings go to ``grouped``.
    """
    path, manifest, doc_id, digest = job
    try:
        doc = ingest_file(Path(path), manifest, doc_id=doc_id, content_hash=digest)
    except IngestError as exc:
        return str(exc) or "cannot read this file"
    except MemoryError:
        return "too large to read"
    except Exception as exc:  # the run goes on; the user gets one line
        return f"unexpected error while reading ({type(exc).__name__}: {exc})"
    if not doc.segments:
        return "no text found"
    doc.meta.doc_id = doc_id
    for segment in doc.segments:
        segment.doc_id = doc_id
    words: Counter[str] = Counter()
    grouped = {} if grouped is None else grouped
    packed = [_packed(s, first + n, doc.meta, words, grouped) for n, s in enumerate(doc.segments)]
    return Prepared(doc.meta, packed, list(fold_counts(words).elements()))


def _ingest_chunk(jobs: list[IngestArgs]) -> tuple[list[Prepared | str], FilePostings]:
    """Worker entry point: consecutive files, their postings grouped together."""
    grouped: Grouped = {}
    results: list[Prepared | str] = []
    first = 0
    for job in jobs:
        result = _ingest(job, first, grouped)
        if not isinstance(result, str):
            first += len(result.packed)
        results.append(result)
    return results, flatten(grouped)


def _packed(
    segment: Segment, passage: int, meta: DocumentMeta, words: Counter[str], grouped: Grouped
) -> Packed:
    """The segment's Whoosh document, analysed here, in the worker (``packing.py``).

    Adds the segment's words to ``words`` (``vocabulary.word_counts`` before
    folding) from the same pass over the text, and its postings to ``grouped``.
    """
    record = segment_fields(segment, meta)
    found = WORD_RE.findall(segment.text)
    words.update(distinct_words(found))
    record["_stored_text"] = segment.text
    record["text"] = text_postings(segment.text, found)
    return pack(record, passage, grouped)


def _chunked(jobs: list[Job], size: int, files: int) -> list[list[Job]]:
    """Consecutive jobs in groups of about ``size`` bytes, at most ``files`` each."""
    chunks: list[list[Job]] = []
    current: list[Job] = []
    held = 0
    for job in jobs:
        current.append(job)
        held += job.stat.st_size
        if held >= size or len(current) >= files:
            chunks.append(current)
            current, held = [], 0
    if current:
        chunks.append(current)
    return chunks


def _args(chunk: list[Job]) -> list[IngestArgs]:
    return [(str(j.source.path), j.source.manifest, j.doc_id, j.content_hash) for j in chunk]


def _local(chunk: list[Job]) -> Chunk:
    results, postings = _ingest_chunk(_args(chunk))
    return Chunk(list(zip(chunk, results, strict=True)), postings)


def ingest_all(jobs: list[Job]) -> Iterator[Chunk]:
    """Ingest in order, in worker processes when the batch is big enough.

    Small runs go a file per chunk, in this process. A sliding window of
    submitted chunks keeps memory flat when the writer is slower than the
    readers; closing the generator (cancel) drops the rest.
    """
    total = sum(j.stat.st_size for j in jobs)
    workers = max(1, min((os.cpu_count() or 1), len(jobs)))
    if total < PARALLEL_MIN_BYTES or workers < 2:
        for job in jobs:
            yield _local([job])
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # safe beside threads and Qt
    pool = ProcessPoolExecutor(workers, mp_context=context)
    window: deque[tuple[list[Job], Future[Any]]] = deque()
    broken = False

    def collect() -> Chunk:
        nonlocal broken
        chunk, future = window.popleft()
        if not broken:
            try:
                results, postings = future.result()
                return Chunk(list(zip(chunk, results, strict=True)), postings)
            except BrokenProcessPool:  # a worker died (out of memory…): go on here
                broken = True
        return _local(chunk)

    try:
        for chunk in _chunked(jobs, CHUNK_BYTES, CHUNK_FILES):
            if broken:
                window.append((chunk, Future()))
            else:
                window.append((chunk, pool.submit(_ingest_chunk, _args(chunk))))
            if len(window) >= workers * CHUNKS_AHEAD:
                yield collect()
        while window:
            yield collect()
    finally:
        # Finished: reap the workers. Cancelled: drop the queue, do not wait.
        pool.shutdown(wait=not window, cancel_futures=True)
