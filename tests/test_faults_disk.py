"""Fault 12: the data folder's disk (a real 3 MB tmpfs) fills up while indexing.
One line says so, the partial files are removed, searching still answers from
the last complete generation, and once there is space again the next run works."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from briefing_app.core.index.state import SEGMENT_RE, read_state
from tests.fault_support import hits, run_cli, tmpfs, write_statements

FILLER = (
    "The Conference of the Parties, recalling its decision {n} on the marking of "
    "firearms and the tracing of ammunition lot {n}, requests the secretariat "
    "to report on item {m} of the programme of work. "
)


def big_documents(folder: Path, files: int = 40, kb: int = 120) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        words = []
        while sum(map(len, words)) < kb * 1024:
            n = len(words) + i * 1000
            words.append(FILLER.format(n=n, m=f"w{i}x{len(words)}") + "\n\n")
        (folder / f"report-{i:02d}.txt").write_text("".join(words), encoding="utf-8")


def referenced(index: Path) -> set[str]:
    """Files the current generation uses (plus its table of contents and state)."""
    tocs = sorted(index.glob("_MAIN_*.toc"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))
    number = int(tocs[-1].stem.rsplit("_", 1)[1])
    state = read_state(index, number)
    return {*state["files"], tocs[-1].name, f"state-{number}.json"}


def test_full_disk_while_indexing(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "3m") as disk:
        home = disk / "home"
        write_statements(home / "library", 3)
        assert run_cli("index", home=home).returncode == 0
        before = sorted(hits(home, "zebra2"))
        big_documents(tmp_path / "big")
        proc = run_cli("index", str(tmp_path / "big"), home=home)
        assert proc.returncode != 0
        assert "Traceback" not in proc.stderr
        assert "the disk is full" in proc.stderr.splitlines()[-1]
        index = home / "index"
        leftovers = {
            p.name for p in index.iterdir() if SEGMENT_RE.match(p.name) or p.name.endswith(".tmp")
        } - referenced(index)
        assert not leftovers, f"partial files left behind: {sorted(leftovers)}"
        assert sorted(hits(home, "zebra2")) == before  # the last generation still answers
        # Space comes back: the same command now works, and nothing is indexed twice.
        grown = subprocess.run(
            ["mount", "-o", "remount,size=64m", str(disk)], capture_output=True, timeout=30
        )
        assert grown.returncode == 0, grown.stderr
        again = run_cli("index", "--json", home=home)  # no paths: the interrupted run is known
        assert again.returncode == 0, again.stderr
        assert len(json.loads(again.stdout)["indexed"]) >= 1
        found = hits(home, "w39x0")
        assert len(found) == 1
        assert sorted(hits(home, "zebra2")) == before


def test_full_disk_while_adding_leaves_no_half_copied_file(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "3m") as disk:
        home = disk / "home"
        assert run_cli("index", home=home).returncode == 0
        big = tmp_path / "big.txt"
        big.write_text(FILLER.format(n=1, m="x") * 40_000, encoding="utf-8")  # ~8 MB
        proc = run_cli("add", str(big), home=home)
        assert "Traceback" not in proc.stderr
        assert "big.txt: cannot copy: No space left on device" in proc.stdout
        assert [p.name for p in (home / "library").iterdir()] == []
        assert hits(home, "firearms")  # the library still answers
