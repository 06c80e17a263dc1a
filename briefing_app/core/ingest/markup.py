"""Markdown marks kept for display but not for the indexed text."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=\S)([^\n]+?)(?<=\S)\1(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_BULLET = re.compile(r"^\s*[-*+•]\s+", re.M)
_STRAY_STARS = re.compile(r"\*{2,}")
_SUPERSCRIPT_MARK = re.compile(r"(?<=[\w.,;:)”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_SPACES = re.compile(r"[ \t]+")
_ANY_SUPERSCRIPT = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def strip_markup(text: str) -> str:
    """Plain text for indexing and quoting: no emphasis, links, bullets, headings."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EMPH.sub(r"\2", text)
        text = _STRAY_STARS.sub("", text)
    if "#" in text:
        text = _HEADING.sub("", text)
    if "- " in text or "* " in text or "+ " in text or "•" in text:
        text = _BULLET.sub("", text)
    text = strip_footnote_marks(text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if "\n" not in text:  # one line (most calls): no split and join
        return text.strip()
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def strip_footnote_marks(text: str) -> str:
    # isascii() is O(1) in CPython; the superscript search scans every character
    if text.isascii() or not _ANY_SUPERSCRIPT.search(text):
        return text
    return _SUPERSCRIPT_MARK.sub("", text)


def footnote_marks(text: str) -> list[str]:
    """Superscript footnote markers in a text, as plain digit strings."""
    if text.isascii() or not _ANY_SUPERSCRIPT.search(text):
        return []
    table = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
    return [m.group(0).translate(table) for m in _SUPERSCRIPT_MARK.finditer(text)]
