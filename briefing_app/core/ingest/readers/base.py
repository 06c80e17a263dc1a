"""What every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawText:
    text: str
    format: str  # "text", "markdown", "pdf", "docx", "html"
    warnings: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # when the format keeps them apart
