"""Fault 2: damaged index files (a truncated, emptied or deleted segment, an empty
or garbled table of contents, a lost or garbled catalog). Detected on open,
said in one line, repaired from the documents: the same hits as before, by
``briefing search`` itself, by ``briefing index`` and by ``index --repair``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fault_support import assert_one_line_error, hits, run_cli, write_statements

QUERIES = ("zebra3", "firearms marking", "tracing")


def _segments(index: Path) -> list[Path]:
    return sorted(index.glob("MAIN_*.seg"))


def _toc(index: Path) -> Path:
    return max(index.glob("_MAIN_*.toc"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))


def _state(index: Path) -> Path:
    return index / f"state-{_toc(index).stem.rsplit('_', 1)[1]}.json"


def truncate_segment(index: Path) -> None:
    seg = _segments(index)[0]
    seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])


def empty_segment(index: Path) -> None:
    _segments(index)[0].write_bytes(b"")


def delete_segment(index: Path) -> None:
    _segments(index)[0].unlink()


def empty_toc(index: Path) -> None:
    _toc(index).write_bytes(b"")


def garbled_toc(index: Path) -> None:
    _toc(index).write_bytes(b"\x00\xff" * 64)


def delete_catalog(index: Path) -> None:
    _state(index).unlink()


def garbled_catalog(index: Path) -> None:
    _state(index).write_text('{"generation": ')


DAMAGE: dict[str, Callable[[Path], None]] = {
    f.__name__: f
    for f in (
        truncate_segment,
        empty_segment,
        delete_segment,
        empty_toc,
        garbled_toc,
        delete_catalog,
        garbled_catalog,
    )
}


def built(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    home = tmp_path / "home"
    write_statements(home / "library", 6)
    proc = run_cli("index", home=home)
    assert proc.returncode == 0, proc.stderr
    before = {q: sorted(hits(home, q)) for q in QUERIES}
    assert all(before.values())
    return home, before


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_search_says_so_repairs_and_answers_the_same(tmp_path: Path, damage: str) -> None:
    home, before = built(tmp_path)
    DAMAGE[damage](home / "index")
    proc = run_cli("search", "zebra3", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr  # said in one line
    assert "the index was damaged" in proc.stderr
    assert [h["segment_id"] for h in json.loads(proc.stdout)["hits"]] == before["zebra3"]
    assert {q: sorted(hits(home, q)) for q in QUERIES} == before


@pytest.mark.parametrize("damage", ["truncate_segment", "empty_toc", "delete_catalog"])
def test_index_repairs_instead_of_saying_unchanged(tmp_path: Path, damage: str) -> None:
    home, before = built(tmp_path)
    DAMAGE[damage](home / "index")
    proc = run_cli("index", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["repaired"] and report["indexed"], report  # rebuilt, not "unchanged"
    assert "repaired the index" in proc.stderr
    assert {q: sorted(hits(home, q)) for q in QUERIES} == before


def test_repair_flag_on_a_healthy_index_changes_nothing(tmp_path: Path) -> None:
    home, before = built(tmp_path)
    proc = run_cli("index", "--repair", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["repaired"] == "" and report["indexed"] == []
    assert {q: sorted(hits(home, q)) for q in QUERIES} == before


def test_damage_with_the_writer_busy_is_one_line(tmp_path: Path) -> None:
    """Damaged and locked by another writer: no repair possible now, no traceback."""
    from briefing_app.core.index.lock import writer_lock

    home, _ = built(tmp_path)
    truncate_segment(home / "index")
    with writer_lock(home / "index"):
        proc = run_cli("search", "zebra3", home=home)
    assert proc.returncode != 0
    assert_one_line_error(proc)
