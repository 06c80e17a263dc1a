"""What reliability costs: batch commits while indexing, refusing hostile queries.

1. A library of N speeches (UNGDC when /work/shared is there, else generated
   statements) indexed twice, each in its own process: with the batch policy
   (a commit every 50 files when the last commit took under a tenth of the
   batch, or 10 s, or 32 MB) and with commits by size only. Time, commits.
2. Hostile queries (a 10,000-letter word, phrases of one word repeated 80 and
   300 times) and the worst queries inside the limits: seconds and the
   process's peak RSS after them.

  python benchmarks/bench_reliability.py [--files 400]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CORPUS = ROOT.parent / "shared" / "corpora" / "ungdc"

BUILD = """
import json, sys, time
from pathlib import Path
from briefing_app.core.index import builder
from briefing_app.core.library import Library

def main():
    if sys.argv[2] == "size-only":
        builder.BATCH_FILES = builder.BATCH_SECONDS = 10**9
    commits = [0]
    original = builder._Session.commit
    def counting(self, merge=True):
        commits[0] += 1
        return original(self, merge)
    builder._Session.commit = counting
    started = time.perf_counter()
    report = Library(sys.argv[1]).build()
    print(json.dumps({"seconds": time.perf_counter() - started, "commits": commits[0],
                      "indexed": len(report.indexed)}))

if __name__ == "__main__":
    main()
"""

QUERIES = """
import json, resource, sys, time
from briefing_app.core.index.limits import QueryTooLarge
from briefing_app.core.library import Library

lib = Library(sys.argv[1])
lib.search("warm up")
rows = []
for label, query in json.loads(sys.argv[2]):
    started = time.perf_counter()
    try:
        lib.search(query)
        outcome = "searched"
    except QueryTooLarge as exc:
        outcome = str(exc)
    rows.append({"query": label, "seconds": round(time.perf_counter() - started, 4),
                 "outcome": outcome})
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"rows": rows, "peak_rss_mb": peak}))
"""

HOSTILE = [
    ("10,000-letter word", "a" * 10_000),
    ("phrase: one word x80", '"' + " ".join(["states"] * 80) + '"'),
    ("phrase: one word x300", '"' + " ".join(["states"] * 300) + '"'),
    ("inside: two 60-letter words", "x" * 60 + " " + "y" * 60),
    ("inside: 32-word phrase", '"' + " ".join(["states", "parties"] * 16) + '"'),
    ("inside: 64 wildcards", " ".join(f"{chr(97 + i % 26)}*" for i in range(64))),
]


def library_files(home: Path, count: int) -> int:
    folder = home / "library"
    folder.mkdir(parents=True)
    sources = sorted(CORPUS.rglob("*.txt"))[:count] if CORPUS.is_dir() else []
    for path in sources:
        shutil.copy(path, folder / path.name)
    for n in range(len(sources), count):
        text = f"Statement {n}\n\nWe welcome the zebra{n} initiative on firearms marking.\n"
        (folder / f"statement-{n:04d}.txt").write_text(text * 40, encoding="utf-8")
    return sum(p.stat().st_size for p in folder.iterdir())


def child(code: str, *args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=3600
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=400)
    args = parser.parse_args()
    results: dict = {"files": args.files, "source": "ungdc" if CORPUS.is_dir() else "generated"}
    with tempfile.TemporaryDirectory() as tmp:
        for policy in ("batches", "size-only"):
            home = Path(tmp) / policy
            size = library_files(home, args.files)
            run = child(BUILD, str(home), policy)
            run["mb_per_s"] = round(size / 1e6 / run["seconds"], 3)
            results[policy] = run
            print(
                f"{policy:9}: {run['indexed']} files, {size / 1e6:.1f} MB in "
                f"{run['seconds']:.1f} s ({run['mb_per_s']} MB/s), {run['commits']} commit(s)"
            )
        queries = child(QUERIES, str(Path(tmp) / "batches"), json.dumps(HOSTILE))
        results["queries"] = queries
        for row in queries["rows"]:
            print(f"  {row['query']:28} {row['seconds'] * 1000:8.1f} ms  {row['outcome'][:60]}")
        print(f"  peak RSS after all queries: {queries['peak_rss_mb']} MB")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_reliability.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
