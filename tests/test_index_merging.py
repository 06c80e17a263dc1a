"""A finished build merges its batch segments down to a few; results stay the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.index import builder, merging
from briefing_app.core.index.generation import open_current
from briefing_app.core.library import Library

WORDS = ["zebra", "marking", "ammunition", "tracing", "firearms", "oceans", "climate"]


def _speeches(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(4))
        (folder / f"s{n:02d}.txt").write_text(
            f"Statement by delegation {n}\n\nWe welcome the {body} initiative.\n\n"
            f"We support resolution {n} on {WORDS[n % len(WORDS)]} and thank the Chair.\n",
            encoding="utf-8",
        )


def _segment_count(lib: Library) -> int:
    gen = open_current(lib.home.index_dir)
    try:
        return len(gen.ix._segments())
    finally:
        gen.ix.close()


def _answers(lib: Library) -> list[tuple[int, list[str]]]:
    queries = [*WORDS, "zebra marking", '"welcome the"', "resolution OR oceans"]
    out = []
    for q in queries:
        result = lib.search(q, limit=50)
        out.append((result.total, sorted(h.segment_id for h in result.hits)))
    return out


@pytest.fixture
def one_file_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """One segment per file, merges of a few passages: many merge commits."""
    monkeypatch.setattr(builder, "BATCH_FILES", 1)
    monkeypatch.setattr(builder, "BATCH_GROWTH", 0.0)
    monkeypatch.setattr(merging, "MAX_SEGMENTS", 3)
    monkeypatch.setattr(merging, "MERGE_PASSAGES", 12)


@pytest.mark.usefixtures("one_file_batches")
def test_finished_build_leaves_few_segments_and_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    _speeches(docs, 16)
    with Library(tmp_path / "merged") as lib:
        report = lib.build([docs])
        assert len(report.indexed) == 16 + 4 and not report.cancelled  # + the bundled four
        merged = _answers(lib)
        few = _segment_count(lib)
    monkeypatch.setattr(merging, "MAX_SEGMENTS", 10_000)  # the same build, never merged
    with Library(tmp_path / "plain") as lib:
        lib.build([docs])
        plain = _answers(lib)
        many = _segment_count(lib)
    assert many >= 10 and few <= 3
    assert merged == plain
    assert all(total > 0 for total, _ in merged)


@pytest.mark.usefixtures("one_file_batches")
def test_changes_after_a_merge_are_searchable(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _speeches(docs, 10)
    with Library(tmp_path / "home") as lib:
        lib.build([docs])
        (docs / "s03.txt").write_text("Statement\n\nWe now prefer the yak proposal.\n")
        (docs / "s05.txt").unlink()
        report = lib.build()
        assert report.indexed == ["s03"] and report.removed == ["s05"]
        assert lib.search("yak").total == 1
        found = {h.doc_id for h in lib.search("thank chair", limit=200).hits}
        assert "s04" in found and "s05" not in found and "s03" not in found
        assert _segment_count(lib) <= 3


class _Segment:
    def __init__(self, passages: int) -> None:
        self.passages = passages

    def doc_count_all(self) -> int:
        return self.passages


def test_one_segment_too_many_merges_only_the_two_smallest() -> None:
    """A changed file after a full build: merge it with the smallest batch, not with
    every segment a merge can hold (that re-wrote 40,000 passages, 7 s at 100 MB)."""
    sizes = [30_000, 20_000, 15_000, 10_000, 8_000, 5_000, 1]
    chosen = merging._to_merge([_Segment(n) for n in sizes])
    assert sorted(s.passages for s in chosen) == [1, 5_000]


def test_many_segments_merge_within_one_merges_passages() -> None:
    chosen = merging._to_merge([_Segment(5_000) for _ in range(40)])
    assert len(chosen) == merging.MERGE_PASSAGES // 5_000
