"""Search benchmark: Briefing's segment index beside a plain Whoosh baseline.

For each corpus (the bundled one, then ~10 MB and ~100 MB of UN General Debate
speeches from ../shared/corpora when present) and each engine, in the same
run: indexing MB/s and peak memory (one child process), then, in a fresh
child process that opens the index, the first search after opening (with the
opening), the warm-up the window then runs in the background, query
p50/p95 (top 10 with highlighted snippets, no result cache), with facet
counts for Briefing, and the searching process's peak memory. Prints the
table of issue 12 per corpus and saves everything as JSON.

    python benchmarks/bench_search.py [--sizes bundled,10,100] [--rounds 3]
        [--cache DIR]   # keep built indexes in DIR and reuse them (search figures only)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
RESULTS = HERE / "results"

#: 30 queries of every kind the app supports, in both engines' syntax.
QUERIES = [
    "peace",
    "security",
    "development",
    "terrorism",
    "nuclear disarmament",
    "climate change",
    "human rights",
    "sustainable development goals",
    "illicit trafficking firearms",
    "small arms",
    "refugees migration",
    "sovereignty territorial integrity",
    "united nations reform",
    '"human rights"',
    '"security council"',
    '"small arms and light weapons"',
    '"climate change"',
    "terrorism OR extremism",
    "nuclear OR chemical weapons",
    "peace NOT war",
    "development NOT economic",
    "disarm*",
    "sovereign*",
    "humanitarain~",
    "terorism~",
    "pandemic covid",
    "poverty hunger education",
    "ocean sea level islands",
    "democracy election",
    "cooperation multilateralism",
]


def corpus_files(size: str) -> list[Path]:
    """The files of one benchmark corpus ("bundled", or N MB of speeches)."""
    if size == "bundled":
        return sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in {".txt", ".md"})
    folder = SHARED / "ungdc"
    if not folder.is_dir():
        return []
    files = sorted(folder.rglob("*.txt"), key=lambda p: (p.parent.name, p.name))
    # Take whole sessions from the most recent backwards, up to the budget.
    budget, chosen, total = int(float(size) * 1_000_000), [], 0
    for path in reversed(files):
        if total >= budget:
            break
        chosen.append(path)
        total += path.stat().st_size
    return sorted(chosen)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# -- the two engines (run inside the child processes) ---------------------------------


def index_briefing(files: list[Path], work: Path) -> dict[str, object]:
    from briefing_app.core.library import Library

    source = work / "source"
    source.mkdir()
    for path in files:  # the subset as one folder; the bundled corpus comes along anyway
        (source / f"{path.parent.name}-{path.name}").symlink_to(path)
    library = Library(work / "home", cache=False)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = library.build([source])
    figures: dict[str, object] = {
        "index_seconds": time.perf_counter() - started,
        "index_cpu_s": time.process_time() - cpu_started,
        "segments": report.segments,
        "skipped": len(report.skipped),
        "index_bytes": folder_size(work / "home" / "index"),
    }
    library.close()
    return figures


def search_briefing(work: Path, rounds: int) -> dict[str, object]:
    import briefing_app.core.index.searcher  # noqa: F401 (imports are start-up, not opening)
    from briefing_app.core.library import Library

    started = time.perf_counter()
    library = Library(work / "home", cache=False)  # no result cache: every query is searched
    library.search(QUERIES[0], limit=10, highlight=True, facets=False)
    figures: dict[str, object] = {"first_search_ms": round((time.perf_counter() - started) * 1000)}
    started = time.perf_counter()
    while library.warm_up(0.03):  # as the window does in the background (library_service.py)
        pass
    figures["warm_up_s"] = round(time.perf_counter() - started, 2)
    for label, facets in (("query", False), ("query_facets", True)):
        times = []
        for _ in range(rounds):
            for q in QUERIES:
                t0 = time.perf_counter()
                library.search(q, limit=10, highlight=True, facets=facets)
                times.append((time.perf_counter() - t0) * 1000)
        figures[f"{label}_p50_ms"] = round(statistics.median(times), 1)
        figures[f"{label}_p95_ms"] = round(percentile(times, 95), 1)
    library.close()
    return figures


def index_baseline(files: list[Path], work: Path) -> dict[str, object]:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    schema = Schema(path=ID(stored=True, unique=True), body=TEXT(StemmingAnalyzer(), stored=True))
    folder = work / "baseline"
    folder.mkdir()
    ix = index.create_in(str(folder), schema)
    started, cpu_started = time.perf_counter(), time.process_time()
    writer = ix.writer()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        writer.add_document(path=str(path), body=text)
    writer.commit()
    return {
        "index_seconds": time.perf_counter() - started,
        "index_cpu_s": time.process_time() - cpu_started,
        "index_bytes": folder_size(folder),
    }


def search_baseline(work: Path, rounds: int) -> dict[str, object]:
    from whoosh import index
    from whoosh.qparser import FuzzyTermPlugin, QueryParser

    def run(q: str) -> None:
        for hit in searcher.search(parser.parse(q), limit=10):
            hit.highlights("body")

    started = time.perf_counter()
    ix = index.open_dir(str(work / "baseline"))
    parser = QueryParser("body", ix.schema)
    parser.add_plugin(FuzzyTermPlugin())
    searcher = ix.searcher()  # one searcher, reused (PERF-NOTES)
    run(QUERIES[0])
    first = round((time.perf_counter() - started) * 1000)
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            run(q)
            times.append((time.perf_counter() - t0) * 1000)
    searcher.close()
    return {
        "first_search_ms": first,
        "query_p50_ms": round(statistics.median(times), 1),
        "query_p95_ms": round(percentile(times, 95), 1),
    }


def text_megabytes(engine: str, size: str) -> float:
    files = corpus_files(size)
    text_bytes = sum(p.stat().st_size for p in files)
    if engine == "briefing" and size != "bundled":  # it always indexes the bundled corpus too
        text_bytes += sum(p.stat().st_size for p in corpus_files("bundled"))
    return text_bytes / 1e6


def child(phase: str, engine: str, size: str, work: Path, rounds: int) -> None:
    if phase == "index":
        files = [] if engine == "briefing" and size == "bundled" else corpus_files(size)
        runner = index_briefing if engine == "briefing" else index_baseline
        figures = runner(files, work)
        seconds = float(figures.pop("index_seconds"))  # type: ignore[arg-type]
        kids_usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # ingest workers, all reaped
        cpu = float(figures.pop("index_cpu_s")) + kids_usage.ru_utime + kids_usage.ru_stime
        mb = text_megabytes(engine, size)
        figures.update(
            files=len(files),
            text_mb=round(mb, 2),
            index_s=round(seconds, 2),
            index_mb_s=round(mb / seconds, 2),
            # CPU seconds of the whole process tree: steadier than wall time on a busy machine.
            index_mb_per_cpu_s=round(mb / cpu, 2),
            index_mb=round(int(figures.pop("index_bytes")) / 1e6, 2),  # type: ignore[call-overload]
        )
    else:
        figures = (search_briefing if engine == "briefing" else search_baseline)(work, rounds)
        figures.update(resident_now())
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures["peak_mb"] = round(max(own, kids) / 1024, 1)
    print(json.dumps(figures))


def resident_now() -> dict[str, float]:
    """Own (anonymous) and file-backed (mapped index pages) resident MB, at the end."""
    out = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("RssAnon", "RssFile"):
                out[f"{key.lower()}_mb"] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return out


def run_child(phase: str, engine: str, size: str, work: Path, rounds: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", phase, engine, size, str(work)]
    out = subprocess.run([*cmd, "--rounds", str(rounds)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"{engine} {phase} on {size}: failed\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(engine: str, size: str, args: argparse.Namespace, scratch: Path) -> dict[str, object]:
    """Index (or reuse a cached index), then search in a fresh process."""
    work = (args.cache / f"{engine}-{size}") if args.cache else scratch / f"{engine}-{size}"
    done = work / "index-figures.json"
    if done.is_file():
        indexing = {**json.loads(done.read_text()), "reused": True}
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        indexing = run_child("index", engine, size, work, args.rounds)
        done.write_text(json.dumps(indexing))
    searching = run_child("search", engine, size, work, args.rounds)
    row = {"engine": engine, "corpus": size, **indexing}
    row["index_peak_mb"] = row.pop("peak_mb")
    row.update(searching)
    row["search_peak_mb"] = row.pop("peak_mb")
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,10,100")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep and reuse built indexes here")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        phase, engine, size, work = args.child
        child(phase, engine, size, Path(work), args.rounds)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        for size in args.sizes.split(","):
            if size != "bundled" and not corpus_files(size):
                print(f"{size} MB of UN General Debate speeches: not available ({SHARED})")
                continue
            pair = {}
            for engine in ("briefing", "baseline"):
                try:
                    pair[engine] = measure(engine, size, args, Path(tmp))
                except RuntimeError as exc:
                    print(exc)
                    continue
                rows.append(pair[engine])
            if len(pair) == 2:
                print(table(size, pair["briefing"], pair["baseline"]), flush=True)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = RESULTS / f"search-{stamp}.json"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    target.write_text(
        json.dumps(
            {"queries": QUERIES, "cpus": os.cpu_count(), "load_1min": load, "rows": rows},
            indent=2,
        )
    )
    print(f"saved {target.relative_to(ROOT)}")
    return 0


def table(size: str, ours: dict[str, object], base: dict[str, object]) -> str:
    """The table of issue 12: Briefing beside plain Whoosh, measured in this run."""
    ratio = float(ours["index_mb_s"]) / float(base["index_mb_s"])  # type: ignore[arg-type]
    reused = " (reused index)" if ours.get("reused") or base.get("reused") else ""
    label = "bundled corpus" if size == "bundled" else f"{ours['text_mb']} MB of speeches"
    rows = [
        f"{label}{reused}, {ours.get('segments')} segments, index {ours['index_mb']} MB "
        f"(baseline {base['index_mb']} MB)",
        "| | Briefing | plain Whoosh (whole speeches) | goal |",
        "|---|---|---|---|",
        f"| indexing | {ours['index_mb_s']} MB/s | {base['index_mb_s']} MB/s "
        f"(Briefing = {ratio:.2f}×) | ≥ 2× the baseline in the same run |",
        f"| query p50 / p95 | {ours['query_p50_ms']} / {ours['query_p95_ms']} ms | "
        f"{base['query_p50_ms']} / {base['query_p95_ms']} ms | p95 < 30 ms |",
        f"| with facet counts p50 / p95 | {ours['query_facets_p50_ms']} / "
        f"{ours['query_facets_p95_ms']} ms | — | p95 < 50 ms |",
        f"| first search after opening | {ours['first_search_ms']} ms | "
        f"{base['first_search_ms']} ms | < 300 ms |",
        f"| peak memory, indexing | {ours['index_peak_mb']} MB | {base['index_peak_mb']} MB "
        "| < 400 MB |",
        f"| peak memory, searching process (no Qt) | {ours['search_peak_mb']} MB | "
        f"{base['search_peak_mb']} MB | < 300 MB |",
        f"| of which at the end: own / mapped index pages | {_split(ours)} | {_split(base)} | |",
    ]
    return "\n".join(rows)


def _split(row: dict[str, object]) -> str:
    return f"{row.get('rssanon_mb', '?')} / {row.get('rssfile_mb', '?')} MB"


if __name__ == "__main__":
    sys.exit(main())
