"""Words kept and furniture found: an independent yardstick for the readers.

The reference text comes from another extractor (``pdftotext -layout`` from
poppler-utils for PDF, python-docx's paragraphs and tables for DOCX), with
page furniture taken out by simple rules of its own (first and last line of
every page after the first, job numbers, bar codes), so the check does not
reuse the code it checks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[^\W_]+")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_JOB = re.compile(r"\b\d{2}-\d{5}\b(?:\s*\(E\))?(?:\s+\d{6})?")
_BARCODE = re.compile(r"\*\d{7,}\*")
_PAGE_OF = re.compile(r"\b\d{1,3}/\d{1,3}\s+\d{2}-\d{5}\b|\b\d{2}-\d{5}\s+\d{1,3}/\d{1,3}\b")
_RECYCLE = re.compile(r"Please\s+recycle", re.I)
_ARTEFACTS = re.compile(r"----media/|----footnote|\bfootnote\d+\)|\bendnote\d+\)")


def has_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def tokens(text: str) -> list[str]:
    text = _SUPERSCRIPT_RUN.sub(lambda m: " " + m.group(0).translate(_SUPERSCRIPTS), text)
    return [w.lower() for w in _WORD.findall(text)]


def words(text: str) -> Counter[str]:
    return Counter(tokens(text))


def mend_split_words(reference: list[str], ours: Counter[str]) -> Counter[str]:
    """pdftotext splits some kerned words ("ar tificial"): count them whole when
    the whole word is what the reader gave."""
    out: Counter[str] = Counter()
    i = 0
    while i < len(reference):
        word = reference[i]
        if i + 1 < len(reference) and (word not in ours or reference[i + 1] not in ours):
            joined = word + reference[i + 1]
            if joined in ours:
                out[joined] += 1
                i += 2
                continue
        out[word] += 1
        i += 1
    return out


def words_kept(reference: Counter[str], ours: Counter[str]) -> float:
    total = sum(reference.values())
    if not total:
        return 1.0
    return sum(min(n, ours[w]) for w, n in reference.items()) / total


def pdf_reference(path: Path) -> tuple[str, list[str]]:
    """Body text by pdftotext with furniture removed, and the running heads seen."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=120
    ).stdout.decode("utf-8", "replace")
    body, heads = [], []
    for number, page in enumerate(out.split("\f")):
        lines = page.strip("\n").split("\n")
        if number and len(lines) >= 2:
            # the running head: the lines before the first blank line (or the first)
            blank = next((i for i, ln in enumerate(lines[:6]) if not ln.strip()), 1)
            heads.append(" ".join(" ".join(lines[:blank]).split()))
            lines = [ln for ln in lines[blank:] if ln.strip()][:-1]
        for line in lines:
            line = _BARCODE.sub(" ", _JOB.sub(" ", line))
            body.append(_RECYCLE.sub(" ", line))
    return "\n".join(body), sorted(set(heads))


def docx_reference(path: Path) -> str:
    """Body paragraphs and table cells as python-docx sees them."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        seen: set[object] = set()  # a merged cell is listed once per grid cell it spans
        for row in table.rows:
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    parts.append(cell.text)
    return "\n".join(parts)


def reference_words(path: Path, ours: Counter[str] | None = None) -> Counter[str]:
    if path.suffix.lower() == ".pdf":
        found = tokens(pdf_reference(path)[0])
        return mend_split_words(found, ours) if ours is not None else Counter(found)
    return words(docx_reference(path))


def reader_text(path: Path) -> str:
    """What the reader hands to the structure stage: text and footnotes."""
    from briefing_app.core.ingest.readers import read_document
    from briefing_app.core.ingest.safety import MAX_FILE_BYTES

    raw = read_document(path, MAX_FILE_BYTES)
    return raw.text + "\n" + "\n".join(raw.footnotes)


def furniture_found(text: str, heads: list[str] = (), reference: str = "") -> list[str]:
    """Furniture strings in an ingested text: job numbers, bar codes, running heads
    (a head found more often than in the reference body, e.g. beside the title)."""
    found = [
        m.group(0)
        for rx in (_PAGE_OF, _JOB, _BARCODE, _RECYCLE, _ARTEFACTS)
        for m in rx.finditer(text)
    ]
    flat, ref = " ".join(text.split()), " ".join(reference.split())
    found += [h for h in heads if len(h) > 20 and flat.count(h) > ref.count(h)]
    return found
