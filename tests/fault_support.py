"""Helpers shared by the fault suite (``test_faults_*.py``): real processes, real files.

Every child runs under a timeout; a hang fails the test instead of the suite.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds for any child process


def run_cli(
    *args: str, home: Path, timeout: float = TIMEOUT, **env: str
) -> subprocess.CompletedProcess[str]:
    """``briefing ARGS`` in a child process (killed after ``timeout``)."""
    environ = {k: v for k, v in os.environ.items() if k != "BRIEFING_CRASH_AT"}
    environ.update(BRIEFING_HOME=str(home), **env)
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environ,
        cwd=PROJECT_ROOT,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str]) -> None:
    """No traceback; the complaint is one ``briefing:`` line."""
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("briefing:")]
    assert lines, proc.stderr


def write_statements(folder: Path, count: int, start: int = 1) -> list[Path]:
    """``count`` small statements, each with one word no other file has (``zebraN``)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(start, start + count):
        path = folder / f"statement-{n:03d}.txt"
        path.write_text(
            f"Statement {n}\n\nWe welcome the zebra{n} initiative on firearms marking.\n\n"
            f"The Group recommends that States strengthen tracing of item {n}.\n",
            encoding="utf-8",
        )
        made.append(path)
    return made


def hits(home: Path, query: str, limit: int = 500) -> list[str]:
    """Segment ids the CLI finds for ``query`` (in a child process, as a user would)."""
    import json

    proc = run_cli("search", query, "--json", "--limit", str(limit), home=home)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return [h["segment_id"] for h in json.loads(proc.stdout)["hits"]]


@contextmanager
def tmpfs(path: Path, size: str = "3m", *, read_only: bool = False) -> Iterator[Path]:
    """A small real filesystem at ``path`` (skips when this machine cannot mount)."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()[:80]})")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


def remount_read_only(path: Path) -> None:
    proc = subprocess.run(["mount", "-o", "remount,ro", str(path)], capture_output=True, timeout=30)
    if proc.returncode != 0:
        pytest.skip(f"cannot remount read-only here ({proc.stderr.decode().strip()[:80]})")


def zip_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {n: archive.read(n).decode("utf-8", "replace") for n in archive.namelist()}
