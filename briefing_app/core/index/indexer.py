"""Incremental indexing: files in, segments in Whoosh, a catalog beside them.

Unchanged files cost a ``stat`` (size + mtime, then the content hash when
those moved); changed files replace their segments; files that disappeared
lose theirs. Big batches are read by worker processes while this process
writes the index: ingest and Whoosh each keep one core busy.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from briefing_app.core.index.analysis import text_postings
from briefing_app.core.index.catalog import Catalog, Entry
from briefing_app.core.index.lock import LOCK_NAME, writer_lock
from briefing_app.core.index.schema import PATH_SEPARATOR, SCHEMA_VERSION, make_schema
from briefing_app.core.index.vocabulary import Vocabulary, word_counts
from briefing_app.core.index.writer import FastSegmentWriter
from briefing_app.core.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    Manifest,
    file_hash,
    ingest_file,
    load_manifest,
    slugify,
)
from briefing_app.core.ingest.corrections import load_corrections
from briefing_app.core.models import (
    SECTION_SEPARATOR,
    IndexReport,
    IngestedDocument,
    Segment,
    Skipped,
)
from briefing_app.core.paths import DataHome
from briefing_app.core.progress import Cancelled, Progress
from briefing_app.core.resources import corpus_dir

#: Below this many bytes to read, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 4 << 20
#: Commit (and save the catalog) after this many bytes of source files.
BATCH_BYTES = 32 << 20


@dataclass
class Source:
    path: Path
    manifest: Manifest | None
    explicit: bool = False  # named by the user: report unsupported types
    key: str = ""  # the resolved path: the catalog's key for this file


@dataclass
class Job:
    source: Source
    key: str
    stat: os.stat_result
    content_hash: str
    doc_id: str
    manifest: str = ""  # digest of the manifest entry (with corrections) it is read with


def open_or_create(index_dir: Path, catalog: Catalog) -> tuple[Any, Catalog, Vocabulary]:
    """The Whoosh index, its catalog and word list; rebuilt on a version mismatch."""
    if catalog.schema_version == SCHEMA_VERSION and whoosh_index.exists_in(str(index_dir)):
        try:
            return whoosh_index.open_dir(str(index_dir)), catalog, Vocabulary.load(index_dir)
        except Exception:  # a damaged index is rebuilt, never fatal
            pass
    for child in index_dir.iterdir():
        if child.name == LOCK_NAME:
            continue
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    ix = whoosh_index.create_in(str(index_dir), make_schema())
    return ix, Catalog(schema_version=SCHEMA_VERSION), Vocabulary()


def collect_sources(
    home: DataHome, paths: Iterable[os.PathLike[str] | str], catalog: Catalog, report: IndexReport
) -> list[Source]:
    """Bundled corpus, user library, given paths, then everything indexed before."""
    sources: dict[str, Source] = {}
    corrections = load_corrections(home.library_dir)  # the user's, over every manifest

    def add(path: Path, key: str, manifest: Manifest | None, explicit: bool) -> None:
        sources.setdefault(key, Source(path, manifest, explicit, key))

    def walk(folder: Path, explicit: bool) -> None:
        manifest = load_manifest(folder, corrections)
        resolved = folder.resolve()  # once per folder: resolving each file doubles a re-index
        try:
            children = sorted(folder.iterdir())
        except OSError as exc:
            report.skipped.append(Skipped(str(folder), f"cannot read folder: {exc.strerror}"))
            return
        for child in children:
            if child.name.startswith(".") or child.name == "corpus.toml":
                continue
            if child.is_dir():
                walk(child, explicit)
            elif child.suffix.lower() in SUPPORTED_SUFFIXES:
                add(child, str(resolved / child.name), manifest, explicit)
            elif explicit:
                report.skipped.append(Skipped(str(child), _unsupported(child)))

    for folder in (corpus_dir(), home.library_dir):
        if folder.is_dir():
            walk(folder, explicit=folder == home.library_dir)
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            walk(path, explicit=True)
        elif not path.exists():
            report.skipped.append(Skipped(str(path), "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            report.skipped.append(Skipped(str(path), _unsupported(path)))
        else:
            manifest = load_manifest(path.parent, corrections)
            add(path, str(path.resolve()), manifest, True)
    for key in catalog.entries:
        if key not in sources:
            path = Path(key)
            sources[key] = Source(path, load_manifest(path.parent, corrections), key=key)
    return list(sources.values())


def _unsupported(path: Path) -> str:
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    return f"unsupported file type {path.suffix or '(none)'!r} (Briefing reads {kinds})"


def segment_fields(segment: Segment, meta: Any) -> dict[str, Any]:
    """The Whoosh document for one segment."""
    from briefing_app.core.precedents.annotate import annotate

    notes = annotate(segment.text, segment.kind)
    parts = segment.section.split(SECTION_SEPARATOR) if segment.section else []
    ancestors = [SECTION_SEPARATOR.join(parts[: i + 1]) for i in range(len(parts))]
    fields: dict[str, Any] = {
        "segment_id": segment.segment_id,
        "doc_id": segment.doc_id,
        "kind": segment.kind,
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
    fields["operative"] = str(notes.get("operative") or "")
    refs = [str(r) for r in notes.get("refs") or []]
    if refs:
        fields["refs"] = ",".join(refs)
    return fields


@dataclass
class Prepared:
    """A document made ready for the writer: everything but the Whoosh calls."""

    doc: IngestedDocument
    fields: list[dict[str, Any]]
    words: Counter[str]


IngestArgs = tuple[str, Manifest | None, str, str]  # path, manifest, doc_id, content hash


def _ingest(job: IngestArgs) -> Prepared | str:
    """Worker entry point: the prepared document, or a one-line reason it failed."""
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
    fields = [segment_fields(segment, doc.meta) for segment in doc.segments]
    for record in fields:  # analyse here, in the worker: the writer only files postings
        record["_stored_text"] = record["text"]
        record["text"] = text_postings(record["text"])
    return Prepared(doc, fields, word_counts(s.text for s in doc.segments))


def _ingest_all(jobs: list[Job]) -> Iterator[tuple[Job, Prepared | str]]:
    """Ingest in order, in worker processes when the batch is big enough.

    A sliding window of submitted files keeps memory flat when the writer is
    slower than the readers; closing the generator (cancel) drops the rest.
    """
    args = [(str(j.source.path), j.source.manifest, j.doc_id, j.content_hash) for j in jobs]
    total = sum(j.stat.st_size for j in jobs)
    workers = max(1, min((os.cpu_count() or 1), len(jobs)))
    if total < PARALLEL_MIN_BYTES or workers < 2:
        for job, arg in zip(jobs, args, strict=True):
            yield job, _ingest(arg)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # safe beside threads and Qt
    pool = ProcessPoolExecutor(workers, mp_context=context)
    window: deque[tuple[Job, IngestArgs, Future[Prepared | str]]] = deque()
    broken = False

    def collect() -> tuple[Job, Prepared | str]:
        nonlocal broken
        job, arg, future = window.popleft()
        if not broken:
            try:
                return job, future.result()
            except BrokenProcessPool:  # a worker died (out of memory…): go on here
                broken = True
        return job, _ingest(arg)

    try:
        for job, arg in zip(jobs, args, strict=True):
            if broken:
                window.append((job, arg, Future()))
            else:
                window.append((job, arg, pool.submit(_ingest, arg)))
            if len(window) >= workers * 8:
                yield collect()
        while window:
            yield collect()
    finally:
        # Finished: reap the workers. Cancelled: drop the queue, do not wait.
        pool.shutdown(wait=not window, cancel_futures=True)


def build(
    home: DataHome, paths: Iterable[os.PathLike[str] | str] = (), progress: Progress | None = None
) -> IndexReport:
    """Bring the index up to date with its sources; see the module docstring."""
    progress = progress or Progress()
    started = time.monotonic()
    report = IndexReport()
    index_dir = home.index_dir
    with writer_lock(index_dir):
        ix, catalog, vocabulary = open_or_create(index_dir, Catalog.load(index_dir))
        sources = collect_sources(home, paths, catalog, report)
        progress.start(len(sources), "checking files")
        try:
            jobs, removed = _plan(sources, catalog, report, progress)
        except Cancelled:
            jobs, removed, report.cancelled = [], [], True
        if jobs or removed:
            # Count only the files to read: unchanged ones took no time, and
            # counting them would make a resumed build's estimate absurdly short.
            progress.start(len(jobs), "indexing")
            _write(_Session(ix, index_dir, catalog, vocabulary), jobs, removed, report, progress)
        else:
            catalog.save(index_dir)  # new sizes/mtimes of touched-but-unchanged files
        ix.close()
    report.seconds = time.monotonic() - started
    return report


def _plan(
    sources: list[Source], catalog: Catalog, report: IndexReport, progress: Progress
) -> tuple[list[Job], list[str]]:
    jobs: list[Job] = []
    removed: list[str] = []
    assigned: set[str] = set()  # ids given to files read in this run
    for source in sources:
        progress.check()
        key = source.key or str(source.path.resolve())
        entry = catalog.entries.get(key)
        try:
            stat = source.path.stat()
            if entry and entry.same_stat(stat):
                digest = entry.content_hash
            else:
                digest = file_hash(source.path)
        except FileNotFoundError:
            if entry:
                removed.append(key)
            else:
                report.skipped.append(Skipped(str(source.path), "no such file"))
            continue
        except OSError as exc:
            report.skipped.append(Skipped(str(source.path), f"cannot read: {exc.strerror}"))
            continue
        wanted_manifest = source.manifest.digest(key) if source.manifest else ""
        if entry and entry.content_hash == digest and entry.manifest == wanted_manifest:
            entry.size, entry.mtime_ns = stat.st_size, stat.st_mtime_ns
            if entry.reason:
                report.skipped.append(Skipped(str(source.path), entry.reason))
            else:
                report.unchanged += 1
                progress.advance(source.path.name)
            continue
        wanted = entry.doc_id if entry and entry.doc_id else slugify(source.path.stem)
        doc_id = catalog.doc_id_for(key, wanted, assigned)
        assigned.add(doc_id)
        jobs.append(Job(source, key, stat, digest, doc_id, wanted_manifest))
    return jobs, removed


class _Session:
    """One writer at a time over the index, committed in batches."""

    def __init__(self, ix: Any, index_dir: Path, catalog: Catalog, vocabulary: Vocabulary):
        self.ix, self.index_dir = ix, index_dir
        self.catalog, self.vocabulary = catalog, vocabulary
        self.searcher = ix.searcher()
        self.writer = FastSegmentWriter(ix)
        self.pending_bytes = 0

    def drop(self, doc_id: str) -> None:
        old = [f.get("text", "") for f in self.searcher.documents(doc_id=doc_id)]
        self.vocabulary.add_texts(old, sign=-1)
        self.writer.delete_by_term("doc_id", doc_id)
        self.catalog.documents.pop(doc_id, None)

    def add(self, prepared: Prepared, size: int) -> None:
        for fields in prepared.fields:
            self.writer.add_document(**fields)
        self.vocabulary.counts.update(prepared.words)
        self.pending_bytes += size
        if self.pending_bytes >= BATCH_BYTES:
            self.commit(merge=False)
            self.searcher = self.ix.searcher()
            self.writer = FastSegmentWriter(self.ix)
            self.pending_bytes = 0

    def commit(self, merge: bool = True) -> None:
        """Index, catalog and word list move together: a cancel keeps finished work.

        ``merge=False`` writes the batch as its own segment without merging
        older ones: batches and a cancel return at once; the last commit of a
        finished build merges.
        """
        self.searcher.close()
        self.writer.commit(merge=merge)
        self.catalog.save(self.index_dir)
        self.vocabulary.save(self.index_dir)


def _write(
    session: _Session, jobs: list[Job], removed: list[str], report: IndexReport, progress: Progress
) -> None:
    catalog = session.catalog
    try:
        for key in removed:
            entry = catalog.entries.pop(key)
            if entry.doc_id:
                session.drop(entry.doc_id)
                report.removed.append(entry.doc_id)
        for job, result in _ingest_all(jobs):
            progress.check()
            previous = catalog.entries.get(job.key)
            if previous and previous.doc_id:
                session.drop(previous.doc_id)
            entry = Entry(job.key, job.stat.st_size, job.stat.st_mtime_ns, job.content_hash)
            entry.manifest = job.manifest
            catalog.entries[job.key] = entry
            if isinstance(result, str):
                entry.reason = result
                report.skipped.append(Skipped(str(job.source.path), result))
            else:
                meta = result.doc.meta
                meta.content_hash = job.content_hash
                meta.source = meta.source or str(job.source.path)
                entry.doc_id = meta.doc_id
                catalog.documents[meta.doc_id] = meta
                session.add(result, job.stat.st_size)
                report.indexed.append(meta.doc_id)
                report.segments += len(result.fields)
            progress.advance(job.source.path.name)
    except Cancelled:
        report.cancelled = True
    finally:
        session.commit(merge=not report.cancelled)
