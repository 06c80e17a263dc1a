"""A version to compare: a library document (by id) or a file on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core.compare.model import Comparison
from briefing_app.core.models import DocumentMeta, Segment

if TYPE_CHECKING:
    from briefing_app.core.library import Library


@dataclass
class Version:
    """One side of a comparison: what it is and its units in reading order."""

    meta: DocumentMeta
    segments: list[Segment]
    in_library: bool

    @property
    def name(self) -> str:
        """How the report names it: the symbol, else the title (shortened) with its kind
        and date, since two versions often share the title; else the id."""
        from briefing_app.core.citation import format_date

        if self.meta.symbol:
            return self.meta.symbol
        title = " ".join(self.meta.title.split())
        if len(title) > 80:
            title = title[:79].rsplit(" ", 1)[0] + "…"
        facts = [self.meta.kind.replace("-", " ") if self.meta.kind != "other" else ""]
        facts.append(format_date(self.meta.date) if self.meta.date else "")
        details = ", ".join(f for f in facts if f)
        return f"{title} ({details})" if title and details else title or self.meta.doc_id


def load_version(ref: str, library: Library | None) -> Version:
    """``ref`` is a file path (read, not added to the library) or a library doc id.

    Raises ValueError with a one-line reason when it is neither, or has no units.
    """
    from briefing_app.core.ingest.errors import IngestError
    from briefing_app.core.ingest.pipeline import ingest_file

    path = Path(ref).expanduser()
    if path.is_file():
        try:
            document = ingest_file(path)
        except IngestError as exc:
            raise ValueError(f"{path.name}: {exc}") from exc
        version = Version(document.meta, document.segments, in_library=False)
    else:
        meta = library.document(ref) if library is not None else None
        if meta is None:
            raise ValueError(f"{ref!r} is neither a file nor a document id in the library")
        version = Version(meta, library.document_segments(ref), in_library=True)  # type: ignore[union-attr]
    if not version.segments:
        raise ValueError(f"{version.name}: no paragraphs to compare")
    return version


@dataclass
class VersionComparison:
    """A comparison with the two versions it was made from (for citations, titles)."""

    old: Version
    new: Version
    comparison: Comparison


def compare_versions(old_ref: str, new_ref: str, library: Library | None) -> VersionComparison:
    """Load both versions and align them; ValueError with a one-line reason on bad input."""
    from briefing_app.core.compare.align import compare_segments

    old, new = load_version(old_ref, library), load_version(new_ref, library)
    comparison = compare_segments(old.segments, new.segments, old.name, new.name)
    return VersionComparison(old, new, comparison)
