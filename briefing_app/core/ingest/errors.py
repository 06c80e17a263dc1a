"""The one exception ingest raises: a reason the user can read."""


class IngestError(Exception):
    """A file cannot be ingested; ``str(error)`` is a one-line reason."""
