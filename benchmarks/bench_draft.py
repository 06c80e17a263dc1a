"""What one pause in typing costs on the GUI thread: the draft's change notice.

    python benchmarks/bench_draft.py [--runs 30]

When typing pauses, ``DraftModel`` re-parses the draft once (``DraftDocument``)
and the preview, outline and speaking-time label all read that parse; the
figures here are that parse, each reader's share and the preview's HTML, for
drafts of 1, 4 and 10 pages built from the bundled Working Group report.
Budget: the whole notice under ~50 ms (no GUI-thread work over that). Prints
figures and writes benchmarks/results/bench_draft.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SOURCE = ROOT / "corpus" / "wg-firearms-2021-report.txt"
sys.path.insert(0, str(ROOT))

FRONT = "---\ntitle: Statement of Italy\ndelegation: Italy\nslot_minutes: 5\n---\n\n"
WORDS_PER_PAGE = 400


def draft_of(pages: int) -> str:
    """A draft of about ``pages`` pages: headings, paragraphs and footnotes, deterministic."""
    words = SOURCE.read_text(encoding="utf-8").split()
    out, notes, used = [FRONT], [], 0
    for i in range(pages * 4):
        if i % 4 == 0:
            out.append(f"## Part {i // 4 + 1}\n\n")
        chunk = words[used % len(words) : used % len(words) + WORDS_PER_PAGE // 4]
        used += len(chunk)
        out.append(" ".join(chunk) + f"[^{i + 1}]\n\n")
        notes.append(f"[^{i + 1}]: Report of the Working Group on Firearms, para. {i + 1}.\n")
    return "".join(out) + "".join(notes)


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    from briefing_app.core.export.preview import PreviewRenderer
    from briefing_app.core.session.draft_document import ParsedDraft

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    renderer = PreviewRenderer()
    renderer.html({}, "warm up")
    rows = []
    for pages in (1, 4, 10):
        text = draft_of(pages)
        parsed = ParsedDraft.parse(text)

        def fresh(text: str = text) -> ParsedDraft:
            return ParsedDraft.parse(text)

        row = {
            "pages": pages,
            "words": parsed.speaking_time().words,
            "parse_ms": timed(fresh, args.runs),
            "outline_ms": timed(lambda: fresh().headings, args.runs),
            "speaking_ms": timed(lambda: fresh().speaking_time(110), args.runs),
            "preview_ms": timed(lambda p=parsed: renderer.html(p.front.values, p.body), args.runs),
        }
        row["notice_ms"] = row["outline_ms"] + row["speaking_ms"] + row["preview_ms"]
        rows.append(row)
        print(
            f"{pages:>2} pages ({row['words']:>5} words): parse {row['parse_ms']:.2f} ms, "
            f"outline {row['outline_ms']:.2f}, speaking time {row['speaking_ms']:.2f}, "
            f"preview {row['preview_ms']:.2f}; one notice ≈ {row['notice_ms']:.1f} ms"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "bench_draft.json"
    out.write_text(json.dumps({"runs": args.runs, "drafts": rows}, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
