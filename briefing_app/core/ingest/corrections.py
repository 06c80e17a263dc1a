"""The user's corrections to a document's metadata, kept in the library manifest.

A wrong title or date is fixed once and stays fixed: corrections are written
to ``<home>/library/corpus.toml``, the manifest of the user's library, which
every indexing run reads. Files in the library folder are named there by file
name (as in any folder manifest); other files (the bundled corpus, folders
indexed in place) by their full path. tomlkit rewrites the file keeping the
comments and layout the user may have put in it.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from briefing_app.core.atomic import write_text_atomic
from briefing_app.core.ingest.manifest import MANIFEST_FIELDS, MANIFEST_NAME
from briefing_app.core.models import DOCUMENT_KINDS

#: Fields a user may correct: those a manifest entry sets.
EDITABLE_FIELDS = MANIFEST_FIELDS
#: Fields that hold an ISO date.
DATE_FIELDS = ("date", "distribution_date")
#: Fields that cannot be blanked (a document always has a title and a kind).
REQUIRED_FIELDS = ("title", "kind")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_VALUE_CHARS = 1000


class CorrectionError(ValueError):
    """A correction that cannot be saved; the message is one line for the user."""


def validate(changes: Mapping[str, Any]) -> dict[str, str | None]:
    """Normalised changes: one-line values, known kind, ISO date.

    ``None`` drops a correction (the document's own value comes back); ""
    blanks a field (a wrong speaker the document does not name).
    """
    out: dict[str, str | None] = {}
    for key, raw in changes.items():
        if key not in EDITABLE_FIELDS:
            fields = ", ".join(EDITABLE_FIELDS)
            raise CorrectionError(f"'{key}' cannot be corrected (one of: {fields})")
        if raw is None:
            out[key] = None
            continue
        value = " ".join(str(raw).split())
        if len(value) > MAX_VALUE_CHARS:
            raise CorrectionError(f"{key} is too long ({len(value)} characters)")
        if key in REQUIRED_FIELDS and not value:
            raise CorrectionError(f"the {key} cannot be empty")
        if key == "kind" and value not in DOCUMENT_KINDS:
            raise CorrectionError(f"unknown kind '{value}' (one of: {', '.join(DOCUMENT_KINDS)})")
        if key in DATE_FIELDS and value and not is_iso_date(value):
            raise CorrectionError(
                f"date '{value}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"
            )
        out[key] = value
    return out


def is_iso_date(value: str) -> bool:
    """YYYY-MM-DD (a real day), YYYY-MM or YYYY."""
    match = _ISO_DATE.match(value)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def manifest_path(library_dir: Path) -> Path:
    return library_dir / MANIFEST_NAME


def load_corrections(library_dir: Path) -> dict[str, dict[str, str]]:
    """Every correction in the library manifest, by resolved file path.

    A missing or broken manifest has none (the indexer must not stop for it;
    saving a correction reports the broken file instead).
    """
    try:
        with manifest_path(library_dir).open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    base = str(library_dir.resolve())
    out: dict[str, dict[str, str]] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            continue
        key = name if os.path.isabs(name) else os.path.join(base, name)
        fields = {k: str(v) for k, v in table.items() if k in EDITABLE_FIELDS}
        if fields:
            out[key] = fields
    return out


def corrections_for(library_dir: Path, source_key: str) -> dict[str, str]:
    """The corrections that apply to one file (by resolved path)."""
    return load_corrections(library_dir).get(source_key, {})


def save_corrections(
    library_dir: Path, source_key: str, changes: Mapping[str, Any]
) -> dict[str, str]:
    """Merge ``changes`` (see ``validate``) for one file into the library manifest.

    Returns the file's corrections after the change. Raises
    CorrectionError for bad values or a manifest that is not valid TOML (it is
    the user's file: never overwritten when it cannot be read).
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    clean = validate(changes)
    path = manifest_path(library_dir)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionError(f"cannot read {path}: {exc}") from exc
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as exc:
        raise CorrectionError(f"{path} is not valid TOML ({exc}); fix or remove it") from exc
    key = _manifest_key(library_dir, source_key)
    existing = document.get(key)
    table = existing if isinstance(existing, dict) else tomlkit.table()
    for field, value in clean.items():
        if value is not None:
            table[field] = value
        elif field in table:
            del table[field]
    if not len(table):
        document.pop(key, None)
    elif key not in document:
        document[key] = table
    write_text_atomic(path, tomlkit.dumps(document))
    return {k: str(v) for k, v in table.items() if k in EDITABLE_FIELDS}


def _manifest_key(library_dir: Path, source_key: str) -> str:
    """File name for files directly in the library folder, else the full path."""
    folder, _, name = source_key.rpartition(os.sep)
    return name if folder == str(library_dir.resolve()) else source_key
