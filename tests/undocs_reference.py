"""The reference text of a corpus document, to measure what ingest kept.

PDF: ``pdftotext -layout`` (poppler), page by page, minus page furniture. DOCX: the
body paragraphs and table cells in document order (python-docx; headers, footers and
footnotes are separate parts and so are not in the reference). Furniture is defined
narrowly: job numbers ("25-15779 (E) 171025"), bar codes ("*2515779*"), page numbers
("2/5"), the running header block at the top of a page (symbol and running title),
the masthead labels ("United Nations", "Distr.: General", "Original: English",
"Agenda item", "Resolution adopted by the General Assembly", ": draft resolution"
after the sponsors), the table of contents (its dot-leader lines in PDF, the table
after "Contents" in DOCX), and per-document extras named in the truth file (e.g. a
library stamp on a scan). Everything else is body text that must end up in a unit, a
footnote or the metadata.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b")
_JOB_LINE = re.compile(r"^\s*\d{2}-\d{5}\*?(\s*\([A-Z]\))?(\s+\d{6}){0,2}\s*$")
_BAR_CODE_LINE = re.compile(r"^\s*\*\d{7,}\*\s*$")
_PAGE_LINE = re.compile(
    r"^\s*(\d{1,3}/\d{1,3}\s+\d{2}-\d{5}|\d{2}-\d{5}\s+\d{1,3}/\d{1,3}|\d{1,3}/\d{1,3})\s*$"
)
_MASTHEAD_LABELS = re.compile(
    r"Distr\.:\s*(General|Limited)|Original:\s*\w+|Resolution adopted by the General Assembly"
    r"|(?<=: )draft (resolution|decision)\b|^\s*(Agenda )?items? (?=\d)"
    r"|^\s*United Nations(?=\s{2,}\S|\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
_RULE_LINE = re.compile(r"^\s*_{5,}\s*$")
# the table of contents: dot-leader lines and its "Contents" / "Page" head
_TOC_LINE = re.compile(r"(\s?\.){6,}\s*\d*\s*$|^\s*(Contents|Page)\s*$")
_WORD = re.compile(r"[^\W_]+")


def have_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def symbol_pattern(symbol: str) -> re.Pattern[str]:
    """The symbol as printed in headers, with an optional reissue asterisk."""
    return re.compile(re.escape(symbol) + r"\*?", re.IGNORECASE)


@cache
def pdf_pages(path: Path) -> tuple[str, ...]:
    """pdftotext's pages (read once per path and session)."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8", "replace")
    pages = out.split("\f")
    return tuple(pages[:-1] if pages and not pages[-1].strip() else pages)


def strip_page(page: str, symbol: str | None, first: bool, extra: Iterable[str] = ()) -> str:
    """One page of pdftotext output without its furniture."""
    lines = page.split("\n")
    sym = symbol_pattern(symbol) if symbol else None
    if sym and not first:
        lines = _drop_running_header(lines, sym)
    kept = []
    for line in lines:
        if _JOB_LINE.match(line) or _BAR_CODE_LINE.match(line) or _PAGE_LINE.match(line):
            continue
        if _RULE_LINE.match(line) or _TOC_LINE.search(line):
            continue
        if sym and sym.fullmatch(line.strip()):
            continue
        if first:
            line = _MASTHEAD_LABELS.sub(" ", line)
        for pattern in extra:
            line = re.sub(pattern, " ", line)
        kept.append(line)
    return "\n".join(kept)


def _drop_running_header(lines: list[str], sym: re.Pattern[str]) -> list[str]:
    """Drop the top block (up to the first blank line) when it carries the symbol."""
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is None:
        return lines
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    if end - start <= 5 and any(sym.search(ln) for ln in lines[start:end]):
        return lines[end:]
    return lines


def _first_line(page: str) -> tuple[int, str] | None:
    for i, line in enumerate(page.split("\n")):
        if line.strip():
            return i, " ".join(line.split())
    return None


def _running_heads(pages: tuple[str, ...]) -> set[str]:
    """First lines repeated on many pages ("Section 3 Political affairs"): a running
    head without the symbol."""
    firsts = [f[1] for page in pages[1:] if (f := _first_line(page))]
    counts: dict[str, int] = {}
    for line in firsts:
        counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items() if n >= 3 and n >= len(pages) / 4}


def _drop_head(page: str, heads: set[str]) -> str:
    first = _first_line(page)
    if not first or first[1] not in heads:
        return page
    lines = page.split("\n")
    return "\n".join(lines[: first[0]] + lines[first[0] + 1 :])


def pdf_reference(path: Path, symbol: str | None, extra: Iterable[str] = ()) -> tuple[str, int]:
    """(body text without furniture, page count)."""
    pages = pdf_pages(path)
    extra = list(extra)
    heads = _running_heads(pages)
    text = "\n".join(
        strip_page(_drop_head(page, heads) if i else page, symbol, i == 0, extra)
        for i, page in enumerate(pages)
    )
    return _drop_masthead_symbol(text, symbol), len(pages)


def docx_reference(path: Path, symbol: str | None, extra: Iterable[str] = ()) -> str:
    """Body paragraphs and table cells in document order (nested tables included)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container) -> Iterable[str]:
        after_contents = False
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                if item.text.strip() == "Contents":  # the table of contents follows
                    after_contents = True
                    continue
                after_contents = after_contents and not item.text.strip()
                yield _paragraph_text(item)
            elif isinstance(item, Table) and after_contents:
                after_contents = False
            elif isinstance(item, Table):
                for row in item.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell)

    text = "\n".join(walk(docx.Document(str(path))))
    text = _MASTHEAD_LABELS.sub(" ", text)
    for pattern in extra:
        text = re.sub(pattern, " ", text)
    return _drop_masthead_symbol(text, symbol)


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text with superscript runs (footnote letters in table cells,
    "Resources a") set apart, as a reader sees them, not glued ("Resourcesa")."""
    parts = []
    for item in paragraph.iter_inner_content():
        text = item.text
        if getattr(getattr(item, "font", None), "superscript", False):
            text = f" {text} "
        parts.append(text)
    return "".join(parts)


def _drop_masthead_symbol(text: str, symbol: str | None) -> str:
    """The symbol in the masthead is metadata, not body text: drop its first printing
    when it comes before any body text."""
    if not symbol:
        return text
    match = symbol_pattern(symbol).search(text)
    if match and match.start() < 400:
        text = text[: match.start()] + text[match.end() :]
    return text


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def words_kept(reference: str, produced: str) -> tuple[int, int, list[str]]:
    """(kept, total, a sample of missing words): the reference's words, as a multiset,
    found in what ingest produced. A word split or joined differently by the two text
    extractors ("im plementation" / "implementation") still counts as kept."""
    ref = words(reference)
    have = Counter(words(produced))
    missing_at: list[int] = []
    for i, w in enumerate(ref):
        if have[w] > 0:
            have[w] -= 1
        else:
            missing_at.append(i)
    kept = len(ref) - len(missing_at)
    lost: list[str] = []
    skip: set[int] = set()
    for i in missing_at:
        if i in skip:
            continue
        joined = ref[i] + ref[i + 1] if i + 1 < len(ref) else None
        prev_joined = ref[i - 1] + ref[i] if i > 0 else None
        if joined and (i + 1) in missing_at and have[joined] > 0:
            have[joined] -= 1
            kept += 2
            skip.add(i + 1)
        elif prev_joined and have[prev_joined] > 0 and (i - 1) not in missing_at:
            have[prev_joined] -= 1
            kept += 1
        else:
            lost.append(ref[i])
    return kept, len(ref), lost[:12]


_ARTEFACTS = re.compile(r"-{3,}media/|media/image\d|\bfootnote\d+\)")
_BAR_CODE = re.compile(r"\*\d{7,}\*")


def furniture_in(
    units: list[str], reference: str, symbol: str | None, pages: int, jobs: set[str]
) -> list[str]:
    """Furniture strings found inside units. A string that the body text itself contains
    (a report citing its own symbol) counts only beyond the times the body has it."""
    found: list[str] = []
    joined = "\n".join(units)
    for job in jobs:
        found += [job] * len(re.findall(r"\b" + re.escape(job) + r"\b", joined))
    found += _BAR_CODE.findall(joined) + _ARTEFACTS.findall(joined)
    candidates: list[re.Pattern[str]] = []
    if symbol:
        candidates.append(re.compile(r"(?<![\w/.])" + re.escape(symbol) + r"(?![\w/.])"))
    if pages > 1:
        candidates.append(re.compile(r"(?<![\w/.])\d{1,3}/" + str(pages) + r"(?![\w/.])"))
    for pattern in candidates:
        extra = len(pattern.findall(joined)) - len(pattern.findall(reference))
        if extra > 0:
            found += pattern.findall(joined)[:extra]
    return found


def job_numbers(path: Path) -> set[str]:
    """The job numbers printed in a PDF's footers (first page's "25-15779 (E)")."""
    if path.suffix.lower() != ".pdf" or not have_pdftotext():
        return set()
    jobs: set[str] = set()
    for page in pdf_pages(path):
        for line in page.split("\n"):
            if _JOB_LINE.match(line) or _PAGE_LINE.match(line):
                jobs.update(JOB_NUMBER.findall(line))
    return jobs
