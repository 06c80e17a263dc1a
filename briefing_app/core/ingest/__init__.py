"""Ingest: read a file safely, clean it, recover its structure and metadata.

Public API::

    ingest_file(path, manifest=None, doc_id=None) -> IngestedDocument
        raises IngestError(reason) with a one-line reason for the user
    file_hash(path) -> str
    SUPPORTED_SUFFIXES, load_manifest(folder) -> Manifest, slugify(name)
"""

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.manifest import Manifest, load_manifest
from briefing_app.core.ingest.pipeline import (
    SUPPORTED_SUFFIXES,
    file_hash,
    ingest_file,
    slugify,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "Manifest",
    "file_hash",
    "ingest_file",
    "load_manifest",
    "slugify",
]
