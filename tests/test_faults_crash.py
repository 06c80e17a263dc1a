"""Faults 3-5: ``kill -9`` of a real ``briefing index`` at named points
(``BRIEFING_CRASH_AT``, see ``core/index/crashpoints.py``). Whatever the point:
no duplicate segments, "did you mean" intact, finished work kept, and the
next run (or the next search) finishes the job with the same hits as a run
that was never interrupted."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from briefing_app.core.index.builder import BATCH_FILES
from tests.fault_support import run_cli, write_statements

POINTS = (
    "checking-files",
    "after-file",
    "after-segment-files",
    "after-catalog",
    "after-words",
    "after-index-commit",
    "after-batch",
)


def search_json(home: Path, query: str) -> dict:
    proc = run_cli("search", query, "--json", "--limit", "500", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def snapshot(home: Path, queries: tuple[str, ...]) -> dict[str, list[str]]:
    return {q: sorted(h["segment_id"] for h in search_json(home, q)["hits"]) for q in queries}


def edit(docs: Path) -> None:
    """An incremental update: three files change, two are new."""
    for n in (1, 2, 3):
        path = docs / f"statement-{n:03d}.txt"
        path.write_text(path.read_text().replace(f"zebra{n}", f"yak{n}"), encoding="utf-8")
    write_statements(docs, 2, start=11)


def assert_no_duplicates(home: Path) -> None:
    for query in ("tracing", "firearms"):
        found = [h["segment_id"] for h in search_json(home, query)["hits"]]
        assert len(found) == len(set(found)), f"duplicates for {query!r}"


QUERIES = ("tracing", "yak2", "zebra2", "zebra11", "firearms marking")


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Hits of a library that was updated without any fault."""
    root = tmp_path_factory.mktemp("clean")
    docs = root / "docs"
    write_statements(docs, 10)
    assert run_cli("index", str(docs), home=root / "home").returncode == 0
    edit(docs)
    assert run_cli("index", str(docs), home=root / "home").returncode == 0
    return snapshot(root / "home", QUERIES)


@pytest.mark.parametrize("point", POINTS)
def test_kill_during_an_incremental_update(
    tmp_path: Path, point: str, expected: dict[str, list[str]]
) -> None:
    docs, home = tmp_path / "docs", tmp_path / "home"
    write_statements(docs, 10)
    assert run_cli("index", str(docs), home=home).returncode == 0
    before = snapshot(home, QUERIES)
    edit(docs)
    killed = run_cli("index", str(docs), home=home, BRIEFING_CRASH_AT=point)
    assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
    # Straight after the crash: one consistent generation, old or new.
    assert_no_duplicates(home)
    now = snapshot(home, QUERIES)
    assert now in (before, expected), point
    assert search_json(home, "initiatve")["corrected"] == "initiative"  # word list intact
    # The next run finishes the update: the same hits as if nothing had happened.
    again = run_cli("index", str(docs), home=home)
    assert again.returncode == 0, again.stderr
    assert snapshot(home, QUERIES) == expected
    assert_no_duplicates(home)


def test_kill_in_the_middle_of_300_files_keeps_finished_batches(tmp_path: Path) -> None:
    docs, home = tmp_path / "docs", tmp_path / "home"
    write_statements(docs, 300)
    killed = run_cli("index", str(docs), home=home, BRIEFING_CRASH_AT="after-file:150")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    proc = run_cli("index", "--json", home=home)  # no paths: the interrupted run is known
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    # At least the first batch (50 files; later ones as commit cost allows) is kept.
    assert report["unchanged"] >= BATCH_FILES, "finished batches must not be read again"
    assert len(report["indexed"]) + report["unchanged"] == 304  # 300 + 4 bundled
    assert search_json(home, "zebra300")["total"] == 1
    assert_no_duplicates(home)


def test_search_after_a_killed_build_finishes_it_instead_of_answering_from_part(
    tmp_path: Path,
) -> None:
    docs, home = tmp_path / "docs", tmp_path / "home"
    write_statements(docs, 120)
    killed = run_cli("index", str(docs), home=home, BRIEFING_CRASH_AT="after-file:70")
    assert killed.returncode == -signal.SIGKILL
    proc = run_cli("search", "zebra120", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "interrupted" in proc.stderr  # said, not silent
    assert json.loads(proc.stdout)["total"] == 1


def test_search_while_another_process_indexes_says_so(tmp_path: Path) -> None:
    from briefing_app.core.index.lock import writer_lock

    docs, home = tmp_path / "docs", tmp_path / "home"
    write_statements(docs, 120)
    killed = run_cli("index", str(docs), home=home, BRIEFING_CRASH_AT="after-file:70")
    assert killed.returncode == -signal.SIGKILL
    with writer_lock(home / "index"):  # another writer is at work
        proc = run_cli("search", "zebra1", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "being indexed by another process" in proc.stderr
    assert json.loads(proc.stdout)["total"] == 1  # from the finished batches
