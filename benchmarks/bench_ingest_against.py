"""Ingest speed of this tree against another checkout, measured alternately.

On a shared, loaded machine two separate runs are not comparable; this runs
the same measurement (pipeline MB/s on the first 10 MB of
../shared/corpora/ungdc, as ``bench_ingest.py --speed``) for each tree in
turn, in fresh processes, and reports wall-clock and CPU MB/s (CPU time is
the steadier of the two when other work shares the cores).

    git worktree add /tmp/ingest-old 85e0ed9
    python benchmarks/bench_ingest_against.py /tmp/ingest-old --rounds 3

Figures are printed and written to benchmarks/results/bench_ingest_against.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNGDC = ROOT.parent / "shared" / "corpora" / "ungdc"

_MEASURE = """
import contextlib, json, sys, time
from pathlib import Path
from briefing_app.core.ingest import IngestError, ingest_file
chosen, total = [], 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    if total >= 10_000_000:
        break
    chosen.append(path)
    total += path.stat().st_size
for path in chosen:
    path.read_bytes()
wall = cpu = float("inf")
for _ in range(int(sys.argv[2])):
    start, start_cpu = time.perf_counter(), time.process_time()
    for path in chosen:
        with contextlib.suppress(IngestError):
            ingest_file(path)
    wall = min(wall, time.perf_counter() - start)
    cpu = min(cpu, time.process_time() - start_cpu)
mb = total / 1e6
print(json.dumps({"mb": mb, "wall_mb_s": mb / wall, "cpu_mb_s": mb / cpu}))
"""


def measure(tree: Path, repeats: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(UNGDC), str(repeats)],
        env=env,
        cwd=tree.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, help="checkout to compare with (e.g. a worktree)")
    parser.add_argument("--rounds", type=int, default=3, help="alternations")
    parser.add_argument("--repeats", type=int, default=3, help="best of, per process")
    args = parser.parse_args()
    if not UNGDC.exists():
        print(f"ungdc: not available ({UNGDC})")
        return
    rows: dict[str, list[dict]] = {"other": [], "this": []}
    for round_no in range(1, args.rounds + 1):
        for name, tree in (("other", args.other.resolve()), ("this", ROOT)):
            rows[name].append(measure(tree, args.repeats))
        print(
            f"round {round_no}: other {rows['other'][-1]['cpu_mb_s']:.2f} MB/s cpu "
            f"({rows['other'][-1]['wall_mb_s']:.2f} wall)   "
            f"this {rows['this'][-1]['cpu_mb_s']:.2f} MB/s cpu "
            f"({rows['this'][-1]['wall_mb_s']:.2f} wall)"
        )
    summary = {
        name: {
            "best_cpu_mb_s": round(max(r["cpu_mb_s"] for r in runs), 2),
            "best_wall_mb_s": round(max(r["wall_mb_s"] for r in runs), 2),
        }
        for name, runs in rows.items()
    }
    print(f"best: other {summary['other']}   this {summary['this']}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    result = {"other": str(args.other), "rounds": rows, "summary": summary}
    (out / "bench_ingest_against.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
