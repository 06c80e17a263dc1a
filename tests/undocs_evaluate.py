"""Ingest the undocs corpus once and check it against the ground truth.

Shared by ``tests/test_undocs_corpus.py`` (one assertion per document and check) and
``benchmarks/report_undocs.py`` (the table, JSON and the README section). The ground
truth lives in ``tests/undocs_truth/*.toml`` (see the README there); the expectations
today's code does not meet yet are listed in ``tests/undocs_truth/xfail.toml``.
"""

from __future__ import annotations

import re
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache
from pathlib import Path
from typing import Any

from briefing_app.core.ingest import IngestError, ingest_file
from briefing_app.core.models import IngestedDocument
from tests import undocs_reference as ref

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "undocs"
TRUTH_DIR = Path(__file__).resolve().parent / "undocs_truth"
XFAIL_FILE = TRUTH_DIR / "xfail.toml"

#: The unit kinds whose counts the truth fixes (tables are the reader's choice).
COUNTED_KINDS = ("preambular", "operative", "article", "recommendation", "paragraph")
CHECKS = (
    "refused",
    "kind",
    "title",
    "symbol",
    "date",
    "distribution_date",
    "agenda_item",
    "sponsors",
    "counts",
    "units",
    "words_kept",
    "furniture",
)
WORDS_KEPT_MIN = 99.5
_META_SKIP = {"doc_id", "kind", "source", "content_hash", "year"}
_META_PRINTINGS = 3


@cache
def truths() -> dict[str, dict[str, Any]]:
    """File name -> its truth (a document's truth may cover its PDF and DOCX files)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(TRUTH_DIR.glob("*.toml")):
        if path.name == XFAIL_FILE.name:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for name in data["files"]:
            out[name] = data
    return out


@cache
def xfails() -> dict[str, dict[str, str]]:
    if not XFAIL_FILE.exists():
        return {}
    return tomllib.loads(XFAIL_FILE.read_text(encoding="utf-8"))


def corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.iterdir() if p.suffix.lower() in (".pdf", ".docx"))


def applicable_checks(name: str) -> list[str]:
    """The checks a file gets: words kept and furniture for every file, the rest
    where its truth states them."""
    truth = truths().get(name)
    if truth is None:
        return ["words_kept", "furniture"]
    if truth.get("refused"):
        return ["refused"]
    wanted = [c for c in CHECKS if c in truth and c != "refused"]
    if "counts" in truth:
        wanted.append("counts")
    if truth.get("units"):
        wanted.append("units")
    wanted += ["words_kept", "furniture"]
    return [c for c in CHECKS if c in wanted]


@dataclass
class Outcome:
    """One file ingested, with what the measurements need."""

    name: str
    doc: IngestedDocument | None = None
    refused: str | None = None
    seconds: float = 0.0
    reference: str | None = None  # None: pdftotext missing
    pages: int = 0
    jobs: set[str] = field(default_factory=set)

    @property
    def units(self) -> list[str]:
        return [s.text for s in self.doc.segments] if self.doc else []


@cache
def outcome(name: str) -> Outcome:
    """Ingest one corpus file (once per session) and read its reference text."""
    path = CORPUS / name
    truth = truths().get(name, {})
    result = Outcome(name)
    start = time.perf_counter()
    try:
        result.doc = ingest_file(path)
    except IngestError as exc:
        result.refused = str(exc)
    result.seconds = time.perf_counter() - start
    if result.doc is None:
        return result
    symbol = truth.get("symbol") or result.doc.meta.symbol
    extra = truth.get("extra_furniture", [])
    if path.suffix.lower() == ".docx":
        result.reference = ref.docx_reference(path, symbol, extra)
    elif ref.have_pdftotext():
        result.reference, result.pages = ref.pdf_reference(path, symbol, extra)
        result.jobs = ref.job_numbers(path)
    return result


def produced_text(doc: IngestedDocument) -> str:
    """Everything ingest kept: units, their footnotes, section headings, metadata."""
    parts: list[str] = []
    sections: set[str] = set()
    for seg in doc.segments:
        parts += [seg.number, seg.text]
        parts.extend(seg.footnotes)
        # a footnote kept with its unit keeps its mark too ("… Ltamenah, 14")
        parts.extend(note.split(" ", 1)[0] for note in seg.footnotes)
        if seg.section and seg.section not in sections:
            sections.add(seg.section)
            parts.append(seg.section)
    meta: list[str] = []
    for key, value in doc.meta.to_json().items():
        if key in _META_SKIP or not value:
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            meta.append(_spelled_date(str(item)) if "date" in key else str(item))
    # The title block repeats what the metadata holds (the title above and below the
    # symbol, the adoption date in the heading and the closing): each metadata word
    # may stand for up to three printings.
    return "\n".join(parts + meta * _META_PRINTINGS)


def _spelled_date(iso: str) -> str:
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{iso} {day.day} {day:%B} {day.year}"


_CHAR_MAP = str.maketrans({"\u00ad": None, "\u2011": "-", "\u00a0": " "})


def norm(text: str) -> str:
    """Whitespace collapsed; soft and non-breaking hyphens and spaces made plain."""
    return re.sub(r"\s+", " ", text.translate(_CHAR_MAP)).strip()


def _norm_agenda(text: str | None) -> str:
    """Agenda item "99 (a)" from "Agenda item 99 (a)"; "138 and 139" from
    "Items 138 and 139 of the preliminary list**"."""
    text = re.sub(r"(?i)^\s*(agenda\s+)?items?\s*", "", text or "")
    text = re.sub(r"(?i)\s*of the preliminary list|\*+$", "", text)
    return norm(text).casefold()


@cache
def words_kept(name: str) -> tuple[float, int, int, list[str]] | None:
    """(percent, kept, total, sample of lost words), None when there is no reference."""
    out = outcome(name)
    if out.doc is None or out.reference is None:
        return None
    kept, total, lost = ref.words_kept(out.reference, produced_text(out.doc))
    return (100.0 * kept / total if total else 100.0), kept, total, lost


@cache
def furniture(name: str) -> tuple[str, ...]:
    out = outcome(name)
    if out.doc is None:
        return ()
    symbol = truths().get(name, {}).get("symbol") or out.doc.meta.symbol
    return tuple(ref.furniture_in(out.units, out.reference or "", symbol, out.pages, out.jobs))


def unit_counts(doc: IngestedDocument) -> dict[str, int]:
    counts = Counter(s.kind for s in doc.segments)
    return {k: counts.get(k, 0) for k in COUNTED_KINDS} | {
        k: v for k, v in counts.items() if k not in COUNTED_KINDS
    }


def expected_counts(truth: dict[str, Any]) -> dict[str, int]:
    """The count per kind (the first, for a kind the truth accepts several counts of)."""
    return {k: _accepted(truth, k)[0] for k in COUNTED_KINDS}


def _accepted(truth: dict[str, Any], kind: str) -> list[int]:
    """Accepted counts: a list where the rule is a judgment call (an unnumbered chapeau
    between numbered paragraphs as a unit of its own, or inside a neighbour)."""
    value = truth.get("counts", {}).get(kind, 0)
    return [int(v) for v in value] if isinstance(value, list) else [int(value)]


def evaluate(name: str, check: str) -> tuple[bool, str]:
    """(passed, what was found) for one check of one file."""
    truth = truths().get(name, {})
    out = outcome(name)
    if check == "refused":
        pattern = truth.get("reason_matches", ".")
        ok = out.refused is not None and re.search(pattern, out.refused, re.I) is not None
        return ok, f"refused: {out.refused!r}"
    if out.doc is None:
        return False, f"refused: {out.refused}"
    meta = out.doc.meta
    if check == "title":
        found = norm(meta.title or "")
        wanted = [norm(t) for t in [truth["title"], *truth.get("title_also", [])]]
        if truth.get("title_any_case"):
            ok = found.casefold() in {w.casefold() for w in wanted}
        else:
            ok = found in wanted
        return ok, f"title {found[:120]!r} (want {wanted[0][:120]!r})"
    if check in ("kind", "symbol", "date", "distribution_date"):
        found = getattr(meta, check, None)
        return found == truth[check], f"{check} {found!r} (want {truth[check]!r})"
    if check == "agenda_item":
        found = getattr(meta, "agenda_item", None)
        # the item's title may follow its number: "99 (a) General and complete …"
        want = re.escape(_norm_agenda(truth["agenda_item"]))
        ok = re.fullmatch(want + r"(\s+[^\W\d].*)?", _norm_agenda(found)) is not None
        return ok, f"agenda item {found!r} (want {truth['agenda_item']!r})"
    if check == "sponsors":
        found = getattr(meta, "sponsors", None) or []
        return len(found) == truth["sponsors"], f"{len(found)} sponsors (want {truth['sponsors']})"
    if check == "counts":
        found, want = unit_counts(out.doc), expected_counts(truth)
        ok = all(found.get(k, 0) in _accepted(truth, k) for k in COUNTED_KINDS)
        return ok, f"units {_fmt_counts(found)} (want {_fmt_counts(want)})"
    if check == "units":
        problems = [p for u in truth.get("units", []) if (p := _unit_problem(out.doc, u))]
        return not problems, "; ".join(problems) or "all units word for word"
    if check == "words_kept":
        kept = words_kept(name)
        if kept is None:
            return True, "no reference text (pdftotext missing)"
        pct, k, total, lost = kept
        return pct >= WORDS_KEPT_MIN, f"words kept {pct:.2f} % ({k}/{total}); lost e.g. {lost}"
    if check == "furniture":
        found = furniture(name)
        return not found, f"{len(found)} furniture strings in units: {list(found[:8])}"
    raise ValueError(check)


def _fmt_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items() if v) or "none"


def _unit_problem(doc: IngestedDocument, unit: dict[str, Any]) -> str | None:
    label = f"{unit['kind']} {unit.get('number', '?')}"
    if unit.get("section"):
        label += f" in {unit['section']!r}"
    candidates = [
        s
        for s in doc.segments
        if s.kind == unit["kind"]
        and ("number" not in unit or s.number == str(unit["number"]))
        and unit.get("section", "") in s.section
    ]
    if not candidates:
        return f"{label}: no such unit"
    start, end = norm(unit["start"]), norm(unit["end"])
    starts = [start] + ([norm(unit["title"] + " " + unit["start"])] if "title" in unit else [])
    for seg in candidates:
        text = norm(seg.text)
        if seg.number:  # the printed number may lead the text ("4. Urges …", "Article 7 …")
            prefix = r"^((Article|Art\.)\s+)?" + re.escape(seg.number) + r"\.?\s+"
            text = re.sub(prefix, "", text)
        # a footnote marker may follow the last word ("…EC-94/DEC.2; 22")
        ends = (text, re.sub(r"\s?[0-9\u00b9\u00b2\u00b3\u2070-\u2079]{1,3}$", "", text))
        if any(text.startswith(s) for s in starts) and any(e.endswith(end) for e in ends):
            return None
    text = norm(candidates[0].text)
    return f"{label}: text {text[:60]!r}…{text[-60:]!r}"


def row(name: str) -> dict[str, Any]:
    """One line of the corpus table, as data."""
    out = outcome(name)
    truth = truths().get(name, {})
    data: dict[str, Any] = {"document": name, "seconds": round(out.seconds, 3)}
    if out.doc is None:
        data.update(
            kind="refused", refused=out.refused, expected_refusal=bool(truth.get("refused"))
        )
        return data
    kept = words_kept(name)
    data.update(
        kind=out.doc.meta.kind,
        kind_right=(out.doc.meta.kind == truth["kind"]) if "kind" in truth else None,
        units=unit_counts(out.doc),
        expected=expected_counts(truth) if "counts" in truth else None,
        accepted={k: _accepted(truth, k) for k in COUNTED_KINDS} if "counts" in truth else None,
        words_kept=round(kept[0], 2) if kept else None,
        words_total=kept[2] if kept else None,
        words_lost=kept[2] - kept[1] if kept else None,
        furniture=len(furniture(name)),
        title_right=evaluate(name, "title")[0] if "title" in truth else None,
        checks={c: evaluate(name, c)[0] for c in applicable_checks(name)},
    )
    return data


def format_row(data: dict[str, Any]) -> str:
    if data["kind"] == "refused":
        mark = "expected" if data["expected_refusal"] else "UNEXPECTED"
        return f"{data['document']:<34} refused ({mark}): {data['refused']}"
    units = data["units"]
    if data["expected"] is not None:
        shown = " ".join(
            f"{k[:4]} {units.get(k, 0)}/{v}"
            for k, v in data["expected"].items()
            if v or units.get(k, 0)
        )
    else:
        shown = " ".join(f"{k[:4]} {v}" for k, v in units.items() if v) + " (no truth)"
    kept = "n/a" if data["words_kept"] is None else f"{data['words_kept']:.2f}%"
    title = {True: "yes", False: "NO", None: "-"}[data["title_right"]]
    failed = [c for c, ok in data["checks"].items() if not ok]
    status = "ok" if not failed else "fails: " + ",".join(failed)
    return (
        f"{data['document']:<34} {data['kind']:<17} {shown:<44} kept {kept:>7} "
        f"furn {data['furniture']:>3} title {title:<3} {status}"
    )


def summary_line(rows: list[dict[str, Any]]) -> str:
    """Documents with every check right, and words kept over the whole corpus."""
    graded = [r for r in rows if r["kind"] != "refused" or r["expected_refusal"]]
    right = sum(
        1
        for r in graded
        if (r["kind"] == "refused" and r["expected_refusal"])
        or (r["kind"] != "refused" and all(r["checks"].values()))
    )
    total = sum(r["words_total"] or 0 for r in rows if r["kind"] != "refused")
    lost = sum(r["words_lost"] or 0 for r in rows if r["kind"] != "refused")
    kept = 100.0 * (total - lost) / total if total else 0.0
    return (
        f"documents right: {right}/{len(rows)}; words kept overall: {kept:.2f} % "
        f"({total - lost}/{total})"
    )
