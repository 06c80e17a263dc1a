"""Facet tables saved beside their generation load back equal to a fresh build,
and a stale, damaged or unwritable file only means building them again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_app.core.index import facet_store, facets
from briefing_app.core.index.facets import FacetTables
from briefing_app.core.index.searcher import SearchEngine
from briefing_app.core.library import Library
from briefing_app.core.paths import DataHome
from tests.fault_support import remount_read_only, tmpfs

QUERIES = ["firearms", "marking tracing", "kind:recommendation marking", "terrorism OR extremism"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("facet-store-home")
    with Library(path, cache=False) as lib:
        lib.build()
    for saved in (path / "index").glob("facets-*.bin"):
        saved.unlink()
    return path


@pytest.fixture
def home(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(built, copy)
    return copy


def _saved(home: Path) -> list[Path]:
    return sorted((home / "index").glob("facets-*.bin"))


def _tables(engine: SearchEngine) -> tuple:
    t = engine.facet_tables()
    for _ in t.steps():
        pass
    columns = {k: (r.starts, r.ends, r.names) for k, r in t.columns.items()}
    refs = (t.refs.names, t.refs.starts, t.refs.ends, list(t.refs.docs))
    return t.value_bits, columns, refs


def _answers(home: Path) -> list:
    with Library(home, cache=False) as lib:
        out: list = [lib.engine.facets()]
        for text in QUERIES:
            out.append(lib.search(text, limit=5).facets)
        filters = sorted(lib.engine.facet_tables().filter_sets())
        return [*out, filters]


@pytest.mark.parametrize("few", [64, 3])  # 3: document and section counted from runs
def test_saved_tables_equal_the_built_ones(
    home: Path, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facets, "FEW_VALUES", few)
    built_engine = SearchEngine(DataHome(home), cache=False)
    built = _tables(built_engine)  # built in memory, then saved
    assert [p.name for p in _saved(home)] == [f"facets-{built_engine._generation}.bin"]
    loaded_engine = SearchEngine(DataHome(home), cache=False)
    loaded_engine.searcher()
    reader, docsets = loaded_engine._searcher.reader(), loaded_engine.docsets()
    loaded = facet_store.load(home / "index", loaded_engine._generation, reader, docsets)
    assert loaded is not None
    assert list(loaded.steps()) == []  # nothing left to build
    assert _tables(loaded_engine) == built
    assert built[0] and built[2][0]  # every kind of table is compared
    assert bool(built[1]) == (few == 3)
    built_engine.close()
    loaded_engine.close()


@pytest.mark.parametrize("few", [64, 3])
def test_counts_from_the_saved_file_equal_counts_built_in_memory(
    home: Path, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facets, "FEW_VALUES", few)
    from_memory = _answers(home)  # writes the file
    assert _saved(home)
    assert _answers(home) == from_memory  # read from the file


def test_stale_or_damaged_files_are_ignored_and_rebuilt(home: Path) -> None:
    expected = _answers(home)
    (saved,) = _saved(home)
    good = saved.read_bytes()
    engine = SearchEngine(DataHome(home), cache=False)
    engine.searcher()
    reader, docsets, number = engine._searcher.reader(), engine.docsets(), engine._generation
    damaged = bytearray(good)
    damaged[len(good) // 2] ^= 0xFF
    for data in (b"", good[:40], good[: len(good) // 2], bytes(damaged), b"x" * 200):
        saved.write_bytes(data)
        assert facet_store.load(home / "index", number, reader, docsets) is None
        assert _answers(home) == expected
        assert saved.read_bytes() == good  # rebuilt and written again
    # Tables of other segments (a rebuilt index reusing the number) are stale.
    tables = engine.facet_tables()
    saved.write_bytes(facet_store._encode(tables, number, "other segments"))
    assert facet_store.load(home / "index", number, reader, docsets) is None
    saved.write_bytes(facet_store._encode(tables, number, facet_store.signature(reader, docsets)))
    assert facet_store.load(home / "index", number, reader, docsets) is not None
    # Another generation's file under this generation's name is stale.
    other = home / "index" / f"facets-{number + 1}.bin"
    shutil.copy(saved, other)
    assert facet_store.load(home / "index", number + 1, reader, docsets) is None
    other.unlink()
    engine.close()


def test_a_changed_index_gets_its_own_file_and_old_ones_go(home: Path, tmp_path: Path) -> None:
    _answers(home)
    (old,) = _saved(home)
    for i in range(3):
        note = tmp_path / f"note{i}.txt"
        note.write_text(f"Stockpile management of ammunition, part {i}.\n", encoding="utf-8")
        with Library(home, cache=False) as lib:
            lib.add([note])
            counts = lib.search("stockpile ammunition").facets
            notes = {d for d in counts["doc"] if d.startswith("note")}
            assert notes == {f"note{j}" for j in range(i + 1)}  # new tables, not the old file
    assert not old.exists()  # swept with its generation
    for saved in _saved(home):  # only kept generations keep theirs
        number = saved.stem.split("-")[1]
        assert (home / "index" / f"state-{number}.json").exists()
    with Library(home, cache=False) as lib:
        engine = lib.engine
        engine.searcher()
        assert (home / "index" / f"facets-{engine._generation}.bin").exists()
        assert lib.search("stockpile ammunition").facets == counts


def test_an_unwritable_index_folder_builds_in_memory(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _answers(home)
    for saved in _saved(home):
        saved.unlink()

    def refuse(*_args: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(facet_store.os, "replace", refuse)
    assert _answers(home) == expected
    assert _saved(home) == []
    assert not list((home / "index").glob("*.tmp"))


def test_a_read_only_file_system_searches_with_facets(built: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "64m") as disk:
        home = disk / "home"
        shutil.copytree(built, home)
        remount_read_only(disk)
        with Library(home, cache=False) as lib:
            result = lib.search("firearms")
            assert result.total and result.facets["kind"]
            assert isinstance(lib.engine.facet_tables(), FacetTables)
        assert _saved(home) == []


def test_indexing_leaves_the_tables_for_the_first_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The indexing run saves the new generation's tables: the window's first facet
    counts load them instead of building them."""
    with Library(tmp_path, cache=False) as lib:
        lib.build()
    assert len(_saved(tmp_path)) == 1

    def built_again(self: FacetTables):  # a generator, as _build is
        raise AssertionError("facet tables built again after indexing")
        yield

    monkeypatch.setattr(FacetTables, "_build", built_again)
    with Library(tmp_path, cache=False) as lib:
        counts = lib.engine.facets()
    assert sum(counts["kind"].values()) > 0


def test_indexing_nothing_new_writes_no_tables(tmp_path: Path) -> None:
    with Library(tmp_path, cache=False) as lib:
        lib.build()
    for saved in _saved(tmp_path):
        saved.unlink()
    with Library(tmp_path, cache=False) as lib:
        report = lib.build()
    assert not report.indexed and _saved(tmp_path) == []
