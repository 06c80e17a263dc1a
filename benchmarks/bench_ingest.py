"""Ingest quality and speed on real UN documents.

Prints, per document of ../shared/corpora/undocs, what the reader hands to
the structure stage: words kept against an independent extraction
(``pdftotext -layout`` for PDF, python-docx's paragraphs and tables for
DOCX, page furniture excluded from both) and the furniture strings still
found; then the pipeline's MB/s on 10 MB of the General Debate speeches
(../shared/corpora/ungdc) and the time to ingest the 71-page A_80_605.pdf and its DOCX.

    python benchmarks/bench_ingest.py            # everything
    python benchmarks/bench_ingest.py --quality  # only the per-document table
    python benchmarks/bench_ingest.py --speed    # only the timings

Figures are printed and written to benchmarks/results/bench_ingest.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))

from tests import ingest_words as iw  # noqa: E402


def quality(folder: Path) -> list[dict]:
    from briefing_app.core.ingest import IngestError

    rows = []
    for path in sorted(folder.glob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".docx") or (suffix == ".pdf" and not iw.has_pdftotext()):
            continue
        try:
            text = iw.reader_text(path)
        except IngestError as exc:
            rows.append({"file": path.name, "refused": str(exc)})
            print(f"{path.name:36s} refused: {exc}")
            continue
        reference, heads = iw.pdf_reference(path) if suffix == ".pdf" else ("", [])
        ours = iw.words(text)
        kept = iw.words_kept(iw.reference_words(path, ours), ours)
        found = iw.furniture_found(text, heads, reference)
        rows.append({"file": path.name, "kept_pct": round(kept * 100, 2), "furniture": found})
        print(
            f"{path.name:36s} words kept {kept * 100:6.2f} %  furniture {len(found):3d} {found[:2]}"
        )
    return rows


def speed() -> dict:
    from briefing_app.core.ingest import IngestError, ingest_file

    out: dict = {}
    speeches = sorted((SHARED / "ungdc").rglob("*.txt"))
    if speeches:
        chosen, total = [], 0
        for path in speeches:
            if total >= 10_000_000:
                break
            chosen.append(path)
            total += path.stat().st_size
        start = time.perf_counter()
        for path in chosen:
            with contextlib.suppress(IngestError):
                ingest_file(path)
        seconds = time.perf_counter() - start
        out["ungdc_mb_per_s"] = round(total / 1e6 / seconds, 2)
        print(
            f"ungdc: {len(chosen)} files, {total / 1e6:.1f} MB in {seconds:.1f} s "
            f"= {out['ungdc_mb_per_s']} MB/s"
        )
    else:
        print("ungdc: not available")
    report = SHARED / "undocs" / "A_80_605.pdf"
    if report.exists():
        times = []
        for _ in range(3):
            start = time.perf_counter()
            ingest_file(report)
            times.append(time.perf_counter() - start)
        out["a_80_605_pdf_s"] = round(min(times), 3)
        print(f"A_80_605.pdf (71 pages): {out['a_80_605_pdf_s']} s (best of 3)")
    word = SHARED / "undocs" / "A_80_605.docx"
    if word.exists():
        start = time.perf_counter()
        ingest_file(word)
        out["a_80_605_docx_s"] = round(time.perf_counter() - start, 3)
        print(f"A_80_605.docx (3.5 MB, 56 tables): {out['a_80_605_docx_s']} s")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    both = not (args.quality or args.speed)
    result: dict = {}
    folder = SHARED / "undocs"
    if args.quality or both:
        result["documents"] = quality(folder) if folder.exists() else "not available"
    if args.speed or both:
        result["speed"] = speed()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_ingest.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
