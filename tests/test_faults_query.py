"""Faults 9-10: hostile queries. A 10,000-character word and quoted phrases of
one word repeated 80 or 300 times get one line saying which limit they
break; every query inside the limits stays far under 200 MB; and the window
does not wait on a search that runs away."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing_app.core.index.limits import MAX_QUERY_CHARS, QueryTooLarge, check_query
from briefing_app.core.models import SearchResult
from tests.fault_support import PROJECT_ROOT, TIMEOUT, assert_one_line_error, run_cli


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("query") / "home"
    assert run_cli("index", home=home).returncode == 0
    return home


@pytest.mark.parametrize(
    "query",
    [
        "a" * 10_000,
        "sovereignty" * 90,
        '"' + " ".join(["states"] * 80) + '"',
        '"' + " ".join(["states"] * 300) + '"',
        " ".join(f"w{i}" for i in range(200)),
    ],
    ids=["10000-letter word", "990-letter word", "phrase x80", "phrase x300", "200 words"],
)
def test_hostile_query_gets_one_line_quickly(home: Path, query: str) -> None:
    proc = run_cli("search", query, home=home, timeout=60)
    assert proc.returncode == 1
    assert_one_line_error(proc)
    assert "at most" in proc.stderr


WITHIN_LIMITS = [
    "x" * 60 + " " + "y" * 60,
    '"' + " ".join(["states", "parties"] * 16) + '"',
    " ".join(f"{chr(97 + i % 26)}*" for i in range(64)),
    " ".join(f"tracing{i}~2" for i in range(20)),
    "firearms " * 64,
    "z" * 59 + "q",
]

# Peak RSS of this process alone: Linux's ru_maxrss keeps the parent's peak across
# fork and exec (a big pytest process would be measured), /proc's VmHWM does not.
MEASURE = """
import resource, sys, json
from briefing_app.core.library import Library
def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
lib = Library(sys.argv[1])
lib.search("warm up")
base = peak_kb()
for q in json.loads(sys.argv[2]):
    lib.search(q)
print(base, peak_kb())
"""


def test_queries_inside_the_limits_stay_under_200_mb(home: Path) -> None:
    import json

    assert all(len(q) <= MAX_QUERY_CHARS for q in WITHIN_LIMITS)
    for q in WITHIN_LIMITS:
        check_query(q)  # really inside the limits
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(home), json.dumps(WITHIN_LIMITS)],
        capture_output=True, text=True, timeout=TIMEOUT, cwd=PROJECT_ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    base_kb, peak_kb = map(int, proc.stdout.split())
    assert peak_kb < 200 * 1024, f"peak {peak_kb // 1024} MB"
    assert peak_kb - base_kb < 100 * 1024, f"queries added {(peak_kb - base_kb) // 1024} MB"


def test_limits_name_the_rule_broken() -> None:
    with pytest.raises(QueryTooLarge, match="repeats 'the'"):
        check_query('"the the the the end"')
    with pytest.raises(QueryTooLarge, match="at most 32"):
        check_query('"' + " ".join(f"w{i}" for i in range(40)) + '"')
    check_query('"the right of the child to the highest attainable standard of health"')


class SlowLibrary:
    """A library whose search for "slow" runs until released (a runaway query)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def is_built(self) -> bool:
        return True

    def search(self, query: str, **_kwargs: object) -> SearchResult:
        if query == "slow":
            self.started.set()
            self.release.wait(60)
        return SearchResult(query, 0, [])

    def close(self) -> None:
        pass


def test_window_abandons_a_runaway_search(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_app.core.paths import DataHome
    from briefing_app.gui import library_service
    from briefing_app.gui.library_service import LibraryService

    monkeypatch.setattr(library_service, "ABANDON_AFTER_S", 0.0)
    slow = SlowLibrary()
    service = LibraryService(DataHome.resolve(), slow)
    monkeypatch.setattr(service, "_fresh_library", lambda: slow)  # the fake is thread-safe
    try:
        service.search("slow")
        qtbot.waitUntil(slow.started.is_set, timeout=10_000)
        with qtbot.waitSignal(service.resultsReady, timeout=10_000) as blocker:
            service.search("fast")
        assert blocker.args[0].query == "fast"
        assert not slow.release.is_set()  # the runaway is still running
    finally:
        slow.release.set()
        service.close()
