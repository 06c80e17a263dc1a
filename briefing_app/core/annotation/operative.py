"""The operative phrase of a recommendation or resolution paragraph.

The strength of the verb is what gets negotiated ("should" against "are
encouraged to"), so each recommendation is marked with its operative phrase,
normalised ("are also encouraged to" -> "are encouraged to"). Two styles:

* recommendations and reports: a subject and a modal or passive phrase
  ("States should", "UNODC is requested to", "States are invited to");
* resolution paragraphs that open with the verb ("Urges Member States …",
  "Decides that …").

A preamble ("Acknowledging that …, States should …") is skipped: the phrase
is looked for in the main clause first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

#: Canonical phrases, strongest first, with a strength from 0 to 100.
STRENGTH: dict[str, int] = {
    "decides": 100,
    "shall": 95,
    "demands": 93,
    "must": 90,
    "urges": 85,
    "are urged to": 85,
    "is urged to": 85,
    "calls upon": 80,
    "are called upon to": 80,
    "is called upon to": 80,
    "requests": 75,
    "is requested to": 75,
    "are requested to": 75,
    "should": 70,
    "should not": 70,
    "recommends": 60,
    "are strongly encouraged to": 55,
    "is strongly encouraged to": 55,
    "encourages": 50,
    "are encouraged to": 50,
    "is encouraged to": 50,
    "should consider": 45,
    "invites": 40,
    "are invited to": 40,
    "is invited to": 40,
    "are encouraged to consider": 35,
    "may wish to consider": 25,
    "may consider": 20,
    "could consider": 20,
    "welcomes": 15,
    "takes note": 10,
}

#: Phrase -> how it may be written (adverbs such as "also", "further" may sit inside).
_ADVERB = r"(?:\s+(?:also|further|again|continue\s+to|moreover|therefore))?"
_PASSIVE = {
    "are urged to": r"are{a}\s+urged\s+to",
    "is urged to": r"is{a}\s+urged\s+to",
    "are called upon to": r"are{a}\s+called\s+(?:up)?on\s+to",
    "is called upon to": r"is{a}\s+called\s+(?:up)?on\s+to",
    "is requested to": r"is{a}\s+requested\s+to",
    "are requested to": r"are{a}\s+requested\s+to",
    "are strongly encouraged to": r"are{a}\s+strongly\s+encouraged\s+to",
    "is strongly encouraged to": r"is{a}\s+strongly\s+encouraged\s+to",
    "are encouraged to consider": r"are{a}\s+encouraged\s+to{a}\s+consider",
    "are encouraged to": r"are{a}\s+encouraged\s+to",
    "is encouraged to": r"is{a}\s+encouraged\s+to",
    "are invited to": r"are{a}\s+invited\s+to",
    "is invited to": r"is{a}\s+invited\s+to",
    "should consider": r"should{a}(?:,[^,]{{0,60}},)?\s+consider",
    "should not": r"should\s+not",
    "may wish to consider": r"may\s+wish\s+to{a}\s+consider",
    "may consider": r"may{a}\s+consider",
    "could consider": r"could{a}\s+consider",
    "shall": r"shall",
    "must": r"must",
    "should": r"should",
}
#: Resolution style: the paragraph opens with the verb (third person).
_OPENING = {
    "decides": r"(?:also\s+|further\s+)?decides",
    "demands": r"(?:also\s+|further\s+)?demands",
    "urges": r"(?:also\s+|further\s+|strongly\s+)?urges",
    "calls upon": r"(?:also\s+|further\s+)?calls\s+(?:up)?on",
    "requests": r"(?:also\s+|further\s+)?requests",
    "recommends": r"(?:also\s+|further\s+)?recommends",
    "encourages": r"(?:also\s+|further\s+|strongly\s+)?encourages",
    "invites": r"(?:also\s+|further\s+)?invites",
    "welcomes": r"(?:also\s+|further\s+)?welcomes",
    "takes note": r"(?:also\s+)?takes\s+(?:note|notes)",
}
_PREAMBLE = re.compile(
    r"^\s*(?:[A-Z][a-z]+ing\b|In\s+(?:view|line|the\s+light|light|order|the\s+fight)\b|"
    r"Taking\b|Bearing\b|Mindful\b|Conscious\b|Aware\b|Recalling\b|Noting\b|With\s+a\s+view\b|"
    r"For\s+an?\b|To\s+\w+)",
)
_TRIGGERS = frozenset({"should", "shall", "must", "are", "is", "may", "could"})
_LOWER_WORD = re.compile(r"[a-z]+")
_MAIN_CLAUSE = re.compile(r",\s+(?=(?:the\s+)?[A-Z])")
_LEAD = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+\.\s+)?")


@dataclass(frozen=True)
class Operative:
    phrase: str  # canonical, e.g. "are encouraged to"
    strength: int
    start: int  # where it is in the text, for highlighting
    end: int


@cache
def _passive_pattern() -> re.Pattern[str]:
    ordered = sorted(_PASSIVE.items(), key=lambda kv: len(kv[1]), reverse=True)
    alternatives = [f"(?P<p{i}>{rx.format(a=_ADVERB)})" for i, (_phrase, rx) in enumerate(ordered)]
    # Tried only where a trigger word starts (see _TRIGGERS): a big alternation
    # scanned over the whole text is slow, and annotate() runs on every segment.
    return re.compile(r"(?:" + "|".join(alternatives) + r")\b")


@cache
def _passive_names() -> tuple[str, ...]:
    return tuple(p for p, _ in sorted(_PASSIVE.items(), key=lambda kv: len(kv[1]), reverse=True))


@cache
def _opening_pattern() -> re.Pattern[str]:
    alternatives = [f"(?P<o{i}>{rx})" for i, rx in enumerate(_OPENING.values())]
    return re.compile(r"(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@cache
def _active_pattern() -> re.Pattern[str]:
    """'The Conference urges States …': the verb after a subject, lowercase."""
    alternatives = [f"(?P<o{i}>{rx})" for i, rx in enumerate(_OPENING.values())]
    return re.compile(r"(?<=[A-Za-z)] )(?:" + "|".join(alternatives) + r")\b")


def find_operative(text: str, kind: str = "recommendation") -> Operative | None:
    """The operative phrase of ``text``; for kinds other than recommendation,
    only a paragraph that opens with an operative verb (resolution style)."""
    lead = _LEAD.match(text)
    offset = lead.end() if lead else 0
    opening = _opening_pattern().match(text, offset)
    if opening and text[offset : offset + 1].isupper():
        phrase = list(_OPENING)[int(opening.lastgroup[1:])]  # type: ignore[index]
        return Operative(phrase, STRENGTH[phrase], opening.start(), opening.end())
    if kind != "recommendation":
        return None
    clause_start = offset
    if _PREAMBLE.match(text, offset):
        clause = _MAIN_CLAUSE.search(text, offset)
        clause_start = clause.start() if clause else offset
    lowered = text.lower() if len(text.lower()) == len(text) else text
    pattern = _passive_pattern()
    passive = [
        m
        for word in _LOWER_WORD.finditer(lowered)
        if word.group(0) in _TRIGGERS and (m := pattern.match(lowered, word.start()))
    ]
    chosen = next((m for m in passive if m.start() >= clause_start), None)
    if chosen is None:
        active = _active_pattern().search(text, clause_start)
        if active:
            phrase = list(_OPENING)[int(active.lastgroup[1:])]  # type: ignore[index]
            return Operative(phrase, STRENGTH[phrase], active.start(), active.end())
        if not passive:
            return None
        chosen = passive[0]
    phrase = _passive_names()[int(chosen.lastgroup[1:])]  # type: ignore[index]
    if phrase.startswith(("are ", "is ")):
        # Keep the verb as written ("is" / "are"); the canonical table holds both.
        phrase = ("are " if chosen.group(0).lower().startswith("are") else "is ") + phrase.split(
            " ", 1
        )[1]
    return Operative(phrase, STRENGTH.get(phrase, 0), chosen.start(), chosen.end())


def operative_phrase(text: str, kind: str = "recommendation") -> str | None:
    found = find_operative(text, kind)
    return found.phrase if found else None


def strength(phrase: str | None) -> int:
    """0 (none) to 100 ("decides"); unknown phrases count as 0."""
    return STRENGTH.get(phrase or "", 0)


def phrases_by_strength() -> list[str]:
    """The canonical phrases, strongest first (for filter menus)."""
    return sorted(STRENGTH, key=lambda p: -STRENGTH[p])
