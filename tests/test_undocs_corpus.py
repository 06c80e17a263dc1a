"""The undocs corpus against its ground truth: one test per document and check.

Reads ``../shared/corpora/undocs`` (skipped with a message when it is absent) and the
truth in ``tests/undocs_truth/``. Each file is ingested once per session. Checks:
kind, title, symbol, adoption and distribution dates, agenda item, sponsors, unit
counts per kind, units word for word, words kept (>= 99.5 % of the pdftotext or DOCX
body text, furniture excluded) and furniture strings inside units (none). What today's
code does not meet yet is a strict xfail listed in ``tests/undocs_truth/xfail.toml``:
when a fix makes one pass, the suite says so and the entry must go.

    pytest tests/test_undocs_corpus.py -s     # also prints the per-document table
    python benchmarks/report_undocs.py        # the table, a summary and JSON
"""

from __future__ import annotations

import pytest

from tests import undocs_evaluate as ev
from tests import undocs_reference as ref

pytestmark = pytest.mark.skipif(
    not ev.CORPUS.is_dir(), reason=f"undocs corpus not found at {ev.CORPUS}"
)


def _params() -> list:
    params = []
    known = ev.xfails()
    for name in ev.corpus_files():
        for check in ev.applicable_checks(name):
            reason = known.get(name, {}).get(check)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(name, check, id=f"{name}:{check}", marks=marks))
    return params


@pytest.mark.parametrize(("name", "check"), _params())
def test_document(name: str, check: str) -> None:
    if check == "words_kept" and not name.endswith(".docx") and not ref.have_pdftotext():
        pytest.skip("pdftotext (poppler-utils) is not installed: words kept not measured")
    ok, found = ev.evaluate(name, check)
    assert ok, f"{name}: {found}"


def test_truth_covers_the_corpus_and_prints_the_table() -> None:
    """Every truth file names corpus files; every file is ingested or refused with a
    reason; the table is printed (visible with -s)."""
    files = ev.corpus_files()
    missing = sorted(set(ev.truths()) - set(files))
    assert not missing, f"truth for files not in the corpus: {missing}"
    stale = sorted(set(ev.xfails()) - set(ev.truths()) - set(files))
    assert not stale, f"xfail entries for unknown files: {stale}"
    rows = [ev.row(name) for name in files]
    print("\n" + "\n".join(ev.format_row(r) for r in rows))
    print(ev.summary_line(rows))
    for r in rows:
        assert r["kind"] != "refused" or r["refused"], r["document"]
