"""The reader: GUI-thread time to open a long document at a passage.

    .venv/bin/python benchmarks/bench_reader.py [--runs 9] [--home DIR] [--out FILE]

Indexes the bundled corpus plus one long UN General Debate speech
(../shared/corpora/ungdc, skipped with a message when missing) into a scratch
home, then opens the largest bundled document and the speech in a
``ReaderPanel`` (offscreen) at a passage half-way down with a frequent word
marked, and times, on the GUI thread, ``show_document`` plus the first paint
of the viewport. Both wall time and the thread's CPU time are printed (CPU
time is steadier on a shared machine), with the longest single event-loop
turn in the following 300 ms (the lazy layout's later steps). Saves JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEECH = ROOT.parent / "shared" / "corpora" / "ungdc" / "session-64-2009" / "LBY_64_2009.txt"
RESULTS = ROOT / "benchmarks" / "results"
REPORT = ("wg-firearms-2021-report", ["firearms"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--home", type=Path, help="an existing scratch home (kept)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from briefing_app.core.library import Library
    from briefing_app.gui.reader import ReaderPanel
    from briefing_app.gui.reader_text import prepare_links

    scratch = None if args.home else Path(tempfile.mkdtemp(prefix="bench-reader-"))
    home = args.home or scratch
    assert home is not None
    targets = [REPORT]
    extra = []
    if SPEECH.exists():
        extra.append(SPEECH)
        targets.append((SPEECH.stem.lower().replace("_", "-"), ["nations"]))
    else:
        print(f"skipped the UNGDC speech: {SPEECH} is missing")
    library = Library(home)
    if not library.is_built():
        library.build(paths=extra)
    app = QApplication.instance() or QApplication([])
    panel = ReaderPanel()
    panel.resize(700, 800)
    panel.show()
    app.processEvents()
    figures: dict[str, dict[str, float]] = {}
    for doc_id, words in targets:
        meta, segments = library.document(doc_id), library.document_segments(doc_id)
        if meta is None:
            print(f"skipped {doc_id}: not in the library")
            continue
        prepare_links(segments)  # done on the library thread in the window
        focus = segments[len(segments) // 2].segment_id
        wall, cpu, later = [], [], []
        for _ in range(args.runs):
            panel.clear()
            app.processEvents()
            w0, c0 = time.perf_counter(), time.thread_time()
            panel.show_document(meta, segments, focus, words)
            panel.view.viewport().repaint()
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            end = time.perf_counter() + 0.3
            while time.perf_counter() < end:
                t0 = time.perf_counter()
                app.processEvents()
                later.append((time.perf_counter() - t0) * 1000)
        chars = sum(len(s.text) for s in segments)
        figures[doc_id] = {
            "chars": chars,
            "matches": len(panel.view.matches),
            "wall_ms_median": statistics.median(wall),
            "cpu_ms_median": statistics.median(cpu),
            "longest_later_turn_ms": max(later),
        }
        f = figures[doc_id]
        print(
            f"{doc_id}: {chars} chars, {f['matches']} matches: open {f['wall_ms_median']:.1f} ms"
            f" wall, {f['cpu_ms_median']:.1f} ms CPU (median of {args.runs});"
            f" longest later turn {f['longest_later_turn_ms']:.1f} ms"
        )
    library.close()
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
    out = args.out or RESULTS / f"reader-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
