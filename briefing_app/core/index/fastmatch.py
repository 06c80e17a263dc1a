"""A faster ``skip_to`` for Whoosh 3's posting-list matcher.

AND queries spend most of their time in ``W3LeafMatcher.skip_to``: after
finding the right block it steps through the block's ids one at a time,
three Python calls per posting. Ids within a block are sorted, so a binary
search lands in the same place. The result is identical; only the walk is
shorter (profiled: ~40 % of an AND of two common words at 100 MB).

``install()`` patches the class once, when the search engine opens an index
(never at import time).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from whoosh.codec import whoosh3
from whoosh.matching import ReadTooFar

_installed = False
_original_skip_to = whoosh3.W3LeafMatcher.skip_to


def _skip_to(self: Any, targetid: int) -> None:
    if not self.is_active():
        raise ReadTooFar
    if targetid <= self.id():
        return
    block_max_id = self.block_max_id
    if targetid > block_max_id():
        self._skip_to_block(lambda: targetid > block_max_id())
        if not self.is_active():
            return
    if self._ids is None:
        self._read_ids()
    # The block's last id is >= targetid, so the position is inside the block.
    self._i = bisect_left(self._ids, targetid, self._i, self._blocklength)


def install() -> None:
    """Use the binary-search ``skip_to`` (idempotent; skipped if Whoosh changed)."""
    global _installed
    if _installed:
        return
    matcher = getattr(whoosh3, "W3LeafMatcher", None)
    needed = ("_read_ids", "_skip_to_block", "block_max_id", "is_active", "id")
    if matcher is None or not all(hasattr(matcher, name) for name in needed):
        return
    matcher.skip_to = _skip_to
    _installed = True
