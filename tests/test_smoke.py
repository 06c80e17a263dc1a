"""`briefing --smoke-test` from the source tree: the same check the bundle runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

STEPS = ("resources", "window", "index", "search", "draft", "export")


def run_smoke(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.mark.gui
def test_smoke_test_passes_every_step_and_leaves_the_user_home_alone(tmp_path: Path) -> None:
    user_home = tmp_path / "user-home"
    done = run_smoke({"BRIEFING_HOME": str(user_home)})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for step in STEPS:
        assert any(line.startswith(f"smoke: ok   {step} ") for line in lines), done.stdout
    assert "Report of the Working Group on Firearms" in done.stdout or "CTED" in done.stdout
    assert lines[-1] == "smoke: all steps passed"
    assert not user_home.exists(), "the smoke test must work in a temporary home"


def test_smoke_test_fails_with_a_reason_when_bundled_files_are_missing(tmp_path: Path) -> None:
    empty = tmp_path / "no-resources"
    empty.mkdir()
    done = run_smoke({"BRIEFING_RESOURCES": str(empty)})
    assert done.returncode == 1
    assert "smoke: FAILED resources: no bundled corpus manifest" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_smoke_test_names_a_missing_thesaurus(tmp_path: Path) -> None:
    from tests.conftest import CORPUS

    root = tmp_path / "app"
    (root / "resources").mkdir(parents=True)
    (root / "corpus").symlink_to(CORPUS, target_is_directory=True)
    done = run_smoke({"BRIEFING_RESOURCES": str(root)})
    assert done.returncode == 1
    assert "smoke: FAILED resources: no thesaurus at" in done.stdout
