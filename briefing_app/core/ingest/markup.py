"""Markdown marks kept for display but not for the indexed text."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EMPH = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_BULLET = re.compile(r"^\s*[-*+•]\s+", re.M)
_STRAY_STARS = re.compile(r"\*{2,}")
_SUPERSCRIPT_MARK = re.compile(r"(?<=[\w.,;:)”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_SPACES = re.compile(r"[ \t]+")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def strip_markup(text: str) -> str:
    """Plain text for indexing and quoting: no emphasis, links, bullets, headings."""
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPH.sub(r"\2", text)
    text = _STRAY_STARS.sub("", text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    text = strip_footnote_marks(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def strip_footnote_marks(text: str) -> str:
    return _SUPERSCRIPT_MARK.sub("", text)


def footnote_marks(text: str) -> list[str]:
    """Superscript footnote markers in a text, as plain digit strings."""
    table = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
    return [m.group(0).translate(table) for m in _SUPERSCRIPT_MARK.finditer(text)]
