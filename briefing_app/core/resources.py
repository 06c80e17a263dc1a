"""Locate the files that ship with the app: resources/ and the bundled corpus.

Works from a source checkout, an editable install and a PyInstaller bundle
(``sys._MEIPASS``); ``BRIEFING_RESOURCES`` overrides for odd layouts.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def app_root() -> Path:
    override = os.environ.get("BRIEFING_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_root() / "resources"


def corpus_dir() -> Path:
    return app_root() / "corpus"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
