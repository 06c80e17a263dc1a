"""Figures for the precedent finder and the per-segment annotations.

    python benchmarks/bench_precedents.py            # bundled corpus (+ UNGDC sample)
    python benchmarks/bench_precedents.py --mb 20    # size of the UNGDC sample

* annotate(): CPU MB/s (it runs on every segment at indexing time), on the
  bundled corpus and on a deterministic sample of UNGDC speeches when
  /work/shared/corpora is present;
* find_precedents(): p50/p95 ms over every segment of the bundled corpus used
  as a draft, and how often a segment with three words replaced finds itself
  first (a quality figure, not a timing).

Prints figures and writes benchmarks/results/bench_precedents.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))


def _blocks(texts: list[str]) -> list[str]:
    return [b for t in texts for b in re.split(r"\n\s*\n", t) if b.strip()]


def bench_annotate(blocks: list[str], kind: str) -> float:
    from briefing_app.core.annotation.annotate import annotate

    size = sum(len(b) for b in blocks) / 1e6
    start = time.process_time()
    for block in blocks:
        annotate(block, kind)
    return size / max(1e-9, time.process_time() - start)


def ungdc_sample(megabytes: float) -> list[str]:
    folder = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ungdc"
    if not folder.is_dir():
        return []
    texts, total = [], 0
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        total += len(text)
        if total >= megabytes * 1e6:
            break
    return texts


def bench_finder() -> dict[str, float]:
    from briefing_app.core.library import Library
    from briefing_app.core.precedents.finder import find_precedents

    with tempfile.TemporaryDirectory() as home, Library(home) as library:
        library.build()
        segments = [
            s
            for meta in library.documents()
            for s in library.document_segments(meta.doc_id)
            if len(s.text.split()) >= 8
        ]
        times, found = [], 0
        rng = random.Random(7)
        for segment in segments:
            words = segment.text.split()
            for i in rng.sample(range(len(words)), 3):
                words[i] = "zebra"
            start = time.perf_counter()
            result = find_precedents(library, " ".join(words), limit=10)
            times.append((time.perf_counter() - start) * 1000)
            found += bool(result.hits) and result.hits[0].segment_id == segment.segment_id
    times.sort()
    return {
        "drafts": len(segments),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "self_first_share": round(found / len(segments), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="UNGDC sample size in MB")
    args = parser.parse_args()
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.[tm][xd]*"))]
    figures: dict[str, object] = {
        "annotate_bundled_recommendation_mb_s": round(
            bench_annotate(_blocks(corpus), "recommendation"), 2
        ),
    }
    sample = ungdc_sample(args.mb)
    if sample:
        figures["annotate_ungdc_mb"] = round(sum(map(len, sample)) / 1e6, 1)
        figures["annotate_ungdc_paragraph_mb_s"] = round(
            bench_annotate(_blocks(sample), "paragraph"), 2
        )
    else:
        print("UNGDC corpus: not available")
    figures["find_precedents"] = bench_finder()
    for key, value in figures.items():
        print(f"{key}: {value}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_precedents.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
