"""The one error export raises: its message is a sentence for the user."""

from __future__ import annotations


class ExportError(Exception):
    """Export could not produce the file; str(error) says why, in one line."""
