"""What every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawText:
    text: str
    format: str  # "text", "markdown", "pdf", "docx", "html"
    warnings: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # when the format keeps them apart
    # True when the reader found the paragraphs itself (one per line, blank lines
    # between): the clean-up then does not re-split hard-wrapped lines.
    paragraphs: bool = False
