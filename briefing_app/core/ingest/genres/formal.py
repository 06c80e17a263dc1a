"""Resolutions, decisions, their drafts and treaties: units as delegates cite them.

The text after the enacting formula ("The General Assembly,") is read line
by line. Preambular paragraphs start with an italic opener ("Recalling …")
after a line that ended a clause; operative paragraphs with their printed
number in sequence; articles with "Article N". Annexes and bare-numeral
parts ("IV" + subject) open a numbering scope of their own; chapters,
"Action N." and roman/letter headings are sections; an unnumbered short line
before a unit is a sub-heading. Sub-items (a), (b) stay in their paragraph.
The title block before the formula and the closing "3rd plenary meeting"
lines are metadata, not units.
"""

from __future__ import annotations

import re

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.genres.formal_lines import (
    ADOPTS,
    NUMBER_PREFIX,
    NUMBERED,
    SUB_ITEM,
    FormalLines,
    Line,
    ends_unit,
    find_formula,
    is_date_line,
    lines_of,
    title_like,
)
from briefing_app.core.ingest.genres.tables import PATTERNS, GenrePatterns
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.structure import Structure
from briefing_app.core.ingest.units import OpenUnit, UnitBuilder
from briefing_app.core.models import (
    ARTICLE,
    OPERATIVE,
    PARAGRAPH,
    PREAMBULAR,
    SECTION_SEPARATOR,
    TABLE,
)


def formal_segments(doc_id: str, blocks: list[Block], *, treaty: bool = False) -> Structure | None:
    """Units of a resolution, decision, draft or treaty; None when it has no formula."""
    lines = lines_of(blocks)
    for pats in PATTERNS:
        start = find_formula(lines, pats)
        if start is not None:
            return _FormalReader(doc_id, lines, start, pats, treaty).run()
    return None


class _FormalReader:
    def __init__(
        self, doc_id: str, lines: list[Line], start: int, pats: GenrePatterns, treaty: bool
    ) -> None:
        self.lines = lines
        self.start = start
        self.pats = pats
        self.out = UnitBuilder(doc_id)
        self.treaty = treaty  # the text itself is a treaty (articles from the start)
        self.in_annex = False  # annexed or adopted text: numbered units are paragraphs
        self.preamble = True  # no numbered paragraph yet in this scope
        self.last: dict[tuple[str, str], int] = {}
        self.closing: list[str] = []
        self.base_level = 0  # headings below the annex/part heading
        self.after_closing = False  # past "52nd plenary meeting": only annexes follow
        self.chapeau = False  # the open preambular paragraph is a "We, …," chapeau
        self.look = FormalLines(lines, pats)
        lengths = sorted(len(ln.text) for ln in lines[start:] if len(ln.text) > 20)
        self.width = lengths[len(lengths) * 3 // 4] if lengths else 80  # a full line
        self.subheading = False  # the deepest heading is an unnumbered sub-heading
        self.inlined: list[str] = []  # headings already written into inlined_unit
        self.inlined_unit: OpenUnit | None = None

    # -- driving -------------------------------------------------------

    def run(self) -> Structure:
        front = [ln.text for ln in self.lines[: self.start]]
        formula = self.lines[self.start].text
        match = self.pats.enacting.match(strip_markup(formula))
        i = self.start + 1
        assert match is not None
        rest = strip_markup(formula)[match.end() :].strip()
        if rest:  # "The General Assembly, recalling …, decides …": the decision itself
            self.out.start(OPERATIVE, "1")
            self.out.append(formula)
        elif match.group(0).startswith("The States") or self.treaty:
            self.treaty = True
            self.in_annex = True
        while i < len(self.lines):
            i = self._take(i)
        segments = self.out.segments()
        return Structure(segments, [], "formal", front=front, closing=self.closing)

    def _take(self, i: int) -> int:
        line = self.lines[i]
        text = strip_markup(line.text)
        pats = self.pats
        if line.text.startswith("|"):
            return self._table(i)
        if pats.plenary.match(text):
            self.out.close()
            self.after_closing = True
            self.closing.append(text)
            if i + 1 < len(self.lines) and is_date_line(self.lines[i + 1].text):
                self.closing.append(self.lines[i + 1].text)
                return i + 2
            return i + 1
        annex = pats.annex.match(text)
        if annex:
            self.after_closing = False
            return self._annex(i, annex.group(1))
        if not self.in_annex and pats.part.match(text) and self.look.title_follows(i + 1):
            return self._part(i, text)
        heading = self._heading_at(i, text)
        if heading is not None:
            return heading
        if pats.closing_formula.match(text):
            self.out.extend_last(line.text)
            self.out.close()
            self.preamble = False
            return i + 1
        formula = pats.enacting.match(text)
        if formula and (self.out.current is None or self.look.clause_ended(i)):
            return self._inner_formula(i, text, formula)
        numbered = NUMBERED.match(text)
        if numbered and self._numbered(int(numbered.group(1)), line.text):
            return i + 1
        if self._starts_preambular(i, text):
            self._start(PREAMBULAR)
            self.out.append(line.text)
            return i + 1
        if self._starts_unnumbered_operative(i, text):
            self._start(OPERATIVE, "1")
            self.out.append(line.text)
            if ADOPTS.search(text) and text.endswith(":"):
                return self._adopted_text(i + 1)
            return i + 1
        if self._is_subheading(i, text):
            self._subheading(text)
            return i + 1
        if self.out.current is None:
            if self.after_closing and self.out.extend_last(line.text):
                return i + 1  # a footnote after the closing lines stays with the text
            if SUB_ITEM.match(text) and self.out.done and not self.preamble:
                # "(a) …" under a heading: the list of the paragraph that announced it
                self._reopen_under_heading(self.out.done[-1])
                self.out.append(line.text)
                return i + 1
            end = self._chapeau_end(i) if self.in_annex else None
            if end is not None:
                # "We, Heads of State …, and in this regard we:" leads into the
                # numbered paragraphs: it heads them, it is not a unit of its own
                chapeau = " ".join(strip_markup(ln.text) for ln in self.lines[i:end])
                self.out.heading(len(self.out.section), chapeau)
                self.preamble = False
                return end
            in_preamble = self.preamble and not self.in_annex
            if in_preamble or self._preamble_follows(i):
                self._start(PREAMBULAR)
                # "We, the Heads of State …," is the chapeau of the first preambular
                # paragraph: the opener after it goes on in the same unit
                self.chapeau = bool(self.pats.chapeau.match(text))
            else:
                self.out.start(PARAGRAPH, "")  # unnumbered: its place names it
        self.out.append(line.text)
        return i + 1

    def _reopen_under_heading(self, unit: OpenUnit) -> None:
        """Go on with ``unit``; headings set since it began are lines of its list.

        "C. Scale up biodiversity action" between the lettered items of one long
        paragraph groups them: no unit follows it, so it stays in that paragraph.
        """
        have = self.inlined if self.inlined_unit is unit else unit.section.split(SECTION_SEPARATOR)
        section = self.out.section
        keep = 0
        while keep < min(len(have), len(section)) and have[keep] == section[keep]:
            keep += 1
        self.out.reopen(unit)
        for title in section[keep:]:
            self.out.append(title, apart=True)
        self.inlined, self.inlined_unit = list(section), unit

    def _chapeau_end(self, i: int) -> int | None:
        """End of a "We, …:" lead-in starting at ``i``, None when it is not one."""
        if not self.pats.chapeau.match(strip_markup(self.lines[i].text)):
            return None
        end = i + 1
        while end < len(self.lines) and end - i < 8 and not self.look.unit_starts(end):
            end += 1
        last = strip_markup(self.lines[end - 1].text).rstrip()
        return end if last.endswith(":") and NUMBERED.match(self.look.text(end)) else None

    def _table(self, i: int) -> int:
        """Consecutive pipe-table lines: a table unit, numbered by its place."""
        end = i
        while end < len(self.lines) and self.lines[end].text.startswith("|"):
            end += 1
        interrupted = self.out.current
        self._start(TABLE)
        for line in self.lines[i:end]:
            self.out.append(line.text)
        self.out.reopen(interrupted)
        return end

    # -- headings and scopes ------------------------------------------

    def _annex(self, i: int, label: str | None) -> int:
        title, end = self.look.title_lines(i + 1)
        name = f"Annex {label}" if label else "Annex"
        self.out.heading(0, f"{name}: {title}" if title else name)
        self.out.scope = f"annex-{label.lower()}" if label else "annex"
        self.in_annex = True
        self.treaty = bool(
            title and self.pats.treaty_title.search(title)
        ) and self.look.articles_ahead(end)
        self._reset_scope()
        return end

    def _part(self, i: int, numeral: str) -> int:
        title, end = self.look.title_lines(i + 1)
        self.out.heading(self._scope_level(), f"{numeral}. {title}")
        self.out.scope = _join_scope(self.out.scope, f"part-{numeral.lower()}")
        self._reset_scope()
        self.base_level = self._scope_level() + 1
        return end

    def _adopted_text(self, i: int) -> int:
        """ "Adopts the following Pact …:": the adopted text follows, numbered apart."""
        self.out.close()
        title, end = self.look.title_lines(i)
        if title:
            self.out.heading(0, title)
        self.in_annex = True
        self._reset_scope()
        return end

    def _reset_scope(self) -> None:
        self.preamble = True
        self.subheading = False
        self.base_level = 1 if self.in_annex else 0

    def _scope_level(self) -> int:
        return 1 if self.in_annex else 0

    def _heading_at(self, i: int, text: str) -> int | None:
        pats = self.pats
        if self.treaty or self.in_annex:
            chapter = pats.chapter.match(text)
            if chapter and (chapter.group(3) or self.look.title_follows(i + 1)):
                label = f"{chapter.group(1)} {chapter.group(2)}"
                title, end = (
                    (chapter.group(3), i + 1) if chapter.group(3) else self.look.title_lines(i + 1)
                )
                self.out.heading(self.base_level, f"{label}. {title}" if title else label)
                self.subheading = False
                return end
            article = pats.article.match(text)
            if article and (self.treaty or self.look.articles_ahead(i)):
                return self._article(i, article)
        if pats.preamble_heading.match(text):
            self.out.heading(self.base_level, "Preamble")
            self.preamble = True
            return i + 1
        action = pats.action.match(text)
        if action:
            end = i + 1
            while end < len(self.lines) and end - i < 6 and not self.look.unit_starts(end):
                end += 1
            title = " ".join(strip_markup(ln.text) for ln in self.lines[i:end])
            level = self.base_level + (1 if self._has_roman_heading() else 0)
            self.out.heading(level, title)
            self.subheading = False
            return end
        if p.is_section_heading(text) and self.look.clause_ended(i):
            roman = p.ROMAN_HEADING.match(text)
            level = self.base_level + (0 if roman else 1)
            self.out.heading(level, text)
            self.subheading = False
            return i + 1
        return None

    def _article(self, i: int, match: re.Match[str]) -> int:
        number = match.group(1).replace(" ", "")
        self.out.start(ARTICLE, number)
        self.out.append(self.lines[i].text)
        end = i + 1
        if match.group(2) is None and end < len(self.lines):
            nxt = strip_markup(self.lines[end].text)
            if title_like(nxt) and not NUMBERED.match(nxt) and not self.look.heading_like(nxt):
                self.out.append(self.lines[end].text)
                end += 1
        self.preamble = False
        return end

    def _subheading(self, text: str) -> None:
        level = len(self.out.section)
        if self.subheading:
            level -= 1
        level = max(level, self.base_level)
        self.out.heading(level, text)
        self.subheading = True

    def _has_roman_heading(self) -> bool:
        section = self.out.section
        return len(section) > self.base_level and bool(
            p.ROMAN_HEADING.match(section[self.base_level])
        )

    def _inner_formula(self, i: int, text: str, formula: re.Match[str]) -> int:
        """ "The States Parties to this Convention," opens a treaty preamble."""
        self.out.close()
        if text.startswith("The States") or text.startswith("The Parties"):
            self.treaty = True
        self.preamble = True
        rest = text[formula.end() :].strip()
        if rest:
            self._start(PREAMBULAR)
        else:
            self.out.heading(len(self.out.section), text.rstrip(","))
            self.subheading = True
        if self.out.current is not None:
            self.out.append(self.lines[i].text)
        return i + 1

    # -- units -----------------------------------------------------------

    def _numbered(self, number: int, text: str) -> bool:
        if self.out.current is not None and self.out.current.kind == ARTICLE:
            self.out.append(text)  # the article's own paragraphs stay inside it
            return True
        kind = PARAGRAPH if self.in_annex else OPERATIVE
        last = self.last.get((self.out.scope, kind), 0)
        if not last < number <= last + 3:
            return False
        self.last[(self.out.scope, kind)] = number
        self.out.start(kind, str(number))
        self.out.append(NUMBER_PREFIX.sub("", text, count=1))  # the number is the label
        self.preamble = False
        self.subheading = False
        return True

    def _start(self, kind: str, number: str | None = None) -> None:
        if number is None:
            key = (self.out.scope, kind)
            self.last[key] = self.last.get(key, 0) + 1
            number = str(self.last[key])
        self.out.start(kind, number)
        self.subheading = False

    def _starts_preambular(self, i: int, text: str) -> bool:
        if not self.preamble:
            return False
        if self.chapeau:
            self.chapeau = False
            return False
        known = self.pats.preambular.match(text)
        if not known and not self.pats.preambular_guess.match(text):
            return False
        current = self.out.current
        if current is not None and current.kind not in (PREAMBULAR, PARAGRAPH, OPERATIVE):
            return False
        if current is None or self.lines[i].block_start:
            return True
        if known:
            return self.look.clause_ended(i)
        # another "-ing" word: only where the line before was a paragraph's last
        previous = self.lines[i - 1].text.rstrip()
        return self.look.clause_ended(i) and len(previous) < 0.8 * self.width

    def _starts_unnumbered_operative(self, i: int, text: str) -> bool:
        if not self.preamble or self.in_annex or not self.pats.operative_verb.match(text):
            return False
        if self.out.current is not None and not self.look.clause_ended(i):
            return False
        return bool(ADOPTS.search(text)) or not self.look.numbered_ahead(i + 1)

    def _is_subheading(self, i: int, text: str) -> bool:
        if not title_like(text) or len(text.split()) > 12 or not text[:1].isupper():
            return False
        if self.out.current is not None and not ends_unit(self.lines[i - 1].text):
            return False
        if i + 1 < len(self.lines) and self.look.unit_starts(i + 1):
            return True
        # in an annexed text, a short line between finished paragraphs heads what follows
        return (
            self.in_annex
            and not self.preamble
            and len(text.split()) <= 6
            and i + 1 < len(self.lines)
            and self.lines[i + 1].text[:1].isupper()
        )

    def _preamble_follows(self, i: int) -> bool:
        if not self.preamble:
            return False
        for j in range(i + 1, min(i + 12, len(self.lines))):
            if self.look.clause_ended(j) and self.pats.preambular.match(
                strip_markup(self.lines[j].text)
            ):
                return True
            if NUMBERED.match(strip_markup(self.lines[j].text)):
                return False
        return False


def _join_scope(outer: str, inner: str) -> str:
    if outer.startswith("annex"):
        return f"{outer.split('.')[0]}.{inner}"
    return inner
