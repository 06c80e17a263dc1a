"""A library of a hundred megabytes: the UN General Debate speeches as a user library.

Measures, each phase in its own process (so peak memory is per process):
  1. first indexing, cancelled part-way (cancel latency), then resumed:
     time, MB/s, progress cadence, how good the time estimate was, peak RSS;
  2. the app stays usable: query latency in this process while the indexer runs;
  3. searching at that scale (Qt loaded, as in the app; ``library_search``): opening,
     the first search after it, the warm-up, p50/p95 with and without facet
     counts, cached repeats, filters, similar, the longest document, paging, peak RSS;
  4. re-indexing after one file changes, and after none;
and plain Whoosh indexing the same files (bench_search's baseline) for the
indexing row of issue 12's table (MB/s, the ratio, peak RSS), same run.

    python benchmarks/bench_library.py                  # all ~6,400 files (many minutes)
    python benchmarks/bench_library.py --limit-files 300   # a quick run

Reads /work/shared/corpora/ungdc (prints "not available" when absent) and
copies the chosen files into a temporary data home, never touching the originals.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ungdc"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_search  # noqa: E402 (the baseline and the table are shared with it)
from library_search import QUERIES, child_search, ms, summary_lines  # noqa: E402 (search phase)


def peak_rss_mb(who: int) -> float:
    import resource

    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


# -- child processes -----------------------------------------------------------------
def child_index(home: str, cancel_at: float) -> dict[str, Any]:
    """One Library.build(); cancels itself when ``cancel_at`` of the work is done."""
    import resource

    from briefing_app.core.library import Library
    from briefing_app.core.progress import Progress

    samples: list[tuple[float, int, int, float | None]] = []
    state: dict[str, float] = {}

    def on_progress(done: int, total: int, message: str) -> None:
        now = time.monotonic() - started
        samples.append((now, done, total, progress.eta_seconds()))
        if cancel_at and total and done >= cancel_at * total and "cancel" not in state:
            state["cancel"] = now
            progress.cancel()

    progress = Progress(on_progress)
    started = time.monotonic()
    report = Library(home).build(progress=progress)
    seconds = time.monotonic() - started
    return {
        "report": {k: v for k, v in report.to_json().items() if k not in ("indexed", "removed")},
        "indexed": len(report.indexed),
        "seconds": seconds,
        "cancel_latency_s": seconds - state["cancel"] if "cancel" in state else None,
        "progress": _progress_summary(samples, seconds),
        "rss_mb": peak_rss_mb(resource.RUSAGE_SELF),
        "workers_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "cpu_s": cpu_seconds(),
    }


def cpu_seconds() -> dict[str, float]:
    """CPU seconds of this process and its (reaped) children: steadier than wall time
    on a shared machine, where parallel workers gain nothing once the cores are busy."""
    import resource

    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return {
        "writer": round(own.ru_utime + own.ru_stime, 1),
        "workers": round(kids.ru_utime + kids.ru_stime, 1),
    }


def child_baseline(home: str) -> dict[str, Any]:
    """Plain Whoosh (bench_search's baseline) over the same files, for the same-run ratio."""
    import resource

    files = sorted((Path(home) / "library").rglob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="bench-library-baseline-"))
    try:
        figures = bench_search.index_baseline(files, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    mb = sum(f.stat().st_size for f in files) / 1e6
    seconds = float(figures["index_seconds"])  # type: ignore[arg-type]
    return {
        "files": len(files),
        "seconds": round(seconds, 1),
        "mb_per_s": round(mb / seconds, 2),
        "mb_per_cpu_s": round(mb / float(figures["index_cpu_s"]), 2),  # type: ignore[arg-type]
        "rss_mb": peak_rss_mb(resource.RUSAGE_SELF),
    }


def indexing_row(res: dict[str, Any]) -> dict[str, Any]:
    """Issue 12's indexing row: Briefing's first indexing beside plain Whoosh, this run."""
    full = res.get("resumed") or res.get("first") or {}
    ours, base = res["first_indexing"]["mb_per_s"], res["baseline_indexing"]["mb_per_s"]
    return {
        "briefing_mb_s": ours,
        "baseline_mb_s": base,
        "ratio": round(ours / base, 2) if base else None,
        "briefing_peak_mb": max(full.get("rss_mb", 0.0), full.get("workers_rss_mb", 0.0)),
        "baseline_peak_mb": res["baseline_indexing"]["rss_mb"],
        "index_segments": res.get("index_segments"),
        # A cancelled first run and its resumption together, like the MB/s.
        "briefing_mb_per_cpu_s": _per_cpu(
            res["mb"], [run.get("cpu_s") for run in (res.get("first_cancelled", {}), full)]
        ),
        "baseline_mb_per_cpu_s": res["baseline_indexing"].get("mb_per_cpu_s"),
    }


def _per_cpu(mb: float, runs: list[dict[str, float] | None]) -> float | None:
    total = sum(sum(cpu.values()) for cpu in runs if cpu)
    return round(mb / total, 2) if total else None


def print_indexing_row(row: dict[str, Any]) -> None:
    print(
        "| | Briefing | plain Whoosh (whole speeches) | goal |\n|---|---|---|---|\n"
        f"| indexing | {row['briefing_mb_s']} MB/s | {row['baseline_mb_s']} MB/s "
        f"(Briefing = {row['ratio']}×) | ≥ 2× the baseline in the same run |\n"
        f"| peak memory, indexing | {row['briefing_peak_mb']} MB | "
        f"{row['baseline_peak_mb']} MB | < 400 MB |\n"
        f"(the index has {row['index_segments']} Whoosh segments after the build; "
        f"MB per CPU-second, all processes: Briefing {row['briefing_mb_per_cpu_s']}, "
        f"plain Whoosh {row['baseline_mb_per_cpu_s']})",
        flush=True,
    )


def _progress_summary(samples: list[tuple[float, int, int, float | None]], end: float) -> dict:
    """Cadence of progress reports and the time estimate against what really happened."""
    times = [t for t, *_ in samples]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # The estimate of the indexing phase: from the last (re)start of the count on
    # (the quick "checking files" pass before it ticks off unchanged files).
    restarts = [i for i, (_, done, _, _) in enumerate(samples) if done == 0]
    phase = samples[restarts[-1] :] if restarts else samples
    estimates = {}
    for share in (0.1, 0.25, 0.5, 0.75):
        hit = next(((t, e) for t, d, n, e in phase if n and d >= share * n), None)
        if hit and hit[1] is not None:
            estimates[f"{int(share * 100)}%"] = {
                "estimated_s": round(hit[1], 1),
                "actual_s": round(end - hit[0], 1),
            }
    return {
        "reports": len(samples),
        "first_report_s": round(times[0], 2) if times else None,
        "max_gap_s": round(max(gaps), 2) if gaps else None,
        "eta_vs_actual": estimates,
    }


def run_child(kind: str, home: Path, **kwargs: Any) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--home", str(home)]
    cmd += [f"--{k.replace('_', '-')}={v}" for k, v in kwargs.items()]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"bench_library: child {kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the parent ----------------------------------------------------------------------
def choose_files(limit: int) -> list[Path]:
    files = sorted(CORPUS.rglob("*.txt"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]  # every session represented
    return files


def usable_while_indexing(proc: subprocess.Popen, probe_home: Path) -> dict[str, Any]:
    """Query latency in this process (a small library) while the indexer runs."""
    from briefing_app.core.library import Library

    lib = Library(probe_home, cache=False)
    lib.search("warm up")  # the searcher opens once, as in the window
    idle = []
    for q in QUERIES[:10]:
        t = time.perf_counter()
        lib.search(q)
        idle.append(time.perf_counter() - t)
    busy = []
    while proc.poll() is None:
        for q in QUERIES[:10]:
            t = time.perf_counter()
            lib.search(q)
            busy.append(time.perf_counter() - t)
            time.sleep(0.3)  # a user typing, not a load test
    lib.close()
    return {"idle": ms(idle), "while_indexing": ms(busy), "queries_while_indexing": len(busy)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-files", type=int, default=0, help="a deterministic subset")
    parser.add_argument("--cancel-at", type=float, default=0.3, help="0 = no cancel/resume")
    parser.add_argument("--no-qt", action="store_true", help="search child without Qt")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data home")
    parser.add_argument(
        "--cache", type=Path, help="keep and reuse the plain-Whoosh baseline index here"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--with-qt", default="1", help=argparse.SUPPRESS)
    parser.add_argument("--warm-up", default="1", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "index":
        print(json.dumps(child_index(args.home, args.cancel_at)))
        return 0
    if args.child == "baseline":
        print(json.dumps(child_baseline(args.home)))
        return 0
    if args.child == "search":
        found = child_search(args.home, args.with_qt == "1", args.warm_up == "1")
        print(json.dumps({**found, **bench_search.resident_now()}))
        return 0
    if not CORPUS.is_dir():
        print(f"bench_library: UNGDC corpus not available ({CORPUS}); nothing measured")
        return 0
    return run_all(args)


def run_all(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-library-"))
    try:
        return measure(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> int:
    from briefing_app.core.library import Library

    files = choose_files(args.limit_files)
    home, probe = work / "home", work / "probe"
    for f in files:
        target = home / "library" / "ungdc" / f.parent.name / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"bench_library: {len(files)} files, {size_mb:.1f} MB, home {home}", flush=True)
    Library(probe).build()
    res: dict[str, Any] = {"files": len(files), "mb": round(size_mb, 1), "cpus": os.cpu_count()}
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"bench_library{'-' + str(args.limit_files) if args.limit_files else ''}.json"

    def save() -> None:  # after every phase: a long run that is stopped keeps its figures
        (RESULTS / name).write_text(json.dumps(res, indent=2))

    if args.cancel_at:
        res["first_cancelled"] = run_child("index", home, cancel_at=args.cancel_at)
        print(f"  cancelled run: {_brief(res['first_cancelled'])}", flush=True)
        save()
    cmd = [sys.executable, __file__, "--child", "index", "--home", str(home), "--cancel-at=0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    res["usable"] = usable_while_indexing(proc, probe)
    stdout, stderr = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"bench_library: indexing failed:\n{stderr[-3000:]}")
    res["resumed" if args.cancel_at else "first"] = full = json.loads(stdout.splitlines()[-1])
    print(f"  {'resumed' if args.cancel_at else 'first'} run: {_brief(full)}", flush=True)
    total_s = full["seconds"] + res.get("first_cancelled", {}).get("seconds", 0.0)
    res["first_indexing"] = {"seconds": round(total_s, 1), "mb_per_s": round(size_mb / total_s, 2)}
    index_mb = sum(p.stat().st_size for p in (home / "index").rglob("*") if p.is_file()) / 1e6
    res["index_mb"] = round(index_mb, 1)
    res["index_segments"] = len(list((home / "index").glob("*.seg")))  # Whoosh segments
    if args.limit_files:  # the whole corpus gets bench_search's baseline below
        res["baseline_indexing"] = run_child("baseline", home)
        res["indexing_row"] = indexing_row(res)
        print_indexing_row(res["indexing_row"])
    save()
    res["search"] = run_child("search", home, with_qt="0" if args.no_qt else "1")
    s = res["search"]["search"]
    print(f"  search p50/p95 {s['p50_ms']}/{s['p95_ms']} ms", flush=True)
    save()
    res["unchanged_rebuild"] = run_child("index", home, cancel_at=0)
    print(f"  nothing changed: {_brief(res['unchanged_rebuild'])}", flush=True)
    save()
    changed = sorted((home / "library").rglob("*.txt"))[len(files) // 2]
    with changed.open("a", encoding="utf-8") as fh:
        fh.write("\n\nWe add one paragraph on ocean acidification to test re-indexing.\n")
    res["one_file_changed"] = run_child("index", home, cancel_at=0)
    res["one_file_changed"]["file"] = changed.name
    save()
    if not args.limit_files:  # the baseline indexes the same files: all of them
        base_args = argparse.Namespace(cache=args.cache, rounds=1)
        res["baseline"] = base = bench_search.measure("baseline", "100", base_args, work)
        res["baseline_indexing"] = {
            "mb_per_s": base["index_mb_s"],
            "mb_per_cpu_s": base["index_mb_per_cpu_s"],
            "rss_mb": base["index_peak_mb"],
        }
        res["indexing_row"] = indexing_row(res)
        save()
    print_summary(res)
    if "baseline" in res:
        print(bench_search.table("100", issue_row(res), res["baseline"]))
    print_indexing_row(res["indexing_row"])
    print(f"bench_library: results in {RESULTS / name}")
    return 0


def issue_row(res: dict[str, Any]) -> dict[str, Any]:
    """This run's figures under the names of bench_search's table."""
    s, full = res["search"], res.get("resumed") or res.get("first")
    return {
        "text_mb": res["mb"],
        "segments": full["report"].get("segments"),
        "index_mb": res["index_mb"],
        "index_mb_s": res["first_indexing"]["mb_per_s"],
        "query_p50_ms": s["search_no_facets"]["p50_ms"],
        "query_p95_ms": s["search_no_facets"]["p95_ms"],
        "query_facets_p50_ms": s["search"]["p50_ms"],
        "query_facets_p95_ms": s["search"]["p95_ms"],
        "first_search_ms": round(s["first_search_s"] * 1000),
        "index_peak_mb": max(full["rss_mb"], full["workers_rss_mb"]),
        "search_peak_mb": s["rss_mb"],
        "rssanon_mb": s.get("rssanon_mb"),
        "rssfile_mb": s.get("rssfile_mb"),
    }


def _brief(run: dict[str, Any]) -> str:
    r = run["report"]
    return (
        f"{run['seconds']:.1f} s, {run['indexed']} indexed, {r['unchanged']} unchanged, "
        f"cancelled={r['cancelled']}, rss {run['rss_mb']} MB (workers {run['workers_rss_mb']} MB)"
    )


def print_summary(res: dict[str, Any]) -> None:
    s = res["search"]
    lines = [
        f"library: {res['files']} files, {res['mb']} MB of text, index {res['index_mb']} MB",
        f"first indexing: {res['first_indexing']['seconds']} s, "
        f"{res['first_indexing']['mb_per_s']} MB/s",
    ]
    if "first_cancelled" in res:
        c = res["first_cancelled"]
        lines.append(f"cancel: stopped {c['cancel_latency_s']:.1f} s after the request, "
                     f"{c['indexed']} documents kept; resume indexed {res['resumed']['indexed']}, "
                     f"{res['resumed']['report']['unchanged']} unchanged")  # fmt: skip
    full = res.get("resumed") or res.get("first")
    lines += [
        f"progress: {full['progress']}",
        f"indexer peak RSS {full['rss_mb']} MB, ingest workers {full['workers_rss_mb']} MB",
        f"usable while indexing: {res['usable']}",
        *summary_lines(s),
        f"reader: {s['reader']}",
        f"paging: {s['paging']['pages']}",
        f"similar {s['similar_s']} s, library facets {s['library_facets_s']} s, "
        f"searching process peak RSS {s['rss_mb']} MB",
        f"errors: {len(s['errors'])} ({next(iter(s['errors'].items()), 'none')})"
        + (f"; without facets {s['search_without_facets']}" if s["errors"] else ""),
        f"re-index, nothing changed: {res['unchanged_rebuild']['seconds']:.2f} s; "
        f"one file changed: {res['one_file_changed']['seconds']:.2f} s "
        f"({res['one_file_changed']['indexed']} indexed)",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
