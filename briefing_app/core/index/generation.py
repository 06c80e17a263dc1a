"""Open, check and commit one consistent index generation (see ``state.py``).

Readers get the Whoosh index together with the catalog and word list of the
same generation, or :class:`IndexDamaged` with one line saying what is wrong
(a missing or truncated segment, an empty or garbled table of contents, a
catalog from another generation). The writer commits through
:func:`attach_state`, which writes the state file just before Whoosh renames
its table of contents into place.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from briefing_app.core.index import state as st
from briefing_app.core.index.catalog import Catalog
from briefing_app.core.index.crashpoints import crash_point
from briefing_app.core.index.vocabulary import Vocabulary

#: What Whoosh raises when it reads a damaged file.
READ_ERRORS: tuple[type[BaseException], ...] = (
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    whoosh_index.IndexError,
    ValueError,
    KeyError,
    IndexError,
    OSError,
    AttributeError,
    TypeError,  # an empty table of contents: ord() of nothing
)

#: The subset that can only mean damage once a query is running.
READ_ERRORS_AT_SEARCH: tuple[type[BaseException], ...] = (
    EOFError,
    struct.error,
    pickle.UnpicklingError,
    zlib.error,
    whoosh_index.IndexError,
)


class IndexDamaged(Exception):
    """The index cannot be used as it is; ``str()`` is one line ending in what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"the index is damaged: {self.reason}; run `briefing index --repair`"


class NotBuilt(Exception):
    """There is no committed index yet."""

    def __str__(self) -> str:
        return "the library has not been indexed yet; run `briefing index`"


@dataclass
class Generation:
    """One committed generation: the Whoosh index and what goes with it."""

    ix: Any
    number: int
    catalog: Catalog
    vocabulary: Vocabulary
    pending: list[str] = field(default_factory=list)  # paths of an interrupted build


def open_current(index_dir: Path, *, attempts: int = 3) -> Generation:
    """The newest generation, checked; raises NotBuilt or IndexDamaged."""
    problem = ""
    for _ in range(attempts):
        number = st.latest_generation(index_dir)
        if number < 0:
            raise NotBuilt()
        try:
            return _open(index_dir, number)
        except IndexDamaged as exc:
            problem = exc.reason
            if st.latest_generation(index_dir) == number:
                break  # not a writer committing meanwhile: really damaged
    raise IndexDamaged(problem)


def _open(index_dir: Path, number: int) -> Generation:
    try:
        data = st.read_state(index_dir, number)
    except st.StateError as exc:
        if number == 0 and not st.state_generations(index_dir):
            raise NotBuilt() from None  # created, killed before its first commit
        raise IndexDamaged(str(exc)) from None
    files = data.get("files") or {}
    problem = st.file_problems(index_dir, files)
    if problem:
        raise IndexDamaged(problem)
    try:
        ix = whoosh_index.open_dir(str(index_dir), indexname=st.INDEX_NAME)
        segments = {s.segment_id() for s in ix._segments()}
    except whoosh_index.EmptyIndexError:
        raise NotBuilt() from None
    except READ_ERRORS as exc:
        raise IndexDamaged(f"its table of contents is unreadable ({type(exc).__name__})") from None
    recorded = {m.group(1) for name in files if (m := st.SEGMENT_RE.match(name))}
    if ix.latest_generation() != number or segments != recorded:
        ix.close()
        raise IndexDamaged("its table of contents does not match its catalog")
    try:
        catalog = Catalog.from_json(data["catalog"], index_dir)
        vocabulary = Vocabulary.from_json(data.get("words") or {})
    except (KeyError, TypeError, ValueError, AttributeError):
        ix.close()
        raise IndexDamaged(f"the catalog {st.state_name(number)} is damaged") from None
    return Generation(ix, number, catalog, vocabulary, list(data.get("pending") or []))


def deep_check(ix: Any) -> str | None:
    """Read every stored document and term list once: None, or what failed."""
    try:
        with ix.searcher() as searcher:
            reader = searcher.reader()
            for _ in reader.all_stored_fields():
                pass
            for fieldname in ("text", "doc_id", "segment_id"):
                for _ in reader.lexicon(fieldname):
                    pass
            seen: set[str] = set()
            for fields in reader.all_stored_fields():
                sid = fields.get("segment_id")
                if sid in seen:
                    return f"segment {sid} is indexed twice"
                seen.add(sid)
    except READ_ERRORS as exc:
        return f"a segment cannot be read ({type(exc).__name__})"
    return None


def salvage_catalog(index_dir: Path) -> Catalog:
    """The newest readable catalog of any generation: which files were indexed, as what ids."""
    for number in st.state_generations(index_dir):
        try:
            return Catalog.from_json(st.read_state(index_dir, number)["catalog"], index_dir)
        except (st.StateError, KeyError, TypeError, ValueError):
            continue
    return Catalog()


def attach_state(
    writer: Any, index_dir: Path, catalog: Catalog, vocabulary: Vocabulary, pending: list[str]
) -> None:
    """Make ``writer``'s commit write the state file right before the TOC rename."""

    def before_toc(segments: list[Any], generation: int) -> None:
        crash_point("after-segment-files")
        ids = {s.segment_id() for s in segments}
        data: dict[str, Any] = {"files": st.segment_files(index_dir, ids), "pending": pending}
        catalog.save(index_dir, data)
        vocabulary.save(index_dir, data)
        st.write_state(index_dir, generation, data)  # then Whoosh's rename commits all
        crash_point("after-catalog")

    writer.before_toc = before_toc


def rewrite_state(index_dir: Path, number: int, catalog: Catalog, pending: list[str]) -> None:
    """Same generation, updated catalog (new mtimes of unchanged files, pending work)."""
    data = st.read_state(index_dir, number)
    data["catalog"], data["pending"] = catalog.to_json(index_dir), pending
    st.write_state(index_dir, number, data)
