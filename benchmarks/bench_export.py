"""Time the Word export of a ten-page statement (about 4,000 words, 20 footnotes).

    python benchmarks/bench_export.py            # 15 timed runs per profile
    python benchmarks/bench_export.py --render   # also count pages with LibreOffice

The statement is built deterministically from the bundled Working Group report
(sentences cycled), with headings, block quotes, a list and a table. Goal: a
statement exports in under 0.3 s. Prints figures and writes
benchmarks/results/bench_export.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SOURCE = ROOT / "corpus" / "wg-firearms-2021-report.txt"
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 0.3


def make_statement(words: int = 4000, footnotes: int = 20) -> str:
    """A long, realistic draft: front matter, sections, quotes, footnotes."""
    text = SOURCE.read_text(encoding="utf-8")
    sentences = [
        s.strip()
        for s in re.split(r"(?<=[.;])\s+", re.sub(r"\s+", " ", text))
        if 12 <= len(s.split()) <= 45 and not s.strip().startswith(("-", "*", "#"))
    ]
    out = [
        "---",
        "title: Implementation of the Firearms Protocol",
        "delegation: Permanent Mission of Aurelia",
        "speaker: H.E. Ms. Elena Marković, Ambassador",
        "meeting: Working Group on Firearms, eighth session",
        "agenda_item: 3",
        "place: Vienna",
        "date: 12 May 2021",
        "mark: Check against delivery",
        "---",
        "Mr. Chair,",
        "",
    ]
    count, note, index, paragraph = 0, 0, 0, 0
    per_note = words // footnotes
    while count < words:
        if paragraph % 8 == 0:
            out += [f"## Part {paragraph // 8 + 1}", ""]
        sentence_count = 3 + paragraph % 3
        chosen = sentences[index : index + sentence_count]
        index = (index + sentence_count) % max(1, len(sentences) - 6)
        para = " ".join(chosen)
        count += len(para.split())
        is_list = paragraph % 11 == 5 and paragraph % 7 != 3
        if note < footnotes and count >= (note + 1) * per_note and not is_list:
            note += 1
            para = para.rstrip(".") + f"[^{note}]."
        if paragraph % 7 == 3:
            out += [f"> {para}", ""]
        elif paragraph % 11 == 5:
            out += [f"{i}. {s}" for i, s in enumerate(chosen, 1)] + [""]
        else:
            out += [para, ""]
        paragraph += 1
    out += ["| Instrument | Status |", "|---|---|", "| Firearms Protocol | Ratified |", ""]
    out += ["Thank you, Mr. Chair.", ""]
    out += [
        f"[^{n}]: Report of the Working Group on Firearms, Vienna, 10–12 May 2021, "
        f"recommendation {n}."
        for n in range(1, note + 1)
    ]
    return "\n".join(out) + "\n"


def _pages(docx_path: Path, workdir: Path) -> int | None:
    if not (shutil.which("soffice") and shutil.which("pdfinfo")):
        return None
    profile = workdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(workdir), str(docx_path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    info = subprocess.run(
        ["pdfinfo", str(docx_path.with_suffix(".pdf"))], capture_output=True, text=True
    ).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(match.group(1)) if match else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--render", action="store_true", help="count pages with LibreOffice")
    args = parser.parse_args()

    from briefing_app.core.export import build_document, export_draft

    draft = make_statement()
    body_words = len(draft.split("---", 2)[2].split())
    results: dict[str, object] = {
        "words": body_words,
        "footnotes": draft.count("[^") // 2,
        "goal_seconds": GOAL_SECONDS,
        "profiles": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        export_draft(draft, workdir / "cold.docx")  # first call: imports, template read
        results["first_call_seconds"] = round(time.perf_counter() - started, 4)
        for profile in ("statement", "speaker", "talking-points"):
            timings, build = [], []
            for run in range(args.runs):
                t0 = time.perf_counter()
                build_document(draft, profile=profile)
                build.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                out = export_draft(draft, workdir / f"{profile}-{run}.docx", profile=profile)
                timings.append(time.perf_counter() - t0)
            figures = {
                "median_seconds": round(statistics.median(timings), 4),
                "max_seconds": round(max(timings), 4),
                "build_median_seconds": round(statistics.median(build), 4),
                "bytes": out.stat().st_size,
            }
            if args.render:
                figures["pages"] = _pages(out, workdir)
            results["profiles"][profile] = figures  # type: ignore[index]

    statement = results["profiles"]["statement"]  # type: ignore[index]
    results["meets_goal"] = statement["median_seconds"] < GOAL_SECONDS
    print(f"Export of a {body_words}-word statement with {results['footnotes']} footnotes")
    print(f"  first call (imports + template): {results['first_call_seconds'] * 1000:.0f} ms")
    for name, fig in results["profiles"].items():  # type: ignore[union-attr]
        pages = f", {fig['pages']} pages" if fig.get("pages") else ""
        print(
            f"  {name:15s} median {fig['median_seconds'] * 1000:6.1f} ms "
            f"(max {fig['max_seconds'] * 1000:.1f}, build only "
            f"{fig['build_median_seconds'] * 1000:.1f}), {fig['bytes'] / 1024:.0f} KiB{pages}"
        )
    print(f"  goal < {GOAL_SECONDS * 1000:.0f} ms: {'met' if results['meets_goal'] else 'MISSED'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_export.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
