"""The readers on the real UN documents of ../shared/corpora/undocs.

What reaches the structure stage keeps at least 99.5 % of the words an
independent extractor finds outside the page furniture, and holds no
furniture string (job numbers, bar codes, page numbers, running heads,
conversion artefacts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.ingest import IngestError
from tests import ingest_words as iw

UNDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "undocs"
FILES = sorted(UNDOCS.glob("*.pdf")) + sorted(UNDOCS.glob("*.docx")) if UNDOCS.exists() else []
SCANS = {"1971-10-25_GA_Resolution_2758_ru.pdf"}  # image only: refused with the reason
XFAIL: dict[str, str] = {}


def _param(path: Path):
    marks = []
    if path.name in XFAIL:
        marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[path.name]))
    return pytest.param(path, id=path.name, marks=marks)


pytestmark = pytest.mark.skipif(not FILES, reason=f"corpus not available at {UNDOCS}")


@pytest.mark.parametrize("path", [_param(p) for p in FILES if p.name not in SCANS])
def test_words_kept_and_no_furniture(path: Path) -> None:
    if path.suffix == ".pdf" and not iw.has_pdftotext():
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = iw.reader_text(path)
    reference, heads = iw.pdf_reference(path) if path.suffix == ".pdf" else ("", [])
    ours = iw.words(text)
    kept = iw.words_kept(iw.reference_words(path, ours), ours)
    print(f"{path.name}: words kept {kept:.2%}")
    assert iw.furniture_found(text, heads, reference) == []
    assert kept >= 0.995


@pytest.mark.parametrize("name", sorted(SCANS))
def test_image_only_scan_is_refused_with_the_reason(name: str) -> None:
    if not (UNDOCS / name).exists():
        pytest.skip(f"{name} not in the corpus")
    with pytest.raises(IngestError, match="no text layer"):
        iw.reader_text(UNDOCS / name)
