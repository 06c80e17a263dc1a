"""`briefing segments FILE --json`: the contract other tools rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT, WG_REPORT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_segments_json_shape() -> None:
    result = _run("segments", str(WG_REPORT), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["doc"]["title"].startswith("Report on the meeting of the Working Group")
    rec18 = next(s for s in data["segments"] if s["segment_id"].endswith("#recommendation-18"))
    assert set(rec18) >= {
        "doc_id",
        "doc_title",
        "segment_id",
        "kind",
        "number",
        "section",
        "citation",
        "text",
    }
    assert rec18["kind"] == "recommendation" and rec18["number"] == "18"
    assert rec18["citation"].endswith("recommendation 18")
    assert rec18["text"].startswith("Acknowledging that illicit firearms are occasionally")


def test_segments_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    result = _run("segments", str(junk))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "binary" in result.stderr and "Traceback" not in result.stderr
