"""Named points in the build where the fault tests kill the process (``kill -9``).

``BRIEFING_CRASH_AT=after-index-commit`` makes a build SIGKILL itself the
first time it reaches that point; ``after-file:150`` the 150th time. Only the
indexing path calls :func:`crash_point`, so the variable does nothing else.

Points, in the order a commit reaches them: ``checking-files``,
``after-file``, ``after-segment-files``, ``after-catalog`` (the state file
with catalog and word list is written; aliases ``after-words``,
``before-index-commit``), ``after-index-commit`` (Whoosh's table of contents
renamed into place), ``after-batch`` (old files swept).
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV_CRASH = "BRIEFING_CRASH_AT"
ALIASES = {
    "before-catalog": "after-segment-files",
    "after-words": "after-catalog",
    "after-vocabulary": "after-catalog",
    "before-words": "after-catalog",
    "before-vocabulary": "after-catalog",
    "before-index-commit": "after-catalog",
    "before-commit": "after-catalog",
    "before-toc": "after-catalog",
    "after-state": "after-catalog",
    "after-commit": "after-index-commit",
    "after-toc": "after-index-commit",
    "after-batch-commit": "after-batch",
    "during-indexing": "after-file",
    "mid-build": "after-file",
}
_reached: Counter[str] = Counter()


def crash_point(name: str) -> None:
    """SIGKILL this process when ``BRIEFING_CRASH_AT`` names this point (and count)."""
    wanted = os.environ.get(ENV_CRASH)
    if not wanted:
        return
    point, _, count = wanted.partition(":")
    if ALIASES.get(point, point) != name:
        return
    _reached[name] += 1
    if _reached[name] >= (int(count) if count.isdigit() else 1):
        os.kill(os.getpid(), signal.SIGKILL)
