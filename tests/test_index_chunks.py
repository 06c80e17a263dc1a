"""Files read in chunks by the workers (postings grouped per chunk) index the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from briefing_app.core.index import indexer
from briefing_app.core.index.state import INDEX_NAME
from briefing_app.core.library import Library

WORDS = [
    "peace",
    "security",
    "treaty",
    "arms",
    "trade",
    "diversion",
    "council",
    "zebra",
    "yak",
    "marking",
]


def _write_docs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        paragraphs = [
            " ".join(WORDS[(n + p + k) % len(WORDS)] for k in range(5 + (n * p) % 9)) + "."
            for p in range(1 + n % 4)
        ]
        body = "\n\n".join(f"{p + 1}. We welcome {text}" for p, text in enumerate(paragraphs))
        text = "" if n == 5 else f"Statement {n}\n\n{body}\n"  # 5: skipped mid-chunk
        (folder / f"s{n:02}.txt").write_text(text, encoding="utf-8")


def _segment_bytes(home: Path) -> list[dict[str, bytes]]:
    """Every segment's files, by name without the segment id."""
    ix = whoosh_index.open_dir(str(home / "index"), indexname=INDEX_NAME)
    out = []
    for segment in ix._segments():
        sid = segment.segment_id()
        compound = segment.open_compound_file(ix.storage)
        out.append({n.replace(sid, "SEG"): compound.open_file(n).read() for n in compound.list()})
    ix.close()
    return out


def test_chunked_workers_write_the_segments_of_a_file_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    _write_docs(docs, 23)
    with Library(tmp_path / "serial") as serial:
        one_by_one = serial.build([docs])
        expected = [h.segment_id for h in serial.search("zebra yak", limit=100).hits]
    monkeypatch.setattr(indexer, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(indexer, "CHUNK_FILES", 4)  # several chunks, each of several files
    with Library(tmp_path / "chunked") as chunked:
        report = chunked.build([docs])
        hits = [h.segment_id for h in chunked.search("zebra yak", limit=100).hits]
    assert report.indexed == one_by_one.indexed and len(report.skipped) == 1
    assert hits == expected and len(hits) > 4
    assert _segment_bytes(tmp_path / "chunked") == _segment_bytes(tmp_path / "serial")
