"""Pattern tables for UN genres, one entry per language.

The recognisers only read ``PATTERNS``; adding French or Spanish means adding
a ``GenrePatterns`` with that language's words, not touching the logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class GenrePatterns:
    """What one language's UN documents print where structure is."""

    # "The General Assembly," / "The States Parties to this Convention,"
    enacting: re.Pattern[str]
    # Preambular openers, printed in italics: "Recalling", "Deeply concerned"
    preambular: re.Pattern[str]
    preambular_guess: re.Pattern[str]  # another "-ing" opener, where a paragraph ended
    # An unnumbered operative paragraph: "Decides to include …", "Adopts the following …"
    operative_verb: re.Pattern[str]
    # Headings that scope a numbering of their own
    annex: re.Pattern[str]
    part: re.Pattern[str]  # a bare "IV" line before a part's subject
    chapter: re.Pattern[str]
    article: re.Pattern[str]
    action: re.Pattern[str]
    preamble_heading: re.Pattern[str]
    closing_formula: re.Pattern[str]  # "Have agreed as follows:"
    chapeau: re.Pattern[str]  # "We, the Heads of State and Government, …," opens PP 1
    plenary: re.Pattern[str]  # "3rd plenary meeting"
    # Front matter
    adopted: re.Pattern[str]  # "Resolution adopted by the General Assembly on 21 March 2024"
    resolution_title: re.Pattern[str]  # "78/265. Seizing the opportunities …"
    draft_marker: re.Pattern[str]  # ": draft resolution", "Draft decision"
    report_marker: re.Pattern[str]  # "Report of the Secretary-General"
    committee: re.Pattern[str]
    session: re.Pattern[str]
    agenda_item: re.Pattern[str]
    treaty_title: re.Pattern[str]


# Openers UN editors italicise at the head of a preambular paragraph. Any other
# capitalised "-ing" word counts only where the line before ends a paragraph.
_PREAMBULAR_WORDS = (
    r"(?:(?:Deeply|Gravely|Seriously|Strongly|Fully|Further|Also|Profoundly|Keenly|Firmly"
    r"|Particularly|Equally|Increasingly|Once\s+again|Again|Nevertheless)\s+[a-z]{4,}\b"
    r"|Re-emphasi[sz]ing|Re-affirming|Acknowledging|Acting|Affirming|Alarmed|Anticipating|Appreciating|Appreciative"
    r"|Aware|Bearing\s+in\s+mind|Believing|Building|Cognizant|Cognisant|Commending"
    r"|Committed|Concerned|Condemning|Confident|Conscious|Considering|Continuing"
    r"|Convinced|Declaring|Deploring|Desiring|Desirous|Determined|Disturbed|Dismayed"
    r"|Emphasizing|Emphasising|Encouraged|Encouraging|Endorsing|Expressing|Grateful"
    r"|Guided|Having|Highlighting|Honouring|Honoring|Hoping|Inspired|Keeping\s+in\s+mind"
    r"|Looking|Mindful|Noting|Observing|Outraged|Paying|Pleased|Pledging|Reaffirming"
    r"|Realizing|Realising|Reassured|Recalling|Recognizing|Recognising|Referring"
    r"|Regretting|Reiterating|Rejecting|Reminding|Renewing|Resolved|Respecting"
    r"|Saddened|Satisfied|Seeking|Shocked|Stressing|Supporting|Taking|Underlining"
    r"|Underscoring|Upholding|Urging|Welcoming|Wishing|Sharing|Striving|Viewing)\b"
)

_NOT_PREAMBULAR = (
    r"(?!(?:During|Following|According|Regarding|Including|Concerning|Notwithstanding"
    r"|Pending|Nothing|Morning|Evening|Something|Anything|Everything|King|Spring|Beijing"
    r"|Kunming|Nanjing|Wellington|Reading|Hashing|Stockpiling|Manufacturing|Financing"
    r"|Trafficking|Peacekeeping|Peacebuilding|Training|Funding|Housing|Building)\b)"
)

ENGLISH = GenrePatterns(
    enacting=re.compile(
        r"^(?:The\s+(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council"
        r"|Economic\s+and\s+Social\s+Council|Trusteeship\s+Council|Conference\s+of\s+the"
        r"\s+Parties[^,]*|Commission\s+on\s+[^,]+|Meeting\s+of\s+the\s+Parties[^,]*"
        r"|States\s+Parties\s+to\s+th(?:is|e\s+present)\s+(?:Convention|Protocol|Treaty"
        r"|Agreement|Covenant))|The\s+Parties\s+to\s+th(?:is|e\s+present)\s+\w+)\s*(,|$)"
    ),
    preambular=re.compile(rf"^{_PREAMBULAR_WORDS}"),
    preambular_guess=re.compile(rf"^{_NOT_PREAMBULAR}[A-Z][a-z]*(?:-[a-z]+)?[a-z]{{3,}}ing\b"),
    operative_verb=re.compile(
        r"^(?:(?:Also|Further|Again|Once\s+again|Strongly|Firmly|Further\s+also)\s+)?"
        r"(?!(?:States|Nations|Parties|Members|Means|Progress|Access|Business|Address)\b)"
        r"(?:Calls\s+upon|Takes\s+note|[A-Z][a-z]{2,}(?:s|es))\b"
    ),
    annex=re.compile(r"^(?:\*\*)?Annex(?:es)?(?:\s+([IVXLC]{1,6}|\d{1,2}|[A-Z]))?(?:\*\*)?\s*$"),
    part=re.compile(r"^([IVXLC]{1,7})\s*$"),
    chapter=re.compile(r"^(Chapter|Part|Section)\s+([IVXLC]{1,7}|\d{1,3})\.?(?:\s+(\S.{0,150}))?$"),
    article=re.compile(
        r"^Article\s+(\d{1,3}(?:\s?(?:bis|ter))?)\.?(?:\s+(?:[.:–-]\s*)?(\S.{0,150}))?$"
    ),
    action=re.compile(r"^Action\s+(\d{1,3})\.\s+\S"),
    preamble_heading=re.compile(r"^Preamble\s*$"),
    closing_formula=re.compile(
        r"^(?:Have\s+agreed\s+as\s+follows|Hereby\s+agree|(?:Solemnly\s+)?[Dd]eclare"
        r"(?:\s+the\s+following)?|Commit\s+to\s+the\s+following|Agree\s+to\s+the\s+following)"
        r"\s*:?\s*$"
    ),
    chapeau=re.compile(r"^We,\s+(?:the\s+)?[A-Z]"),
    plenary=re.compile(r"^\d{1,4}(?:st|nd|rd|th)\s+plenary\s+meeting\s*$", re.I),
    adopted=re.compile(
        r"\b(Resolution|Decision)\s+adopted\s+by\s+the\s+([A-Z][\w ]+?)\s+on\s+"
        r"(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
    ),
    resolution_title=re.compile(
        r"^(\d{1,4}/\d{1,4}(?:\s+[A-Z])?|\d{1,4}\s+\([IVXLC]+\))\.\s+(\S.*)$"
    ),
    draft_marker=re.compile(
        r"(?:^|:\*?\s*)(?:revised\s+)?(draft\s+(resolution|decision))\b", re.I | re.M
    ),
    report_marker=re.compile(
        r"^(?:(?:Report|Note)\s+(?:of|by)\s+the\s+(?:Secretary-General|Advisory\s+Committee"
        r"|[A-Z][\w\- ]+)|Proposed\s+programme\s+budget\b|Report\s+on\b)"
    ),
    committee=re.compile(
        r"\b((?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee|Special\s+Political"
        r"\s+and\s+Decolonization\s+Committee)\b"
    ),
    session=re.compile(
        r"^((?:[A-Z][a-z]+-)?[a-z]*[A-Za-z]+\s+(?:special\s+|emergency\s+special\s+)?session)\s*$"
    ),
    agenda_item=re.compile(
        r"^(?:Agenda\s+items?|Items?)\s+(\d[\w ()]*?(?:\s+and\s+\d+[\w ()]*)?)"
        r"(?:\s+of\s+the\s+(?:provisional|preliminary)\s+\w+.*)?\s*$"
    ),
    treaty_title=re.compile(r"\b(?:Convention|Treaty|Covenant|Protocol|Agreement|Charter)\b"),
)

PATTERNS: tuple[GenrePatterns, ...] = (ENGLISH,)
