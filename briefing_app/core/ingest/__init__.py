"""Ingest: read a file safely, clean it, recover its structure and metadata.

Public API::

    ingest_file(path, manifest=None, doc_id=None) -> IngestedDocument
        raises IngestError(reason) with a one-line reason for the user
    file_hash(path) -> str
    SUPPORTED_SUFFIXES, load_manifest(folder) -> Manifest, slugify(name)

The names are loaded on first use (PEP 562): importing one light submodule
(``filekind``, ``readers``) must not compile every genre's patterns first;
the window's start-up check paid 100-165 ms for that before its first search.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_app.core.ingest.errors import IngestError
    from briefing_app.core.ingest.manifest import Manifest, load_manifest
    from briefing_app.core.ingest.pipeline import file_hash, ingest_file, slugify
    from briefing_app.core.ingest.readers import SUPPORTED_SUFFIXES

_HOMES = {
    "IngestError": "errors",
    "Manifest": "manifest",
    "load_manifest": "manifest",
    "file_hash": "pipeline",
    "ingest_file": "pipeline",
    "slugify": "pipeline",
    "SUPPORTED_SUFFIXES": "readers",
}

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "Manifest",
    "file_hash",
    "ingest_file",
    "load_manifest",
    "slugify",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
