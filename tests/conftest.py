"""Test isolation: every test gets its own data home; Qt runs offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT_ROOT / "corpus"
WG_REPORT = CORPUS / "wg-firearms-2021-report.txt"
SEESMAA = CORPUS / "cted-seesmaa-remarks-2020-07-16.txt"
CONINX = CORPUS / "cted-coninx-opening-statement-2021-06-24.txt"
PONTI = CORPUS / "ponti-bms7-expectations-2021-07-21.md"


@pytest.fixture(autouse=True)
def briefing_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data home (and Qt's settings) at a fresh temporary folder."""
    home = tmp_path / "briefing-home"
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return home
