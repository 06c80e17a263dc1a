"""Filling a template's ``{{placeholders}}`` without leaving a broken sentence.

A missing value is not an empty string pasted in: "Statement of {{delegation}}"
becomes "Statement" (the "of …" clause goes), "{{delegation}} thanks the
Secretariat" becomes "My delegation thanks the Secretariat" (the way a
statement names its own delegation), and a body sentence that needs any
other missing value is left out whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing_app.core.drafts import frontmatter

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
#: What a statement says instead of a name it does not have.
SPOKEN_FALLBACK = {"delegation": "my delegation"}
_CLAUSE = r"\s*(?:,\s*)?\b(?:of|for|by|from)\s+\{{\{{\s*{key}\s*\}}\}}"
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|$)")


def placeholders(text: str) -> set[str]:
    """The names a template asks for."""
    return {m.group(1) for m in PLACEHOLDER.finditer(text)}


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` (a template: front matter and body) with its placeholders filled."""
    given = {k: str(v).strip() for k, v in values.items() if str(v or "").strip()}
    meta, body = frontmatter.split(text)
    meta = {key: fill_field(value, given) for key, value in meta.items()}
    body = "\n".join(fill_line(line, given) for line in body.split("\n"))
    return frontmatter.join(meta, body) if meta else body


def fill_field(value: str, given: Mapping[str, str]) -> str:
    """A front-matter value: a clause naming a missing value goes with it."""
    for key in placeholders(value) - given.keys():
        value = re.sub(_CLAUSE.format(key=re.escape(key)), "", value)
    return PLACEHOLDER.sub(lambda m: given.get(m.group(1), ""), value).strip()


def fill_line(line: str, given: Mapping[str, str]) -> str:
    """A body line: missing names spoken the usual way, or their sentence left out."""
    if not PLACEHOLDER.search(line):
        return line
    kept = []
    for sentence in _SENTENCE.findall(line):
        missing = placeholders(sentence) - given.keys() - SPOKEN_FALLBACK.keys()
        if missing:
            continue
        kept.append(_spoken(sentence, given))
    return "".join(kept).strip() if line.strip() else line


def _spoken(sentence: str, given: Mapping[str, str]) -> str:
    def name(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in given:
            return given[key]
        fallback = SPOKEN_FALLBACK[key]
        before = sentence[: match.start()].strip()
        at_start = not before or before[-1] in ".!?:"
        return fallback[0].upper() + fallback[1:] if at_start else fallback

    return PLACEHOLDER.sub(name, sentence)
