"""Guards against bad input: size caps, binary junk, encodings, zip bombs.

Every refusal is an ``IngestError`` with a one-line reason a user can act on.
"""

from __future__ import annotations

import codecs
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError

MAX_FILE_BYTES = 50 * 1024 * 1024  # a meeting document is rarely over a few MB
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 120  # uncompressed/compressed, per member, for members over 1 MB
MAX_ZIP_MEMBERS = 2000


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a file, refusing missing, unreadable, empty and oversized ones."""
    try:
        if path.is_dir():
            raise IngestError("is a folder, not a file")
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise IngestError("file not found") from exc
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or exc})") from exc
    if size > max_bytes:
        raise IngestError(f"too large ({size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise IngestError("the file is empty")
    return data


@dataclass
class DecodedText:
    text: str
    encoding: str


def decode_text(data: bytes) -> DecodedText:
    """Decode text bytes: BOMs, UTF-8, then Windows-1252 / Latin-1. Refuse binaries."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return DecodedText(_check_text(data.decode(encoding)), encoding)
            except UnicodeDecodeError as exc:
                raise IngestError("not a text file (broken Unicode)") from exc
    if b"\x00" in data[:65536]:
        raise IngestError("not a text file (binary content)")
    try:
        return DecodedText(_check_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(_check_text(data.decode("cp1252")), "cp1252")
    except UnicodeDecodeError:
        return DecodedText(_check_text(data.decode("latin-1")), "latin-1")


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _check_text(text: str) -> str:
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    if sample and controls / len(sample) > 0.02:
        raise IngestError("not a text file (binary content)")
    return text


def check_zip_container(
    path: Path, required_member: str, what: tuple[str, str] = ("DOCX", "Word document")
) -> None:
    """Refuse damaged zips, zip bombs and XML that declares entities (DOCX, PPTX).

    ``what``: the format's short and long names, for the messages.
    """
    short, long = what
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise IngestError(f"refused: the archive holds {len(members)} parts")
            names = {m.filename for m in members}
            if required_member not in names:
                raise IngestError(f"not a {long} (no {required_member} part)")
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO:
                    raise IngestError("refused: a part is compressed suspiciously (zip bomb?)")
            if total > MAX_UNZIPPED_BYTES:
                raise IngestError(f"refused: it expands to {total / 1e6:.0f} MB (zip bomb?)")
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    head = _read_limited(archive, member, MAX_UNZIPPED_BYTES)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise IngestError("refused: the document declares XML entities (unsafe)")
    except zipfile.BadZipFile as exc:
        raise IngestError(f"damaged or not a {short} (bad zip)") from exc
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise IngestError(f"damaged {short} ({type(exc).__name__})") from exc


def _read_limited(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    with archive.open(member) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise IngestError("refused: a part is larger than its header says (zip bomb?)")
    return data


def is_readable(path: Path) -> bool:
    return os.access(path, os.R_OK)
