"""Joining a paragraph's lines: hyphens at line ends, footnote-marker spacing."""

from __future__ import annotations

import re

from briefing_app.core.ingest.line_joining import join_lines_with

# A line-end hyphen is a real hyphen in UN documents (they are not hyphenated
# automatically: "high-level", "Secretary-General"), unless what follows is
# only a word ending ("diver-sion").
SUFFIXES = frozenset(
    [
        "sion",
        "tion",
        "tions",
        "sions",
        "ment",
        "ments",
        "ing",
        "ings",
        "ed",
        "ness",
        "ity",
        "ities",
        "ance",
        "ence",
        "ances",
        "ences",
        "ly",
        "al",
        "als",
        "ive",
        "ives",
        "ous",
        "ible",
        "able",
        "ize",
        "ise",
        "ized",
        "ised",
        "izes",
        "ises",
        "ization",
        "isation",
        "ry",
        "ries",
        "er",
        "ers",
        "est",
        "ism",
        "ist",
        "ists",
        "ure",
        "ures",
    ]
)
_ITEM = re.compile(r"^(?:\(?[a-z]{1,4}\)|\(\d{1,3}\)|\d{1,3}\.|[IVXL]{1,6}\.|[A-Z]\.|[-•●▪])\s")
_SOFT = re.compile(r"(\w+)\s?\ufffe\s*([^\W\d_]*)")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -$")
_SUPERSCRIPT_SPACE = re.compile(r"(?<=[\w.,;:)”’\"]) +(?=[⁰¹²³⁴⁵⁶⁷⁸⁹])")


def starts_item(text: str) -> bool:
    """Numbered paragraph, lettered sub-item, heading number or bullet."""
    return bool(_ITEM.match(text))


def join_words(lines: list[str]) -> str:
    """One paragraph from its lines, hyphenation undone where it is a break."""
    out = join_lines_with(lines, _glue_layout_line)
    out = _SOFT.sub(_hyphen, out)
    return _SUPERSCRIPT_SPACE.sub("", out)


def _glue_layout_line(out: str, _raw: str, line: str) -> str:
    """A line-end hyphen stays (see SUFFIXES); a soft one is settled after joining."""
    if out.endswith(("-", "\ufffe")) and line[:1].isalpha():
        return _SPACED_HYPHEN.sub("-", out) + line
    return out + " " + line


def _hyphen(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    if tail.lower() in SUFFIXES:
        return head + tail
    return f"{head}-{tail}"
