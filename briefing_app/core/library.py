"""The one object the CLI and the window talk to: a user's searchable library.

CONTRACT (implemented by the index/search work; signatures are fixed):

    lib = Library(home=None)                      # DataHome.resolve(home)
    lib.build(paths=(), progress=None) -> IndexReport
        ingest the bundled corpus, the user library folder and any extra
        paths (files or folders); incremental by content hash.
    lib.add(files, progress=None) -> IndexReport  # copy into library_dir, index
    lib.search(query, *, filters=None, limit=20, highlight=True) -> SearchResult
        filters: {"kind": ..., "doc": doc_id, "section": ..., "year": "2021",
                  "body": ..., plus precedents' "operative"/"ref"}
    lib.similar(text=None, *, segment_id=None, limit=10) -> SearchResult
    lib.segment(segment_id) -> Segment | None
    lib.document(doc_id) -> DocumentMeta | None
    lib.document_segments(doc_id) -> list[Segment]   # in reading order
    lib.documents() -> list[DocumentMeta]
    lib.facets() -> dict[str, dict[str, int]]        # over the whole library
    lib.is_built() -> bool
    lib.corrections(doc_id) -> dict[str, str]       # the user's metadata corrections
    lib.correct(doc_id, changes, progress=None) -> DocumentMeta
        save corrections (title, kind, date, body, speaker, …; "" blanks a
        field, None drops a correction) in the library manifest and re-index
        that document; raises CorrectionError (bad value) or KeyError
        (unknown document). ``lib.save_corrections(doc_id, changes)`` only
        saves them (the next index run applies them).
    lib.close()

Additions (keyword-only, defaults keep the contract): ``Library(home,
cache=True)`` (an LRU of recent results, dropped when the index changes) and
``search(..., facets=True)``; ``facets=False`` skips the facet counts, the
costliest part of a query on a big library, and then ``total`` is exact for
small result sets and estimated for large ones.

Snippets are HTML-escaped text in which matched words are wrapped in
``<b>…</b>``; fragments are joined with " … ".
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefing_app.core.models import DocumentMeta, IndexReport, SearchResult, Segment, Skipped
from briefing_app.core.paths import DataHome
from briefing_app.core.progress import Progress

PathLike = os.PathLike[str] | str


class Library:
    """Facade over the indexer (write side) and the search engine (read side)."""

    def __init__(self, home: PathLike | None = None, *, cache: bool = True) -> None:
        from briefing_app.core.index.searcher import SearchEngine

        self.home = DataHome.resolve(home)
        self.engine = SearchEngine(self.home, cache=cache)

    # -- writing ---------------------------------------------------------------
    def build(
        self,
        paths: Iterable[PathLike] = (),
        progress: Progress | None = None,
        *,
        repair: bool = False,
    ) -> IndexReport:
        """``repair=True`` also reads every index file once and rebuilds what fails."""
        from briefing_app.core.index.builder import build

        self.engine.close()
        self.home.ensure()
        report = build(self.home, paths, progress, repair=repair)
        self.engine.close()
        if report.indexed or report.removed or report.repaired:
            self._save_facet_tables()
        return report

    def _save_facet_tables(self) -> None:
        """Leave the new generation's facet tables on disk (``facet_store``), built here
        in the indexing process, so the window's first facet counts load them in a few
        milliseconds instead of building them (0.3–0.6 s at 100 MB). Only a speed-up:
        an index that cannot be read or a folder that cannot be written changes nothing."""
        from briefing_app.core.index.generation import IndexDamaged, NotBuilt

        try:
            with reading():
                self.engine.save_facet_tables()
        except (IndexDamaged, NotBuilt, OSError):
            pass
        finally:
            self.engine.close()

    def add(self, files: Iterable[PathLike], progress: Progress | None = None) -> IndexReport:
        """Copy files into the user library (never touching the originals) and index."""
        from briefing_app.core.ingest import SUPPORTED_SUFFIXES, file_hash
        from briefing_app.core.ingest.filekind import regular_file_problem

        self.home.ensure()
        early: list[Skipped] = []
        copies: dict[str, Path] = {}
        for raw in files:
            source = Path(raw).expanduser()
            problem = regular_file_problem(source)  # a FIFO or device is never opened
            if problem:
                early.append(Skipped(str(source), problem))
                continue
            if source.suffix.lower() not in SUPPORTED_SUFFIXES:
                early.append(Skipped(str(source), f"unsupported file type {source.suffix!r}"))
                continue
            try:
                target = _free_name(self.home.library_dir, source, file_hash(source))
                if not target.exists():
                    _copy_whole(source, target)
            except OSError as exc:
                early.append(Skipped(str(source), f"cannot copy: {exc.strerror or exc}"))
                continue
            copies[str(target.resolve())] = source
        report = self.build(progress=progress)
        # A copy that cannot be indexed would fail on every run: take it back out.
        for skipped in report.skipped:
            original = copies.get(str(Path(skipped.path).resolve()))
            if original is not None:
                Path(skipped.path).unlink(missing_ok=True)
                skipped.path = str(original)
        report.skipped[:0] = early
        return report

    def correct(
        self, doc_id: str, changes: Mapping[str, Any], progress: Progress | None = None
    ) -> DocumentMeta:
        """Correct a document's metadata; it survives re-indexing (library manifest)."""
        self.save_corrections(doc_id, changes)
        self.build(progress=progress)
        meta = self.document(doc_id)
        if meta is None:  # the file could not be read again (moved, damaged)
            raise KeyError(doc_id)
        return meta

    def save_corrections(self, doc_id: str, changes: Mapping[str, Any]) -> dict[str, str]:
        """Write corrections to the library manifest without re-indexing (the next
        index run applies them: the window runs it in a child process)."""
        from briefing_app.core.ingest.corrections import save_corrections, validate

        clean = validate(changes)  # refuse bad values before touching anything
        source = self._source_of(doc_id)
        self.home.ensure()
        return save_corrections(self.home.library_dir, source, clean)

    def corrections(self, doc_id: str) -> dict[str, str]:
        """The fields of this document the user corrected, with their values."""
        from briefing_app.core.ingest.corrections import corrections_for

        return corrections_for(self.home.library_dir, self._source_of(doc_id))

    def _source_of(self, doc_id: str) -> str:
        from briefing_app.core.index.catalog import Catalog

        source = Catalog.load(self.home.index_dir).source_of(doc_id)
        if source is None:
            raise KeyError(doc_id)
        return source

    # -- reading ---------------------------------------------------------------
    def is_built(self) -> bool:
        return self.engine.exists()

    def health(self) -> str | None:
        """None when the index opens cleanly, else one line saying what is wrong."""
        from briefing_app.core.index.generation import IndexDamaged, NotBuilt

        try:
            self.engine.searcher()
        except NotBuilt:
            return "the library has not been indexed yet"
        except IndexDamaged as exc:
            return str(exc)
        return None

    def unfinished(self) -> list[str]:
        """Library files the index lacks or holds an older version of, and paths of an
        interrupted build: what a start-up run should index."""
        from briefing_app.core.index.sources import indexable_files
        from briefing_app.core.ingest.filekind import not_regular

        self.engine.searcher()
        entries = self.engine.catalog.entries
        todo = list(self.engine.pending)
        for path, key, entry in indexable_files(self.home.library_dir):
            try:
                found = entry.stat()  # after links, as the build reads it
            except OSError:
                continue
            if not_regular(found.st_mode):
                continue
            indexed = entries.get(key)
            if indexed is None or not indexed.same_stat(found):
                todo.append(path)
        return todo

    def search(
        self,
        query: str,
        *,
        filters: Mapping[str, Any] | None = None,
        limit: int = 20,
        highlight: bool = True,
        facets: bool = True,
    ) -> SearchResult:
        """Raises ``QueryTooLarge`` (a ValueError, one line) past the limits of ``limits.py``."""
        from briefing_app.core.index.limits import check_query

        check_query(query)
        with reading():
            return self.engine.search(
                query, filters=filters, limit=limit, highlight=highlight, facets=facets
            )

    def similar(
        self, text: str | None = None, *, segment_id: str | None = None, limit: int = 10
    ) -> SearchResult:
        with reading():
            return self.engine.similar(text, segment_id=segment_id, limit=limit)

    def segment(self, segment_id: str) -> Segment | None:
        with reading():
            return self.engine.segment(segment_id)

    def document(self, doc_id: str) -> DocumentMeta | None:
        with reading():
            return self.engine.document(doc_id)

    def document_segments(self, doc_id: str) -> list[Segment]:
        with reading():
            return self.engine.document_segments(doc_id)

    def documents(self) -> list[DocumentMeta]:
        with reading():
            return self.engine.documents()

    def facets(self) -> dict[str, dict[str, int]]:
        with reading():
            return self.engine.facets()

    def warm_up(self, seconds: float = 0.03) -> bool:
        """Open the index and prepare it for the first queries, for about ``seconds``
        at a time; True while more remains (call again when idle)."""
        if not self.is_built():
            return False
        with reading():
            return self.engine.warm_up(seconds)

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def reading() -> Iterator[None]:
    """Whoosh's errors on a damaged file become one ``IndexDamaged`` line."""
    from briefing_app.core.index.generation import READ_ERRORS_AT_SEARCH, IndexDamaged

    try:
        yield
    except READ_ERRORS_AT_SEARCH as exc:
        raise IndexDamaged(f"a segment cannot be read ({type(exc).__name__})") from None


def _copy_whole(source: Path, target: Path) -> None:
    """Copy, or leave nothing: a half-copied file (full disk) would be indexed truncated."""
    partial = target.with_name(f".{target.name}.part")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _free_name(folder: Path, source: Path, digest: str) -> Path:
    """``folder/name``, or ``name-2``… when a different file already has that name."""
    from briefing_app.core.ingest import file_hash

    candidate, n = folder / source.name, 1
    while candidate.exists() and file_hash(candidate) != digest:
        n += 1
        candidate = folder / f"{source.stem}-{n}{source.suffix}"
    return candidate
