"""Speaking time: statements are read out and interpreted, so count slowly.

UN interpreters ask for a measured pace; about 110 words per minute is a
common planning figure for a statement read aloud.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.drafts import frontmatter

DEFAULT_WPM = 110

_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:.*$", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[^\W_](?:[\w’'.,/–-]*[^\W_])?")


def spoken_text(markdown_text: str) -> str:
    """What a speaker reads out: no front matter, footnotes, comments or link targets."""
    return spoken_body(frontmatter.split(markdown_text)[1])


def spoken_body(body: str) -> str:
    """``spoken_text`` of a body already split from its front matter."""
    body = _COMMENT.sub(" ", body)
    body = _FOOTNOTE_DEF.sub(" ", body)
    body = _FOOTNOTE_REF.sub("", body)
    return _LINK.sub(r"\1", body)


def word_count(text: str) -> int:
    """Words as a speaker says them (markup and numbering punctuation ignored)."""
    return len(_WORD.findall(text))


def minutes_for(words: int, wpm: float = DEFAULT_WPM) -> float:
    return words / wpm if wpm > 0 else 0.0


def format_minutes(minutes: float) -> str:
    """'2:05' for 2 minutes 5 seconds."""
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class SpeakingTime:
    words: int
    minutes: float
    slot: float | None  # the speaking slot from the front matter

    @property
    def over(self) -> bool:
        return self.slot is not None and self.minutes > self.slot

    @property
    def ratio(self) -> float | None:
        return self.minutes / self.slot if self.slot else None

    def describe(self) -> str:
        """'412 words · 3:45 of 5:00 min'."""
        text = f"{self.words} words · {format_minutes(self.minutes)}"
        if self.slot is not None:
            text += f" of {format_minutes(self.slot)} min"
            if self.over:
                text += f" · over by {format_minutes(self.minutes - self.slot)}"
        else:
            text += " min"
        return text


def estimate(markdown_text: str, wpm: float = DEFAULT_WPM) -> SpeakingTime:
    """Speaking time of a whole draft, against its slot."""
    meta, body = frontmatter.split(markdown_text)
    return estimate_body(body, frontmatter.slot_minutes(meta), wpm)


def estimate_body(body: str, slot: float | None, wpm: float = DEFAULT_WPM) -> SpeakingTime:
    """Speaking time of a body split from its front matter, against ``slot`` minutes."""
    words = word_count(spoken_body(body))
    return SpeakingTime(words, minutes_for(words, wpm), slot)


def estimate_fragment(text: str, wpm: float = DEFAULT_WPM) -> SpeakingTime:
    """Speaking time of a selection (no front matter, no slot)."""
    words = word_count(_FOOTNOTE_REF.sub("", _FOOTNOTE_DEF.sub(" ", text)))
    return SpeakingTime(words, minutes_for(words, wpm), None)
