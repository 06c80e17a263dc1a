"""The draft being written, parsed once per change: front matter, body, headings.

Preview, speaking time, outline, autosave and export read this object instead
of each taking the editor's text and splitting the front matter again. The Qt
adapter (``gui.draft_model``) feeds it the editor's text after typing pauses
and sends one change notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from briefing_app.core.drafts import frontmatter, speaking
from briefing_app.core.drafts.outline import Heading, headings


@dataclass(frozen=True)
class FrontMatter:
    """The draft's front matter, typed where the app reads it; every key kept."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, key: str, default: str = "") -> str:
        return self.values.get(key, default)

    @property
    def title(self) -> str:
        return self.get("title")

    @property
    def delegation(self) -> str:
        return self.get("delegation")

    @property
    def mark(self) -> str:
        return self.get("mark")

    @property
    def slot_minutes(self) -> float | None:
        return frontmatter.slot_minutes(self.values)

    def __bool__(self) -> bool:
        return bool(self.values)


@dataclass(frozen=True)
class ParsedDraft:
    """One version of the draft's text and what is derived from it (computed on demand)."""

    text: str
    front: FrontMatter
    body: str
    body_line: int  # the line of ``text`` the body starts on

    @classmethod
    def parse(cls, text: str) -> ParsedDraft:
        meta, body, line = frontmatter.split_at(text)
        return cls(text, FrontMatter(meta), body, line)

    @cached_property
    def headings(self) -> list[Heading]:
        return headings(self.body, self.body_line)

    def speaking_time(self, wpm: float = speaking.DEFAULT_WPM) -> speaking.SpeakingTime:
        return speaking.estimate_body(self.body, self.front.slot_minutes, wpm)


class DraftDocument:
    """The current ``ParsedDraft``; ``set_text`` re-parses only when the text changed."""

    def __init__(self, text: str = "") -> None:
        self.parsed = ParsedDraft.parse(text)
        self.revision = 0

    @property
    def text(self) -> str:
        return self.parsed.text

    def set_text(self, text: str) -> bool:
        """Take the editor's text; True when it differs from what was parsed."""
        if text == self.parsed.text:
            return False
        self.parsed = ParsedDraft.parse(text)
        self.revision += 1
        return True
