"""The search phase of ``bench_library``: what the window does at 100 MB, in one process.

Run by ``bench_library.py`` as its search child, or alone on a built data home:

    python benchmarks/bench_library.py --child search --home HOME --with-qt 0
    python benchmarks/bench_library.py --child search --home HOME --with-qt 0 --warm-up 0

The order follows the window (``gui/library_service.py``):
  1. opening: the window opens the index on its library thread while it starts
     (the first step of ``Library.warm_up``), timed as ``open_s``;
  2. the first search after opening: hits only, as the window asks first
     (``first_search_s``), every word of it still undecoded; then its facet
     counts, which the window asks for separately (``first_facets_s``), from the
     facet tables saved beside the index generation when a previous opening
     wrote them (``facet_file``: true), else built first (``facet_store.py``);
     ``first_search_with_facets_s`` is the old one-call figure (open + both);
  3. the rest of the warm-up, which the window runs in short steps while the
     user is not typing (``warm_up``: seconds, steps, longest step: a search
     typed during a step waits at most that long); ``--warm-up 0`` skips it;
  4. 30 queries with facet counts in one call (``search``), then without
     (``search_no_facets``), filters, cached repeats, paging, the reader.
Peak RSS is the process's (``ru_maxrss``, file pages of the index included). Beside
wall-clock p50/p95, ``search_cpu`` / ``search_no_facets_cpu`` give this process's CPU
time per query: on a shared machine the wall clock also counts waiting for a core.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path
from typing import Any

QUERIES = [
    "climate change", "nuclear disarmament", "sustainable development", "human rights",
    '"human rights"', "terrorism", "Palestine", "apartheid", "SDG", "SALW",
    "peacekeeping operations", "refugees OR migrants", "sovereignty NOT colonialism",
    "develop*", "humanitarain~", "kind:paragraph climate", "small arms", "Security Council reform",
    "globalization", "pandemic", "COVID-19", "ozone layer", "Rwanda genocide",
    "Millennium Development Goals", "debt relief", "Arms Trade Treaty", "ocean acidification",
    "women empowerment", "landlocked developing countries", "multilateralism",
]  # fmt: skip
FIRST_QUERY = "general assembly"
PAGE = 20
#: The window's warm-up step (``gui/library_service.py``).
WARM_STEP_S = 0.03


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else 0.0


def ms(values: list[float]) -> dict[str, float]:
    return {"p50_ms": round(pct(values, 50) * 1000, 1), "p95_ms": round(pct(values, 95) * 1000, 1)}


def child_search(home: str, with_qt: bool, warm_up: bool = True) -> dict[str, Any]:
    """What the window does at this scale, in one process like the window's."""
    if with_qt:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])  # noqa: F841 (memory as in the app)
    from briefing_app.core.library import Library

    out: dict[str, Any] = {"errors": {}}
    # One library, as in the window (a second one would double the searcher's memory).
    # Its result cache only answers repeated calls: every call below differs.
    lib = Library(home)

    cpu: list[float] = []  # this process's CPU seconds per call: steadier on a busy machine

    def timed(query: str, **kwargs: Any) -> tuple[float, Any]:
        """Seconds and result; a failing query is recorded, not fatal to the run."""
        t, c = time.perf_counter(), time.process_time()
        try:
            result = lib.search(query, limit=kwargs.pop("limit", PAGE), **kwargs)
        except Exception as exc:
            out["errors"].setdefault(query, f"{type(exc).__name__}: {exc}")
            result = None
        cpu.append(time.process_time() - c)
        return time.perf_counter() - t, result

    t = time.perf_counter()
    lib.warm_up(0.0)  # its first step opens the index (the window: while it starts)
    out["open_s"] = round(time.perf_counter() - t, 3)
    out["facet_file"] = _facet_file(home)
    out["first_search_s"], first = timed(FIRST_QUERY, facets=False)
    out["first_facets_s"], counted = timed(FIRST_QUERY)
    out["first_search_with_facets_s"] = round(
        out["open_s"] + out["first_search_s"] + out["first_facets_s"], 3
    )
    out["first_search_total"] = counted.total if counted else None
    out["warm_up"] = _warm_up(lib) if warm_up else None
    times, totals = [], {}
    cpu.clear()
    for q in QUERIES:
        seconds, result = timed(q)
        times.append(seconds)
        totals[q] = result.total if result else None
    out["search"] = {**ms(times), "max_ms": round(max(times) * 1000, 1), "queries": len(times)}
    out["search_cpu"] = ms(cpu)
    out["slowest"] = sorted(zip(times, QUERIES, strict=True), reverse=True)[:3]
    out["totals"] = totals
    if out["errors"]:  # measure what the window would see without the failing part
        out["search_without_facets"] = ms([timed(q, facets=False)[0] for q in QUERIES])
    cpu.clear()
    out["search_no_facets"] = ms([timed(q, facets=False)[0] for q in QUERIES])
    out["search_no_facets_cpu"] = ms(cpu)
    out["search_no_highlight"] = ms([timed(q, highlight=False)[0] for q in QUERIES])
    years = ("1995", "2005", "2020")
    out["filtered"] = ms([timed("development", filters={"year": y})[0] for y in years])
    out["cached_repeat"] = ms([timed("climate change")[0] for _ in range(20)])
    out["paging"] = _paging(timed, "development")
    out["reader"] = _reader(lib)
    for name, call in (
        ("similar", lambda: lib.similar(segment_id=first.hits[0].segment_id)),
        ("library_facets", lib.facets),
    ):
        t = time.perf_counter()
        try:
            call()
        except Exception as exc:
            out["errors"].setdefault(name, f"{type(exc).__name__}: {exc}")
        out[f"{name}_s"] = round(time.perf_counter() - t, 3)
    out["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _warm_up(lib: Any) -> dict[str, Any]:
    """The rest of the warm-up, in the window's steps: total, steps, longest step."""
    started, steps, longest = time.perf_counter(), 0, 0.0
    more = True
    while more:
        t = time.perf_counter()
        more = lib.warm_up(WARM_STEP_S)
        longest = max(longest, time.perf_counter() - t)
        steps += 1
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "calls": steps,
        "longest_call_ms": round(longest * 1000, 1),
    }


def _paging(timed: Any, query: str) -> dict[str, Any]:
    """Next page = the same query with a larger limit (the contract has no offset)."""
    pages = []
    for n in (1, 2, 3, 5, 10):
        seconds, result = timed(query, limit=PAGE * n)
        hits = len(result.hits) if result else None
        pages.append({"page": n, "hits": hits, "ms": round(seconds * 1000, 1)})
    return {"query": query, "pages": pages}


def _reader(lib: Any) -> dict[str, Any]:
    """Open the document with the most segments, as the reader pane does."""
    docs = lib.documents()
    longest = max(docs, key=lambda d: Path(d.source).stat().st_size if d.source else 0)
    t = time.perf_counter()
    segments = lib.document_segments(longest.doc_id)
    seconds = time.perf_counter() - t
    t = time.perf_counter()
    lib.document(longest.doc_id)
    return {
        "doc_id": longest.doc_id,
        "segments": len(segments),
        "open_ms": round(seconds * 1000, 1),
        "meta_ms": round((time.perf_counter() - t) * 1000, 2),
        "documents": len(docs),
    }


def _facet_file(home: str) -> bool:
    """Whether the opened generation's facet tables were saved by an earlier opening."""
    from briefing_app.core.index.state import facets_name, latest_generation

    index_dir = Path(home) / "index"
    return (index_dir / facets_name(latest_generation(index_dir))).exists()


def summary_lines(s: dict[str, Any]) -> list[str]:
    """The search phase in a few lines (``bench_library``'s summary)."""
    warm = s.get("warm_up") or {}
    return [
        f"open {s['open_s']} s (the window: in the background while it starts); "
        f"first search after opening {s['first_search_s']:.3f} s (hits, cold words), "
        f"its facets {s['first_facets_s']:.3f} s (facet tables "
        f"{'loaded from their file' if s.get('facet_file') else 'built'}); "
        "open+hits+facets in a row "
        f"{s['first_search_with_facets_s']} s",
        f"warm-up {warm.get('seconds')} s in {warm.get('calls')} steps, longest "
        f"{warm.get('longest_call_ms')} ms (a search typed meanwhile waits at most that)",
        f"search with facets p50/p95: {s['search']['p50_ms']}/{s['search']['p95_ms']} ms "
        f"(max {s['search']['max_ms']}), without facets {s['search_no_facets']}, "
        f"without highlights {s['search_no_highlight']}, cached repeat {s['cached_repeat']}",
        f"CPU time of this process per query (steadier when the machine is shared): "
        f"with facets {s.get('search_cpu')}, without {s.get('search_no_facets_cpu')}",
        f"slowest: {s['slowest']}",
    ]
