"""Desktop app figures: cold start to a usable window, keystroke-to-results latency.

    .venv/bin/python benchmarks/bench_gui.py [--runs 5] [--rounds 2] [--large-mb 100]
        [--large-home DIR] [--pace MS] [--quick] [--out FILE]

Cold start: a fresh process (offscreen) until the window is shown, and until
its first search is answered, with an index that already exists. Latency:
typing queries of every kind a user types (common words, phrases, OR, NOT,
fields, wildcards, fuzzy terms, misspellings) character by character into the
real window and timing each keystroke until the window has painted its results
(debounce included), the next key following at once, or ``--pace`` ms after
the paint (a typist's rhythm: what runs in the pauses, facet counts, the
rest of the page, the reader, may then delay a keystroke). The clock stops
when the window has processed the first repaint after the results (or the
error line) arrived, and only if the results list was among what it painted:
the frame holds the new rows, not a stale one.
Both run on the bundled corpus and on ~``--large-mb`` MB of UN General Debate
speeches (../shared/corpora; built once into ``--cache``, git-ignored by
default) or a scratch copy of an existing home (``--large-home``). Prints
p50/p95 per kind of query and overall for each library; saves JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
RESULTS = ROOT / "benchmarks" / "results"
#: Queries by kind; each is typed character by character.
KINDS: dict[str, list[str]] = {
    "common words": [
        "cooperation",
        "security",
        "sustainable development",
        "climate change",
        "small arms",
    ],
    "phrases": ['"human rights"', '"illicit trafficking"'],
    "OR, NOT, fields": [
        "terrorism OR extremism",
        "firearms NOT darknet",
        "kind:recommendation firearms",
    ],
    "wildcards, fuzzy": ["traffick*", "disarm*", "humanitarain~"],
    "misspellings": ["terorism", "cryptocurency", "firearms bought on the darknet"],
    "acronyms, other": ["SALW", "darknet", "marking and tracing", "deactivated weapons"],
}
QUERIES = [q for queries in KINDS.values() for q in queries]
KIND_OF = {q: kind for kind, queries in KINDS.items() for q in queries}
WAIT_MS = 10_000  # a keystroke not painted by then counts as a timeout


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def spread(values: list[float]) -> dict[str, float]:
    """p50 / p95 / max of some timings (ms), rounded."""
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "max_ms": round(max(values), 1),
    }


def speech_files(megabytes: float) -> list[Path]:
    """Most recent UNGDC sessions backwards, up to the budget (as bench_search does)."""
    folder = SHARED / "ungdc"
    files = sorted(folder.rglob("*.txt"), key=lambda p: (p.parent.name, p.name))
    chosen, total = [], 0
    for path in reversed(files):
        if total >= megabytes * 1_000_000:
            break
        chosen.append(path)
        total += path.stat().st_size
    return sorted(chosen)


def ensure_home(kind: str, megabytes: float, cache: Path) -> Path:
    """A data home with a built index (kept between runs for the large library)."""
    from briefing_app.core.library import Library

    if kind == "bundled":
        home = Path(tempfile.mkdtemp(prefix="bench-gui-"))
        paths: list[Path] = []
    else:
        home = cache / f"gui-home-{int(megabytes)}mb"
        source = home.parent / f"gui-source-{int(megabytes)}mb"
        if not source.is_dir():
            source.mkdir(parents=True)
            for path in speech_files(megabytes):
                (source / f"{path.parent.name}-{path.name}").symlink_to(path)
        paths = [source]
    library = Library(home)
    if not library.is_built() or kind != "bundled":
        started = time.perf_counter()
        report = library.build(paths)
        if report.indexed:
            print(f"  built {kind} index: {report.segments} segments in "
                  f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
    library.close()
    return home


def copy_home(source: Path) -> Path:
    """A scratch copy of an existing home (the window writes settings and autosaves)."""
    target = Path(tempfile.mkdtemp(prefix="bench-gui-home-")) / "home"
    shutil.copytree(source, target, symlinks=True)
    return target


def child_start(home: str) -> None:
    from briefing_app.gui.app import make_application

    app = make_application()
    from PySide6.QtTest import QTest

    from briefing_app.gui import create_main_window

    window = create_main_window(home=home)
    window.show()
    QTest.qWaitForWindowExposed(window)
    print("shown", flush=True)

    def answered(result: object) -> None:
        print("answered", len(result.hits), flush=True)  # type: ignore[attr-defined]
        app.quit()  # type: ignore[attr-defined]

    window.service.resultsReady.connect(answered)
    window.search_panel.search_for("firearms")
    app.exec()  # type: ignore[attr-defined]
    window.session.close_cleanly()
    window.service.close()


def child_latency(home: str, rounds: int, pace_ms: int = 0) -> None:
    from briefing_app.gui.app import make_application

    make_application()
    from gui_clock import paint_clock, settle  # (benchmarks/, this script's folder)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from briefing_app.gui import create_main_window

    window = create_main_window(home=home)
    window.show()
    QTest.qWaitForWindowExposed(window)
    # No result cache: the second round would time the cache, not searching.
    window.service.library.engine.use_cache = False
    edit = window.search_panel.edit
    loop = QEventLoop()
    clock = paint_clock(window, loop)
    timer = QTimer(singleShot=True, interval=WAIT_MS)
    timer.timeout.connect(loop.quit)

    def wait() -> float | None:
        timer.start()
        loop.exec()  # (releases the interpreter lock: the search thread runs)
        timer.stop()
        return clock.stopped_at

    clock.arm("warm")
    window.search_panel.search_for("warm")
    wait()
    settle(window)
    by_query: dict[str, list[float]] = {}
    timeouts = errors = 0
    for _ in range(rounds):
        for query in QUERIES:
            edit.clear()
            for i, char in enumerate(query, 1):
                clock.arm(query[:i])
                started = time.perf_counter()
                QTest.keyClick(edit, char)
                at = wait()
                if at is None:
                    timeouts += 1
                    continue
                errors += clock.error
                by_query.setdefault(query, []).append((at - started) * 1000)
                if pace_ms:
                    QTimer.singleShot(pace_ms, loop.quit)
                    loop.exec()
    clock.arm(None)  # type: ignore[arg-type]
    window.session.close_cleanly()
    window.service.close()
    print(json.dumps(summarise(by_query, core_timings(home), timeouts, errors)), flush=True)


def core_timings(home: str) -> list[float]:
    """The same prefixes straight through the core (no cache, no Qt, as many hits as
    a keystroke asks for): what the GUI adds."""
    from briefing_app.core.library import Library
    from briefing_app.gui.library_service import FIRST_PAGE

    library, core = Library(home, cache=False), []
    for query in QUERIES:
        for i in range(1, len(query) + 1):
            started = time.perf_counter()
            with suppress(ValueError):  # "kind:r" while typing: the window says why
                library.search(query[:i], limit=FIRST_PAGE, facets=False)
            core.append((time.perf_counter() - started) * 1000)
    library.close()
    return core


def summarise(
    by_query: dict[str, list[float]], core: list[float], timeouts: int, errors: int
) -> dict[str, Any]:
    every = [t for times in by_query.values() for t in times]
    by_kind: dict[str, list[float]] = {}
    for query, times in by_query.items():
        by_kind.setdefault(KIND_OF[query], []).extend(times)
    return {
        "keystrokes": len(every),
        "timeouts": timeouts,
        "error_lines": errors,
        **spread(every),
        "core": spread(core),
        "by_kind": {kind: spread(times) for kind, times in by_kind.items()},
        "p95_ms_by_query": {q: round(percentile(v, 95), 1) for q, v in by_query.items()},
    }


def cold_start(home: Path, runs: int) -> dict[str, float]:
    shown, answered = [], []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_HOME": str(home)}
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child-start", str(home)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
        )  # fmt: skip
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("shown"):
                shown.append(time.perf_counter() - started)
            elif line.startswith("answered"):
                answered.append(time.perf_counter() - started)
        proc.wait()
    return {
        "shown_median_s": round(statistics.median(shown), 3),
        "first_search_median_s": round(statistics.median(answered), 3),
        "first_search_max_s": round(max(answered), 3),
    }


def latency(home: Path, rounds: int, pace_ms: int) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, __file__, "--child-latency", str(home), "--rounds", str(rounds),
         "--pace", str(pace_ms)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def report(typing: dict[str, Any]) -> None:
    core = typing["core"]
    print(f"  keystroke to results painted: p50 {typing['p50_ms']} ms, p95 {typing['p95_ms']} ms, "
          f"max {typing['max_ms']} ms over {typing['keystrokes']} keystrokes (goal p95 < 50 ms; "
          f"{typing['timeouts']} not painted within {WAIT_MS // 1000} s, "
          f"{typing['error_lines']} answered by an error line)", flush=True)  # fmt: skip
    print(f"  core search alone (same prefixes and page size, no cache): p50 {core['p50_ms']} ms, "
          f"p95 {core['p95_ms']} ms")  # fmt: skip
    width = max(len(kind) for kind in KINDS)
    for kind, figures in typing["by_kind"].items():
        print(f"    {kind:<{width}}  p50 {figures['p50_ms']:>6} ms  p95 {figures['p95_ms']:>6} ms"
              f"  ({figures['n']} keystrokes)")  # fmt: skip
    slowest = sorted(typing["p95_ms_by_query"].items(), key=lambda kv: -kv[1])[:4]
    print(f"  slowest queries (p95 ms): {slowest}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pace", type=int, default=0, help="ms between paint and next key")
    parser.add_argument("--large-mb", type=float, default=100)
    parser.add_argument(
        "--large-home", type=Path, help="an existing data home with a built index (copied)"
    )
    parser.add_argument("--quick", action="store_true", help="bundled corpus only, fewer runs")
    parser.add_argument(
        "--cache", type=Path, default=RESULTS, help="where the large library is kept"
    )
    parser.add_argument("--out", type=Path, help="the JSON file (default benchmarks/results/)")
    parser.add_argument("--child-start", metavar="HOME")
    parser.add_argument("--child-latency", metavar="HOME")
    args = parser.parse_args()
    if args.child_start:
        child_start(args.child_start)
        return 0
    if args.child_latency:
        child_latency(args.child_latency, args.rounds, args.pace)
        return 0

    kinds = ["bundled"]
    if args.quick:
        args.runs, args.rounds = 3, 1
    elif args.large_home or (SHARED / "ungdc").is_dir():
        kinds.append("large")
    else:
        print("large library: not available (../shared/corpora missing)")
    figures: dict[str, object] = {}
    for kind in kinds:
        scratch = None
        if kind == "bundled":
            label = "bundled corpus"
            home = scratch = ensure_home(kind, args.large_mb, args.cache)
        elif args.large_home:
            label = f"copy of {args.large_home}"
            home = copy_home(args.large_home)
            scratch = home.parent
        else:
            label = f"{args.large_mb:g} MB of speeches"
            home = ensure_home(kind, args.large_mb, args.cache)
        print(f"{label}:", flush=True)
        try:
            start = cold_start(home, args.runs)
            shown, first = start["shown_median_s"], start["first_search_median_s"]
            print(f"  cold start: window shown {shown:.2f} s, first search answered "
                  f"{first:.2f} s (median of {args.runs}; goal < 1 s)")  # fmt: skip
            typing = latency(home, args.rounds, args.pace)
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
        report(typing)
        figures[kind] = {"label": label, "pace_ms": args.pace, **start, **typing}
    out = args.out or RESULTS / f"gui-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    figures["load_1min"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    figures["kinds"] = KINDS
    out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
