"""Documents packed in the ingest workers make the same index files as add_document."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from briefing_app.core.index.analysis import text_postings
from briefing_app.core.index.indexer import segment_fields
from briefing_app.core.index.packing import Grouped, flatten, pack
from briefing_app.core.index.schema import make_schema
from briefing_app.core.index.writer import FastSegmentWriter
from briefing_app.core.ingest import ingest_file

ROOT = Path(__file__).resolve().parents[1]
WORDS = ["arms", "trade", "treaty", "firearms", "diversion", "peace", "council", "security"]
ODD = ["Michèle’s", "état", "COVID-19", "A/RES/79/175", "naïve", "the", "and", "of"]


def _docs(n: int, seed: int = 11) -> list[dict[str, object]]:
    """Every kind of field value the indexer sends, with long and short posting lists."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        words = [rng.choice(WORDS + ODD) for _ in range(rng.randint(1, 60))]
        text = " ".join(words)
        fields: dict[str, object] = {
            "segment_id": f"doc-{i % 7}#p-{i}",
            "doc_id": f"doc-{i % 7}",
            "kind": ("paragraph", "operative", "preambular")[i % 3],
            "number": str(i) if i % 4 else "",
            "order": i,
            "section": "Annex › A. Heading" if i % 3 else "",
            "text": text_postings(text) if i % 2 else text,  # both: analysed here or there
            "_stored_text": text,
            "display": f"*{text}*" if i % 5 == 0 else "",
            "inferred": bool(i % 2),
            "footnotes": [f"note {i}"] if i % 6 == 0 else [],
            "scope": "annex" if i % 9 == 0 else "",
            "items": ["a", "b"] if i % 8 == 0 else [],
            "year": str(1990 + i % 30),
            "body": "General Assembly" if i % 2 else "",
            "operative": "Requests" if i % 3 == 1 else "",
        }
        if i % 3:
            fields["section_path"] = "Annex\nAnnex › A. Heading"
            fields["heading"] = "A. Heading on diversion"
        if i % 4 == 0:
            fields["refs"] = "a/res/79/175,s/res/2370"
        docs.append(fields)
    return docs


def _segment_files(folder: Path, docs: list[dict[str, object]], packed: bool) -> dict:
    """Every file inside the one segment written, by name without the segment id."""
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    writer = FastSegmentWriter(ix) if packed else ix.writer()
    if packed:  # files of 1 to 40 passages, as the ingest workers send them
        rng, start = random.Random(5), 0
        while start < len(docs):
            stop = start + rng.randint(1, 40)
            grouped: Grouped = {}
            files = [pack(fields, n, grouped) for n, fields in enumerate(docs[start:stop])]
            base = writer.docnum
            for one in files:
                writer.add_packed(one)
            writer.add_postings(base, flatten(grouped))
            start = stop
    else:  # Whoosh analyses the text itself
        for fields in docs:
            writer.add_document(**{**fields, "text": fields["_stored_text"]})
    writer.commit()
    ix = whoosh_index.open_dir(str(folder))
    (segment,) = ix._segments()
    sid = segment.segment_id()
    compound = segment.open_compound_file(ix.storage)
    files = {name.replace(sid, "SEG"): compound.open_file(name).read() for name in compound.list()}
    files["doc count"] = segment.doc_count_all()
    files["field lengths"] = dict(segment._fieldlengths)
    ix.close()
    return files


def test_packed_documents_write_the_same_segment_byte_for_byte(tmp_path: Path) -> None:
    docs = _docs(700)
    plain = _segment_files(tmp_path / "plain", docs, packed=False)
    packed = _segment_files(tmp_path / "packed", docs, packed=True)
    assert set(packed) == set(plain)
    assert any(name.endswith(".pst") for name in plain)  # postings, terms, columns, stored
    for name, content in plain.items():
        assert packed[name] == content, name


def test_a_real_document_packs_to_the_same_segment(tmp_path: Path) -> None:
    source = next(p for p in sorted((ROOT / "corpus").iterdir()) if p.suffix in {".txt", ".md"})
    doc = ingest_file(source, None, doc_id="one", content_hash="x")
    docs = []
    for segment in doc.segments:
        fields = segment_fields(segment, doc.meta)
        fields["_stored_text"] = fields["text"]
        fields["text"] = text_postings(str(fields["text"]))
        docs.append(fields)
    assert docs
    plain = _segment_files(tmp_path / "plain", docs, packed=False)
    assert _segment_files(tmp_path / "packed", docs, packed=True) == plain


def test_packing_refuses_what_it_cannot_reproduce() -> None:
    with pytest.raises(KeyError):
        pack({"no_such_field": "x"}, 0, {})
