"""Search benchmark: Briefing's segment index beside a plain Whoosh baseline.

For each corpus (the bundled one, then ~10 MB and ~100 MB of UN General Debate
speeches from ../shared/corpora when present) and each engine, in the same
run: indexing MB/s, query p50/p95 in ms including highlighted snippets of the
top 10, index size and peak memory. Every measurement runs in its own child
process so peak memory (ru_maxrss, workers included) belongs to it alone.

    python benchmarks/bench_search.py [--sizes bundled,10,100] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


# -- the two engines (run inside the child process) --------------------------------


def run_briefing(files: list[Path], work: Path, rounds: int) -> dict[str, object]:
    from briefing_app.core.library import Library

    source = work / "source"
    source.mkdir()
    for path in files:  # the subset as one folder; the bundled corpus comes along anyway
        (source / f"{path.parent.name}-{path.name}").symlink_to(path)
    library = Library(work / "home", cache=False)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = library.build([source])
    index_seconds = time.perf_counter() - started
    index_cpu = time.process_time() - cpu_started
    figures: dict[str, object] = {"segments": report.segments, "skipped": len(report.skipped)}
    library.search("warm up the searcher", limit=10)
    for label, facets in (("query", False), ("query_facets", True)):
        times = []
        for _ in range(rounds):
            for q in QUERIES:
                t0 = time.perf_counter()
                library.search(q, limit=10, highlight=True, facets=facets)
                times.append((time.perf_counter() - t0) * 1000)
        figures[f"{label}_p50_ms"] = round(statistics.median(times), 1)
        figures[f"{label}_p95_ms"] = round(percentile(times, 95), 1)
    figures["index_seconds"] = index_seconds
    figures["index_cpu_s"] = index_cpu
    figures["index_bytes"] = folder_size(work / "home" / "index")
    library.close()
    return figures


def run_baseline(files: list[Path], work: Path, rounds: int) -> dict[str, object]:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import FuzzyTermPlugin, QueryParser

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
    index_seconds = time.perf_counter() - started
    index_cpu = time.process_time() - cpu_started
    parser = QueryParser("body", ix.schema)
    parser.add_plugin(FuzzyTermPlugin())
    searcher = ix.searcher()
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            results = searcher.search(parser.parse(q), limit=10)
            for hit in results:
                hit.highlights("body")
            times.append((time.perf_counter() - t0) * 1000)
    searcher.close()
    return {
        "index_seconds": index_seconds,
        "index_cpu_s": index_cpu,
        "index_bytes": folder_size(folder),
        "query_p50_ms": round(statistics.median(times), 1),
        "query_p95_ms": round(percentile(times, 95), 1),
    }


def child(engine: str, size: str, rounds: int) -> None:
    files = corpus_files(size)
    text_bytes = sum(p.stat().st_size for p in files)
    if engine == "briefing" and size != "bundled":  # it always indexes the bundled corpus too
        text_bytes += sum(p.stat().st_size for p in corpus_files("bundled"))
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        runner = run_briefing if engine == "briefing" else run_baseline
        figures = runner(
            [] if engine == "briefing" and size == "bundled" else files, Path(tmp), rounds
        )
    seconds = float(figures.pop("index_seconds"))  # type: ignore[arg-type]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # ingest workers, all reaped
    kids = kids_usage.ru_maxrss
    cpu = float(figures.pop("index_cpu_s")) + kids_usage.ru_utime + kids_usage.ru_stime
    figures.update(
        engine=engine,
        corpus=size,
        files=len(files),
        text_mb=round(text_bytes / 1e6, 2),
        index_s=round(seconds, 2),
        index_mb_s=round(text_bytes / 1e6 / seconds, 2),
        # CPU seconds of the whole process tree: steadier than wall time on a busy machine.
        index_mb_per_cpu_s=round(text_bytes / 1e6 / cpu, 2),
        index_mb=round(int(figures.pop("index_bytes")) / 1e6, 2),  # type: ignore[call-overload]
        peak_mb=round(max(own, kids) / 1024, 1),
    )
    print(json.dumps(figures))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,10,100")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.rounds)
        return 0
    rows = []
    for size in args.sizes.split(","):
        if size != "bundled" and not corpus_files(size):
            print(f"{size} MB of UN General Debate speeches: not available ({SHARED})")
            continue
        for engine in ("briefing", "baseline"):
            cmd = [sys.executable, __file__, "--child", engine, size, "--rounds", str(args.rounds)]
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if out.returncode != 0:
                print(f"{engine} on {size}: failed\n{out.stderr[-2000:]}")
                continue
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(_line(row), flush=True)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = RESULTS / f"search-{stamp}.json"
    target.write_text(
        json.dumps({"queries": QUERIES, "cpus": os.cpu_count(), "rows": rows}, indent=2)
    )
    print(f"saved {target.relative_to(ROOT)}")
    return 0


def _line(row: dict[str, object]) -> str:
    facets = (
        f", with facets {row['query_facets_p50_ms']}/{row['query_facets_p95_ms']} ms"
        if "query_facets_p50_ms" in row
        else ""
    )
    return (
        f"{row['corpus']:>7} {row['engine']:<8} {row['text_mb']:>7} MB text: "
        f"index {row['index_mb_s']} MB/s ({row['index_s']} s; "
        f"{row['index_mb_per_cpu_s']} MB per CPU-s), "
        f"query p50/p95 {row['query_p50_ms']}/{row['query_p95_ms']} ms{facets}, "
        f"index {row['index_mb']} MB, peak {row['peak_mb']} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
