"""The fast segment writer and the binary-search skip_to give Whoosh's own answers."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.codec import whoosh3

from briefing_app.core.index import fastmatch
from briefing_app.core.index.analysis import text_postings
from briefing_app.core.index.schema import make_schema
from briefing_app.core.index.writer import FastSegmentWriter

WORDS = [
    "arms",
    "trade",
    "treaty",
    "firearms",
    "diversion",
    "peace",
    "council",
    "security",
    "human",
    "rights",
]


def _docs(n: int, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
        fields: dict[str, object] = {
            "segment_id": f"doc-{i % 5}#paragraph-{i}",
            "doc_id": f"doc-{i % 5}",
            "kind": "paragraph",
            "number": str(i),
            "order": i,
            "section": "A. Heading" if i % 3 else "",
            "year": "2021",
            "body": "",
            "operative": "",
            "text": text_postings(text) if i % 2 else text,
            "_stored_text": text,
        }
        if i % 3:
            fields["section_path"] = "A. Heading"
            fields["heading"] = "A. Heading on diversion"
        docs.append(fields)
    return docs


def _build(folder: Path, fast: bool, batches: int) -> object:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    docs = _docs(900)
    size = len(docs) // batches
    for start in range(0, len(docs), size):
        writer = FastSegmentWriter(ix) if fast else ix.writer()
        for fields in docs[start : start + size]:
            writer.add_document(**fields)
        if start:
            writer.delete_by_term("segment_id", f"doc-1#paragraph-{start - 4}")
        writer.commit()
    return whoosh_index.open_dir(str(folder))


def _answers(ix: object) -> list[object]:
    out: list[object] = []
    with ix.searcher() as s:  # type: ignore[attr-defined]
        out.append(s.doc_count())
        for q in (
            Q.Term("text", "peac"),
            Q.And([Q.Term("text", "arm"), Q.Term("text", "treati"), Q.Term("text", "council")]),
            Q.Phrase("text", ["human", "right"]),
            Q.Or([Q.Term("text", "divers"), Q.Term("heading", "divers", boost=0.3)]),
            Q.Term("doc_id", "doc-3"),
        ):
            results = s.search(q, limit=None)
            out.append(
                [(s.stored_fields(r.docnum)["segment_id"], round(r.score, 6)) for r in results]
            )
        reader = s.reader()
        out.append(sorted((f, t) for f, t in reader.all_terms()))
        out.append([reader.doc_field_length(d, "text") for d in range(reader.doc_count_all())])
        for word in ("peac", "arm", "divers"):  # block statistics used to skip blocks
            for leaf, _offset in reader.leaf_readers():
                m = leaf.postings("text", word)
                m = getattr(m, "child", m)  # the raw list under a deletion filter
                blocks = []
                while m.is_active():
                    stats = (m.block_min_length(), m.block_max_length(), m.block_max_weight())
                    blocks.append(stats)
                    m.skip_to(m.block_max_id() + 1)
                out.append(blocks)
    return out


def test_fast_writer_indexes_like_whoosh(tmp_path: Path) -> None:
    for batches in (1, 3):
        plain = _build(tmp_path / f"plain{batches}", fast=False, batches=batches)
        fast = _build(tmp_path / f"fast{batches}", fast=True, batches=batches)
        assert _answers(fast) == _answers(plain)


def test_binary_search_skip_to_matches_the_linear_walk(tmp_path: Path) -> None:
    ix = _build(tmp_path / "ix", fast=True, batches=1)
    queries = [
        Q.And([Q.Term("text", a), Q.Term("text", b)]) for a in ("arm", "peac") for b in WORDS[3:]
    ]
    original = whoosh3.W3LeafMatcher.skip_to

    def run() -> list[list[int]]:
        with ix.searcher() as s:  # type: ignore[attr-defined]
            return [sorted(s.docs_for_query(q)) for q in queries] + [
                [r.docnum for r in s.search(q, limit=5)] for q in queries
            ]

    fastmatch.install()
    try:
        patched = run()
        whoosh3.W3LeafMatcher.skip_to = fastmatch._original_skip_to
        linear = run()
    finally:
        whoosh3.W3LeafMatcher.skip_to = original
    assert patched == linear
    assert any(len(ids) > 128 for ids in linear)  # several posting blocks were crossed
