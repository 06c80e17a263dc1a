"""Cheap necessary conditions that let ingest skip a costly stage.

Each check answers False only when the stage it guards could not succeed,
so skipping the stage changes nothing; they exist for ingest speed (a plain
speech should not pay for the report machinery).
"""

from __future__ import annotations

import re
from itertools import islice

from briefing_app.core.ingest.cleanup import Block

#: A line opening on "12." or a bullet mark: where NUMBERED_PARAGRAPH can match
#: (the number may follow a bullet alone on its line).
_OPENS_ON_NUMBER = re.compile(r"\n[^\S\n]*(?:\d{1,4}\.|[-*•])")
#: What RECOMMENDATION_HEADING's re.I matches to "i" besides "i" and "I".
_DOTTED_I = ("\u0130", "\u0131")


def may_be_numbered(blocks: list[Block]) -> bool:
    """Can ``has_numbered_structure(split_at_markers(blocks))`` be true?

    It needs three split blocks whose text starts with ``12.`` (perhaps after
    a bullet), or two that start with "Recommendation 3": every split block
    starts at a line, so fewer lines like that settle it without the split.
    """
    text = "\n" + "\n".join(line for block in blocks for line in block.lines)
    if len(list(islice(_OPENS_ON_NUMBER.finditer(text), 3))) >= 3:
        return True
    if any(char in text for char in _DOTTED_I):
        return True
    return text.lower().count("recommendation") >= 2
