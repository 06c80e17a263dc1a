"""DOCX with docx2python: keeps automatic paragraph numbering and footnotes."""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import check_zip_container, read_bytes

_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
_BOLD = re.compile(r"</?b>")
_ITALIC = re.compile(r"</?i>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_FOOTNOTE_REF = re.compile(r"----footnote(\d+)----")
_FOOTNOTE_TEXT = re.compile(r"^footnote(\d+)\)\s*", re.M)


def read_docx(path: Path, max_bytes: int) -> RawText:
    read_bytes(path, max_bytes)  # size and readability checks
    check_zip_container(path, "word/document.xml")
    from docx2python import docx2python

    try:
        with docx2python(path, html=True) as result:
            body = result.text
            footnotes_text = result.footnotes if _has_footnotes(result) else ""
    except IngestError:
        raise
    except Exception as exc:  # docx2python raises many kinds on damaged files
        raise IngestError(f"could not read the DOCX ({type(exc).__name__})") from exc
    text = _to_markdown(body)
    if not text.strip():
        raise IngestError("the document has no text")
    footnotes = _footnotes(footnotes_text)
    return RawText(text, "docx", footnotes=footnotes)


def _has_footnotes(result: object) -> bool:
    try:
        return bool(result.footnotes_runs)  # type: ignore[attr-defined]
    except Exception:
        return False


def _to_markdown(text: str) -> str:
    text = _HEADING.sub(lambda m: "#" * int(m.group(1)) + " " + m.group(2).strip(), text)
    text = _BOLD.sub("**", text)
    text = _ITALIC.sub("*", text)
    text = _FOOTNOTE_REF.sub(lambda m: _superscript(m.group(1)), text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = text.replace("\t", " ")
    return re.sub(r"\n{3,}", "\n\n", text)


def _footnotes(text: object) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        return []
    parts = _FOOTNOTE_TEXT.split(_TAG.sub("", text))
    notes = []
    for i in range(1, len(parts) - 1, 2):
        body = " ".join(parts[i + 1].split())
        if body:
            notes.append(f"{_superscript(parts[i])} {body}")
    return notes


_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(number: str) -> str:
    return number.translate(_SUPERSCRIPTS)
