"""Desktop app figures: cold start to a usable window, keystroke-to-results latency.

    .venv/bin/python benchmarks/bench_gui.py [--runs 5] [--large-mb 100] [--quick]

Cold start: a fresh process (offscreen) until the window is shown, and until
its first search is answered, with an index that already exists. Latency:
typing queries of every kind a user types (common words, phrases, OR, NOT,
fields, wildcards, fuzzy terms, misspellings) character by character into the
real window and timing each keystroke until its results are painted in the
list (debounce included; the list's viewport is repainted synchronously when
the results arrive). Both run on the bundled corpus and, when ../shared/corpora
is present, on a library of about ``--large-mb`` MB of UN General Debate
speeches, built once and kept in ``--cache`` (default benchmarks/results/,
which git ignores; a folder outside the repository is kinder to git status).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
RESULTS = ROOT / "benchmarks" / "results"
QUERIES = [
    # common words
    "cooperation",
    "security",
    "sustainable development",
    "climate change",
    "small arms",
    # phrases
    '"human rights"',
    '"illicit trafficking"',
    # OR, NOT, fields
    "terrorism OR extremism",
    "firearms NOT darknet",
    "kind:recommendation firearms",
    # wildcards and fuzzy terms
    "traffick*",
    "disarm*",
    "humanitarain~",
    # misspellings (no passage has the word: "did you mean", fallback)
    "terorism",
    "cryptocurency",
    "firearms bought on the darknet",
    # acronyms and the rest of the earlier set
    "SALW",
    "darknet",
    "marking and tracing",
    "deactivated weapons",
]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


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


# -- children (offscreen Qt) ---------------------------------------------------------


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


def child_latency(home: str, rounds: int) -> None:
    from briefing_app.gui.app import make_application

    make_application()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from briefing_app.gui import create_main_window

    window = create_main_window(home=home)
    window.show()
    QTest.qWaitForWindowExposed(window)
    edit = window.search_panel.edit
    state: dict[str, object] = {}
    loop = QEventLoop()

    viewport = window.search_panel.view.viewport()

    def arrived(result: object) -> None:
        if result.query == state.get("want"):  # type: ignore[attr-defined]
            viewport.repaint()  # this slot runs after the panel's: paint the new rows now
            state["at"] = time.perf_counter()
            loop.quit()

    window.service.resultsReady.connect(arrived)
    timer = QTimer(singleShot=True, interval=10000)
    timer.timeout.connect(loop.quit)

    def wait_for(text: str) -> float | None:
        state.pop("at", None)
        timer.start()
        loop.exec()
        at = state.get("at")
        return None if at is None else float(at)  # type: ignore[arg-type]

    state["want"] = "warm"
    window.search_panel.search_for("warm")
    wait_for("warm")
    times: list[float] = []
    by_query: dict[str, list[float]] = {}
    for _ in range(rounds):
        for query in QUERIES:
            edit.clear()
            for i, char in enumerate(query, 1):
                state["want"] = query[:i]
                started = time.perf_counter()
                QTest.keyClick(edit, char)
                at = wait_for(query[:i])
                if at is not None:
                    times.append((at - started) * 1000)
                    by_query.setdefault(query, []).append(times[-1])
    window.session.close_cleanly()
    window.service.close()
    # The same prefixes straight through the core (no cache, no Qt): what the GUI adds.
    from briefing_app.core.library import Library

    library, core = Library(home, cache=False), []
    for query in QUERIES:
        for i in range(1, len(query) + 1):
            started = time.perf_counter()
            library.search(query[:i], limit=50, facets=False)
            core.append((time.perf_counter() - started) * 1000)
    library.close()
    print(json.dumps({"keystrokes": len(times), "p50_ms": round(statistics.median(times), 1),
                      "p95_ms": round(percentile(times, 95), 1),
                      "max_ms": round(max(times), 1),
                      "core_p50_ms": round(statistics.median(core), 1),
                      "core_p95_ms": round(percentile(core, 95), 1),
                      "p95_ms_by_query": {q: round(percentile(v, 95), 1)
                                          for q, v in by_query.items()}}),
          flush=True)  # fmt: skip


# -- parent ------------------------------------------------------------------------------


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


def latency(home: Path, rounds: int) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, __file__, "--child-latency", str(home), "--rounds", str(rounds)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--large-mb", type=float, default=100)
    parser.add_argument("--quick", action="store_true", help="bundled corpus only, fewer runs")
    parser.add_argument(
        "--cache", type=Path, default=RESULTS, help="where the large library is kept"
    )
    parser.add_argument("--child-start", metavar="HOME")
    parser.add_argument("--child-latency", metavar="HOME")
    args = parser.parse_args()
    if args.child_start:
        child_start(args.child_start)
        return 0
    if args.child_latency:
        child_latency(args.child_latency, args.rounds)
        return 0

    kinds = ["bundled"]
    if args.quick:
        args.runs, args.rounds = 3, 1
    elif (SHARED / "ungdc").is_dir():
        kinds.append("large")
    else:
        print("large library: not available (../shared/corpora missing)")
    figures: dict[str, object] = {}
    for kind in kinds:
        label = "bundled corpus" if kind == "bundled" else f"{args.large_mb:g} MB of speeches"
        print(f"{label}:", flush=True)
        home = ensure_home(kind, args.large_mb, args.cache)
        start = cold_start(home, args.runs)
        shown, first = start["shown_median_s"], start["first_search_median_s"]
        print(f"  cold start: window shown {shown:.2f} s, first search answered {first:.2f} s "
              f"(median of {args.runs}; goal < 1 s)")  # fmt: skip
        typing = latency(home, args.rounds)
        print(f"  keystroke to results painted: p50 {typing['p50_ms']} ms, "
              f"p95 {typing['p95_ms']} ms "
              f"over {typing['keystrokes']} keystrokes (goal p95 < 50 ms); core search alone "
              f"p50 {typing['core_p50_ms']} ms, p95 {typing['core_p95_ms']} ms",
              flush=True)  # fmt: skip
        slowest = sorted(typing["p95_ms_by_query"].items(), key=lambda kv: -kv[1])[:4]
        print(f"  slowest kinds of query (p95 ms): {slowest}", flush=True)
        figures[kind] = {"label": label, **start, **typing}
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"gui-{time.strftime('%Y%m%d-%H%M%S')}.json"
    figures["load_1min"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    figures["queries"] = QUERIES
    out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"saved {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
