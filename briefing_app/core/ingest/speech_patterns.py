"""The patterns of statements and speeches, as tables (English for now).

French and Spanish forms ("Monsieur le Président,", "Excelencias,",
"Déclaration de …") can be added here without touching ``speech.py`` or
``speech_preamble.py``.
"""

from __future__ import annotations

import re

HONORIFIC = (
    r"(?:(?:Mr\.?|Madam|Madame|Mme\.?|Ms\.?|Honou?rable|(?:His|Her|Your)\s+Excellency|Dear)\s+)?"
)
#: One way of addressing the room; a salutation line is one or more of them.
ADDRESS_TERMS = [
    r"(?:Your\s+)?Excellenc(?:y|ies)",
    r"(?:Mr\.?|Mister|Madam|Madame|Mme\.?|Ms\.?|Mrs\.?)\s+(?:Vice-|Co-)?"
    r"(?:President|Chair(?:man|woman|person)?|Co-Chairs?|Secretary-General"
    r"|Deputy\s+Secretary-General|High\s+Commissioner|Executive\s+Director|Moderator"
    r"|Facilitator|Rapporteur|Under-Secretary-General|Ambassador|Minister|Speaker)",
    r"(?:(?:Distinguished|Dear|Honou?rable|Esteemed|Fellow|Respected|Excellent)\s+)+"
    r"(?:[\w-]+\s+){0,2}?(?:delegates|delegations|colleagues|participants|guests|friends"
    r"|representatives|members|panell?ists|ministers|speakers|Excellencies|Chairs?"
    r"|Co-Chairs?|Ambassadors|experts|observers)",
    r"Ladies\s+and\s+gentlemen",
    r"(?:Dear\s+)?(?:friends|colleagues)",
    r"Heads\s+of\s+(?:State|Government|Delegation)s?(?:\s+and\s+(?:Government|Delegation)s?)?",
    r"(?:Your\s+)?(?:Majest(?:y|ies)|(?:Royal\s+)?Highness(?:es)?)",
    r"(?:Madam\s+|Mr\.?\s+)?(?:Co-)?Chairs?",
    rf"{HONORIFIC}President\s+of\s+the\s+(?:(?:[\w-]+\s+)?Session(?:\s+of\s+the)?\s+)?"
    r"(?:(?:United\s+Nations\s+)?General\s+Assembly|Security\s+Council"
    r"|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|Conference|[\w-]+\s+Session)",
    rf"{HONORIFIC}Secretary-General(?:\s+of\s+the\s+United\s+Nations)?",
]
TERM = "(?:" + "|".join(ADDRESS_TERMS) + ")"
_GREETING = rf"(?:and\s+)?{TERM}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s+){TERM})*\s*[,:;!]?$"
SALUTATION = re.compile(rf"^{_GREETING}", re.I)
#: The same after any newline: one search over a block's stripped lines, each
#: after a "\n", finds every line SALUTATION would match (and perhaps more).
#: The letters a salutation can start with (a test derives them from TERM):
#: the search then skips a prose line at its first letter.
GREETING_INITIALS = "acdefhlmprsy"
SALUTATION_AFTER_NEWLINE = re.compile(rf"\n(?=[{GREETING_INITIALS}]){_GREETING}", re.I | re.M)
#: A salutation after the last sentence of a line: "… of the United Nations. Excellencies,"
TRAILING_SALUTATION = re.compile(
    rf"^(.*?[.!?”\"’)])\s+((?:and\s+)?{TERM}(?:\s*,\s*{TERM})*\s*[,:])$", re.I
)

#: A closing that only thanks the room: "I thank you.", "Thank you, Mr. President.",
#: "Thank you for your kind attention." ("Thank you for convening …" is prose).
CLOSING = re.compile(
    r"^(?:(?:I|We)\s+)?thank\s+you(?:\s+(?:very|so)\s+much|\s+all|\s+again"
    rf"|\s*,?\s*(?:for\s+your\s+(?:kind\s+)?attention|{TERM}))*\s*[.!]?$",
    re.I,
)
#: "Statement by …", "Remarks of …", "Address on behalf of …".
STATEMENT_MARKER = re.compile(
    r"^(?:Opening|Closing|Keynote|Introductory|Welcome|Welcoming|Concluding|Joint|National)?\s*"
    r"(?:remarks|statement|address|speech|intervention|presentation|message|briefing)"
    r"\s+(?:(?:delivered\s+)?(?:of|by|from)|on\s+behalf\s+of)\b",
    re.I,
)
#: Lines of a preamble that are neither speaker nor event.
DELIVERY_NOTE = re.compile(
    r"^\(?\s*(?:please\s+)?check\s+against\s+(?:the\s+)?delivery\s*\)?\.?$", re.I
)
#: Words that make a preamble line the speaker's function.
FUNCTION = re.compile(
    r"\b(?:Minister|Ambassador|Permanent\s+Representative|Representative|Director|Officer"
    r"|Secretary|President|Vice-President|Chair(?:man|woman|person)?|Head|Delegate|Commissioner"
    r"|Coordinator|Adviser|Advisor|Envoy|Chief|Counsellor|Counselor|Attaché|Rapporteur"
    r"|Prime\s+Minister|King|Queen|Emir|Governor|Mayor|Deputy|Chargé\s+d.affaires)\b",
    re.I,  # preambles are often in capitals: "PERMANENT REPRESENTATIVE OF …"
)
OF = re.compile(r"\bof\s+(?:the\s+)?", re.I)
ORG_END = re.compile(r"\s+(?:to\s+the\s+United\s+Nations|at|in|before)\b.*$", re.I)
#: "Minister of Foreign Affairs of X": a portfolio after "of" is not the organisation.
PORTFOLIO = re.compile(
    r"^(?:Foreign|External|Justice|Defen[cs]e|Interior|State|Health|Finance|Trade|Economy"
    r"|International|Home|Environment|Public|Legal)\b",
    re.I,
)
DELEGATION = re.compile(
    r"^(?:the\s+)?(?:delegation|permanent\s+mission|representative|government)\s+of\s+"
    r"(?:the\s+)?(.+)$",
    re.I,
)
#: Words that make a preamble line the event, not the speaker's function.
EVENT = re.compile(
    r"\b(?:session|debate|meeting|conference|summit|forum|side\s+event|week|dialogue|segment"
    r"|symposium|workshop|high-level|anniversary|ceremony)\b",
    re.I,
)
PLACE_DATE = re.compile(r"^([A-Z][\w .'-]{1,40}?),\s+(.*\d{4}.*)$")
#: A line ending on one of these words stops mid-sentence.
RUNS_ON = frozenset(
    (
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "that",
        "which",
        "as",
        "its",
        "their",
        "our",
        "his",
        "her",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
    )
)
TERMINAL = (".", "!", "?", "”", '"', "’", "…")


def marker_rest(text: str) -> str:
    """What follows "Statement by" on its line: the speaker, or nothing."""
    match = STATEMENT_MARKER.match(text)
    return text[match.end() :].strip(" :,") if match else ""


def is_date_line(text: str) -> bool:
    """ "Thursday, 16 July 2020": a date and little else."""
    from briefing_app.core.ingest.metadata import parse_date

    return parse_date(text) is not None and len(text.split()) <= 8
