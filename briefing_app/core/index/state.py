"""One file per index generation: what the search reads beside Whoosh.

Whoosh commits a generation by renaming its table of contents
(``_MAIN_<n>.toc``) into place. Briefing writes ``state-<n>.json`` (catalog,
word list, the size of every index file, interrupted work) *before* that
rename, so the rename commits both at once: a crash at any moment leaves the
previous generation and its state, or the new one and its state, never a mix.
A reader opens generation ``n`` only with ``state-<n>.json`` beside it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

STATE_FORMAT = 1
INDEX_NAME = "MAIN"
_TOC_RE = re.compile(rf"^_{INDEX_NAME}_([0-9]+)\.toc$")
_STATE_RE = re.compile(r"^state-([0-9]+)\.json$")
#: A segment's files: ``MAIN_<segment id>.<extension>`` (Whoosh's own pattern).
SEGMENT_RE = re.compile(rf"^({INDEX_NAME}_[0-9a-z]+)\.[A-Za-z0-9_.]+$")


class StateError(Exception):
    """A state file is missing or unreadable; ``str()`` is one line."""


def state_name(generation: int) -> str:
    return f"state-{generation}.json"


def facets_name(generation: int) -> str:
    """The generation's saved facet tables (``facet_store``): swept with it."""
    return f"facets-{generation}.bin"


def toc_name(generation: int) -> str:
    return f"_{INDEX_NAME}_{generation}.toc"


def latest_generation(folder: Path) -> int:
    """The newest committed Whoosh generation in ``folder``; -1 when there is none."""
    try:
        names = os.listdir(folder)
    except OSError:
        return -1
    found = [int(m.group(1)) for n in names if (m := _TOC_RE.match(n))]
    return max(found, default=-1)


def state_generations(folder: Path) -> list[int]:
    """Generations that have a state file, newest first."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted((int(m.group(1)) for n in names if (m := _STATE_RE.match(n))), reverse=True)


def read_state(folder: Path, generation: int) -> dict[str, Any]:
    path = Path(folder) / state_name(generation)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StateError(f"the catalog of index generation {generation} is missing") from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise StateError(f"the catalog {path.name} is damaged ({type(exc).__name__})") from None
    if not isinstance(data, dict) or data.get("generation") != generation:
        raise StateError(f"the catalog {path.name} does not belong to its index generation")
    return data


def write_state(folder: Path, generation: int, data: dict[str, Any]) -> None:
    """Write atomically and durably (temp file, fsync, rename)."""
    target = Path(folder) / state_name(generation)
    temp = target.with_name(target.name + ".tmp")
    payload = json.dumps({**data, "format": STATE_FORMAT, "generation": generation})
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def segment_files(folder: Path, segment_ids: set[str]) -> dict[str, int]:
    """Name -> size of every file belonging to the given Whoosh segments."""
    sizes: dict[str, int] = {}
    for entry in os.scandir(folder):
        m = SEGMENT_RE.match(entry.name)
        if m and m.group(1) in segment_ids and entry.is_file():
            sizes[entry.name] = entry.stat().st_size
    return sizes


def file_problems(folder: Path, files: dict[str, int]) -> str | None:
    """One line about the first recorded index file that is missing or resized."""
    for name, size in sorted(files.items()):
        try:
            actual = os.stat(Path(folder) / name).st_size
        except FileNotFoundError:
            return f"index file {name} is missing"
        except OSError as exc:
            return f"index file {name} cannot be read ({exc.strerror or exc})"
        if actual != size:
            return f"index file {name} is damaged ({actual} bytes instead of {size})"
    return None


def sweep(folder: Path, keep_generations: set[int], live_segments: set[str]) -> None:
    """Remove what no kept generation uses: partial segments, temp files, old states.

    Called under the writer lock, after a failed or crashed write (a full disk
    leaves megabytes of half-written segment files) and after each commit.
    """
    from briefing_app.core.index.lock import LOCK_NAME

    keep = {n(g) for g in keep_generations for n in (toc_name, state_name, facets_name)}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name in keep or name == LOCK_NAME or name == f"_{INDEX_NAME}_LOCK":
            continue
        m = SEGMENT_RE.match(name)
        if m and m.group(1) in live_segments:
            continue
        if name.startswith(f"{INDEX_NAME}_WRITELOCK"):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if name.endswith(".tmp"):
                    import shutil

                    shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass  # read-only or still open elsewhere: the next sweep tries again
