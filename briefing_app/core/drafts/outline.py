"""The draft's headings, for the outline panel (ATX ``#`` headings outside code fences)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int  # line number in the whole draft (front matter included)


def headings(body: str, first_line: int = 0) -> list[Heading]:
    """Headings of ``body``, numbered as lines of the draft it starts at ``first_line`` of."""
    found: list[Heading] = []
    in_code = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if line.startswith("```"):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match:
            found.append(Heading(len(match.group(1)), match.group(2), number))
    return found
