"""The one exception a command raises to stop with a one-line message.

Kept free of imports so that `main` can catch it without loading the core.
"""

from __future__ import annotations


class CommandFailed(Exception):
    """Ends the running command: `run_command` prints ``briefing: <message>``
    and exits with ``code``, as `output.fail` does for a returned status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
