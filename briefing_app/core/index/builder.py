"""Incremental builds: files in, one consistent index generation out per commit.

Unchanged files cost a ``stat`` (size + mtime, then the content hash when
those moved); changed files replace their segments; files that disappeared
lose theirs. Work is committed in batches (files, bytes or seconds, whichever
comes first), each batch a complete generation (``generation.py``) and one
Whoosh segment. Batches grow with the run (each about twice what was
committed before it), so a build of any size leaves a handful of segments and
needs no merge pass afterwards (``merging.py`` stays for what incremental
builds add). A kill keeps every finished batch, and the paths of the interrupted run are kept as
``pending`` so the next run (any build, or the first search) finishes them.
A damaged index is detected on open and rebuilt from the documents.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import NO_MERGE

from briefing_app.core.index import state as st
from briefing_app.core.index.catalog import Catalog, Entry
from briefing_app.core.index.crashpoints import crash_point
from briefing_app.core.index.generation import (
    Generation,
    IndexDamaged,
    NotBuilt,
    attach_state,
    deep_check,
    open_current,
    rewrite_state,
    salvage_catalog,
)
from briefing_app.core.index.indexer import Job, Prepared, ingest_all
from briefing_app.core.index.lock import LOCK_NAME, writer_lock
from briefing_app.core.index.merging import merge_to_few, needs_merge
from briefing_app.core.index.schema import SCHEMA_VERSION, make_schema
from briefing_app.core.index.sources import Source, collect_sources
from briefing_app.core.index.vocabulary import Vocabulary
from briefing_app.core.index.writer import FastSegmentWriter
from briefing_app.core.index.zerocopy import install as install_zero_copy
from briefing_app.core.ingest import file_hash, slugify
from briefing_app.core.ingest.filekind import not_regular
from briefing_app.core.models import IndexReport, Skipped
from briefing_app.core.paths import DataHome
from briefing_app.core.progress import Cancelled, Progress

#: The first batch commits after this many bytes, files or seconds
#: (a quick first generation: early results, little lost to a kill) …
FIRST_BATCH_BYTES = 2 << 20
BATCH_FILES = 50
BATCH_SECONDS = 10.0
#: … each later one once it holds this many times what the run committed before
#: it (bytes, files or seconds): 100 MB of speeches make 6 segments, not ~111 …
BATCH_GROWTH = 2.0
#: … but never more than this many bytes: the writer holds a batch's postings
#: in memory (~5 MB per MB of speeches).
BATCH_BYTES = 32 << 20


def build(
    home: DataHome,
    paths: Iterable[os.PathLike[str] | str] = (),
    progress: Progress | None = None,
    *,
    repair: bool = False,
) -> IndexReport:
    """Bring the index up to date with its sources; see the module docstring.

    ``repair``: also read every index file once, and rebuild when one fails.
    """
    progress = progress or Progress()
    started = time.monotonic()
    # The batch searcher and the merge readers read segments in place: Whoosh
    # would copy every segment it opens (a merge at 100 MB peaked at 526 MB, 165 MB so).
    install_zero_copy()
    report = IndexReport()
    index_dir = home.index_dir
    with writer_lock(index_dir):
        gen = _open_for_writing(index_dir, repair, report)
        wanted = [os.path.abspath(Path(p).expanduser()) for p in paths]
        pending = list(dict.fromkeys([*gen.pending, *wanted]))
        if pending != gen.pending:  # remembered before any work: a crash or full disk
            with contextlib.suppress(OSError, st.StateError):  # before the first batch
                rewrite_state(index_dir, gen.number, gen.catalog, pending)  # loses nothing
        sources = collect_sources(home, pending, gen.catalog, report)
        progress.start(len(sources), "checking files")
        try:
            jobs, removed, touched = _plan(sources, gen.catalog, report, progress)
        except Cancelled:
            jobs, removed, touched, report.cancelled = [], [], False, True
        if jobs or removed:
            # Count only the files to read: unchanged ones took no time, and
            # counting them would make a resumed build's estimate absurdly short.
            progress.start(len(jobs), "indexing")
            session = _Session(gen, index_dir, pending)
            _write(session, jobs, removed, report, progress)
        elif touched or (gen.pending and not report.cancelled):
            # New sizes/mtimes of touched-but-unchanged files: a shortcut for
            # the next run, not worth failing over (read-only or full disk).
            left = pending if report.cancelled else []
            with contextlib.suppress(OSError, st.StateError):
                rewrite_state(index_dir, gen.number, gen.catalog, left)
        gen.ix.close()
    report.seconds = time.monotonic() - started
    return report


def _open_for_writing(index_dir: Path, repair: bool, report: IndexReport) -> Generation:
    """The current generation, or a fresh one (first run, new schema, damage)."""
    damage = ""
    try:
        gen = open_current(index_dir)
    except NotBuilt:  # first run, or the table of contents itself was deleted
        return _fresh(index_dir, _salvaged(index_dir))
    except IndexDamaged as exc:
        damage = exc.reason
    else:
        if gen.catalog.schema_version != SCHEMA_VERSION:
            gen.ix.close()
            return _fresh(index_dir, Catalog(schema_version=SCHEMA_VERSION))
        damage = (deep_check(gen.ix) or "") if repair else ""
        if not damage:
            live = {s.segment_id() for s in gen.ix._segments()}
            st.sweep(index_dir, {gen.number, gen.number - 1}, live)  # a crash's leftovers
            return gen
        gen.ix.close()
    report.repaired = damage
    return _fresh(index_dir, _salvaged(index_dir))


def _salvaged(index_dir: Path) -> Catalog:
    """The files the newest readable catalog knew, to be read again under the same ids."""
    old = salvage_catalog(index_dir)
    # Same files, same ids; size -1 forces each to be read again.
    entries = {
        key: Entry(key, -1, 0, "", e.doc_id, None)
        for key, e in old.entries.items()
        if old.schema_version == SCHEMA_VERSION
    }
    return Catalog(SCHEMA_VERSION, entries)


def _fresh(index_dir: Path, catalog: Catalog) -> Generation:
    """An empty index (generation 0 with its state) in place of whatever was there."""
    for child in index_dir.iterdir():
        if child.name == LOCK_NAME:
            continue
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    ix = whoosh_index.create_in(str(index_dir), make_schema(), indexname=st.INDEX_NAME)
    generation = Generation(ix, ix.latest_generation(), catalog, Vocabulary())
    st.write_state(
        index_dir,
        generation.number,
        {"files": {}, "catalog": catalog.to_json(index_dir), "words": {}, "pending": []},
    )
    return generation


def _plan(
    sources: list[Source], catalog: Catalog, report: IndexReport, progress: Progress
) -> tuple[list[Job], list[str], bool]:
    """(files to read, catalog keys to remove, whether any unchanged file's stat moved)."""
    jobs: list[Job] = []
    removed: list[str] = []
    touched = False
    assigned: set[str] = set()  # ids given to files read in this run
    for source in sources:
        progress.check()
        crash_point("checking-files")
        key = source.key or str(source.path.resolve())
        entry = catalog.entries.get(key)
        try:
            stat = source.path.stat()
            reason = not_regular(stat.st_mode)  # decided before anything opens it
            if reason:
                if entry:
                    removed.append(key)
                report.skipped.append(Skipped(str(source.path), reason))
                continue
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
            touched |= not entry.same_stat(stat)
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
    return jobs, removed, touched


class _Session:
    """One writer at a time over the index, committed in batches (each a generation)."""

    def __init__(self, gen: Generation, index_dir: Path, pending: list[str]) -> None:
        self.gen, self.index_dir, self.pending = gen, index_dir, pending
        self.catalog, self.vocabulary = gen.catalog, gen.vocabulary
        # What this run committed so far: the next batch's size follows it.
        self.committed_bytes, self.committed_files, self.committed_seconds = 0, 0, 0.0
        self._open()

    def _open(self) -> None:
        self.searcher = self.gen.ix.searcher()
        self.writer = FastSegmentWriter(self.gen.ix)
        attach_state(self.writer, self.index_dir, self.catalog, self.vocabulary, self.pending)
        self.pending_bytes, self.pending_files = 0, 0
        self.batch_started = time.monotonic()

    def drop(self, doc_id: str) -> None:
        old = [f.get("text", "") for f in self.searcher.documents(doc_id=doc_id)]
        self.vocabulary.add_texts(old, sign=-1)
        self.writer.delete_by_term("doc_id", doc_id)
        self.catalog.documents.pop(doc_id, None)

    def add(self, prepared: Prepared, size: int) -> None:
        for packed in prepared.packed:
            self.writer.add_packed(packed)
        self.vocabulary.counts.update(prepared.words)
        self.pending_bytes += size
        self.pending_files += 1

    def batch_full(self) -> bool:
        grow = BATCH_GROWTH
        bytes_due = min(BATCH_BYTES, max(FIRST_BATCH_BYTES, grow * self.committed_bytes))
        return (
            self.pending_bytes >= bytes_due
            or self.pending_files >= max(BATCH_FILES, grow * self.committed_files)
            or time.monotonic() - self.batch_started
            >= max(BATCH_SECONDS, grow * self.committed_seconds)
        )

    def commit_batch(self) -> None:
        self.commit(merge=False)
        self.committed_bytes += self.pending_bytes
        self.committed_files += self.pending_files
        self.committed_seconds += time.monotonic() - self.batch_started
        self._open()

    def commit(self, merge: bool = True) -> None:
        """Index, catalog and word list move together (one generation).

        ``merge=False`` writes the batch as its own segment without merging
        older ones: batches and a cancel return at once; the last commit of a
        finished build merges down to a few segments (``merging.py``).
        """
        self.searcher.close()
        self.writer.commit(mergetype=merge_to_few if merge else NO_MERGE)
        self.gen.number = self.writer.generation
        live = {s.segment_id() for s in self.gen.ix._segments()}
        st.sweep(self.index_dir, {self.gen.number, self.gen.number - 1}, live)
        crash_point("after-batch")

    def compact(self, progress: Progress) -> None:
        """After a finished build: merge-only commits until few segments remain.

        Optional work: a cancel stops it, a full disk drops the merge in progress.
        """
        while needs_merge(self.gen.ix._segments()):
            try:
                progress.check()
            except Cancelled:
                return
            self._open()
            try:
                self.commit(merge=True)
            except OSError:
                self.abandon()
                return
            except BaseException:
                self.abandon()
                raise

    def abandon(self) -> None:
        """After a failed write (full disk…): drop the batch and its partial files."""
        for step in (self.searcher.close, self.writer.cancel):
            with contextlib.suppress(Exception):  # best effort: the original error is raised
                step()
        live: set[str] = set()
        with contextlib.suppress(Exception):
            live = {s.segment_id() for s in self.gen.ix._segments()}
        st.sweep(self.index_dir, {self.gen.number, self.gen.number - 1}, live)


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
        for chunk in ingest_all(jobs):
            progress.check()  # between chunks: a chunk's postings go with its documents
            base = session.writer.docnum
            for job, result in chunk.items:
                _file_one(session, job, result, report)
                progress.advance(job.source.path.name)
                crash_point("after-file")
            session.writer.add_postings(base, chunk.postings)
            if session.batch_full():
                session.commit_batch()
    except Cancelled:
        report.cancelled = True
    except BaseException:
        session.abandon()
        raise
    if not report.cancelled:
        session.pending.clear()  # nothing left over for the next run
    try:
        session.commit(merge=not report.cancelled)
    except BaseException:
        session.abandon()
        raise
    if not report.cancelled:
        session.compact(progress)


def _file_one(session: _Session, job: Job, result: Prepared | str, report: IndexReport) -> None:
    catalog = session.catalog
    previous = catalog.entries.get(job.key)
    if previous and previous.doc_id:
        session.drop(previous.doc_id)
    entry = Entry(job.key, job.stat.st_size, job.stat.st_mtime_ns, job.content_hash)
    entry.manifest = job.manifest
    catalog.entries[job.key] = entry
    if isinstance(result, str):
        entry.reason = result
        report.skipped.append(Skipped(str(job.source.path), result))
        return
    meta = result.meta
    meta.content_hash = job.content_hash
    meta.source = meta.source or str(job.source.path)
    entry.doc_id = meta.doc_id
    catalog.documents[meta.doc_id] = meta
    session.add(result, job.stat.st_size)
    report.indexed.append(meta.doc_id)
    report.segments += len(result.packed)
