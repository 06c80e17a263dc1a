"""Indexing in a child process (no Qt here: the child imports only the core).

Whoosh indexing is pure Python and holds the interpreter lock, so the window
runs it in a separate process and polls a queue for progress.
"""

from __future__ import annotations

from typing import Any


def run_index_job(home: str, files: list[str], repair: bool, queue: Any, cancel: Any) -> None:
    """Add ``files`` to the library at ``home`` (or build it when ``files`` is empty;
    ``repair``: check every index file and rebuild a damaged index)."""
    from briefing_app.core.library import Library
    from briefing_app.core.progress import Cancelled, Progress

    def report(done: int, total: int, message: str) -> None:
        queue.put(("progress", done, total, message))
        if cancel.is_set():
            progress.cancel()

    progress = Progress(report)
    library = Library(home)
    try:
        result = (
            library.add(files, progress=progress)
            if files
            else library.build(progress=progress, repair=repair)
        )
        queue.put(("result", result.to_json()))
    except Cancelled:
        queue.put(("result", {"cancelled": True}))
    except OSError as exc:  # full disk, read-only folder: say which
        queue.put(("error", f"cannot write the library ({exc.strerror or exc})"))
    except Exception as exc:  # reported to the user as one line
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        queue.put(("error", text))
    finally:
        library.close()
