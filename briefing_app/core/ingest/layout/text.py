"""Joining a paragraph's lines: hyphens at line ends, footnote-marker spacing."""

from __future__ import annotations

import re

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
    out = ""
    for raw in lines:
        line = raw.strip()
        if not out:
            out = line
        elif out.endswith(("-", "\ufffe")) and line[:1].isalpha():
            out = _SPACED_HYPHEN.sub("-", out) + line
        else:
            out += " " + line
    out = _SOFT.sub(_hyphen, out)
    return _SUPERSCRIPT_SPACE.sub("", out)


def _hyphen(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    if tail.lower() in SUFFIXES:
        return head + tail
    return f"{head}-{tail}"
