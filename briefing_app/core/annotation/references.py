"""Recognise the references delegates cite, each under one normalised key.

Kinds and keys:

* ``symbol:CTOC/COP/WG.6/2021/1`` — UN document symbols (A/RES/…, S/RES/…);
* ``res:2370(2017)``, ``res:5/4`` (``res:2370`` when the year is not given) —
  resolutions, written out, as "SCR 2370", or as an A/RES or S/RES symbol;
* ``dec:5/1`` — decisions;
* ``instrument:firearms-protocol``, ``org:unodc``, ``tool:iarms``,
  ``meeting:bms`` — names from :mod:`catalogue`, acronym or long form;
* ``sdg:16.4`` (target), ``sdg:16.4.1`` (indicator), ``sdg:16`` (goal),
  ``sdg:goals`` (the Goals as such);
* ``operation:trigger`` — named operations ("Operation Trigger").

A mention inside a longer one (CTC in "Counter-Terrorism Committee Executive
Directorate") does not count separately. :func:`describe` and
:func:`canonical_key` also accept keys that went through a lowercasing store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from briefing_app.core.annotation.catalogue import ALL_NAMED, BY_KEY, KIND_OF_PREFIX, Named


@dataclass(frozen=True)
class Reference:
    """One recognised mention: normalised key, kind, label and where it is."""

    key: str
    kind: str
    label: str
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "kind": self.kind, "label": self.label}


_DASHES = "-\u2010\u2011\u2012\u2013"
_SDG_NUM = r"(?:1[0-7]|[1-9])\.(?:1[0-9]|[1-9]|[a-c])"
_YEAR = r"(?:\s*\(\s*((?:19|20)\d\d)\s*\))?"
_RES_ITEM = re.compile(r"(\d{1,4}/\d{1,4}|\d{1,4})(?![\d/])" + _YEAR)
_LIST_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)"
_RES_ITEM_SRC = r"\d{1,4}(?:/\d{1,4})?(?![\d/])" + r"(?:\s*\(\s*(?:19|20)\d\d\s*\))?"

# No pattern below starts with \b, a lookbehind or IGNORECASE: any of those
# stops the regex engine from searching for the leading literal quickly, and
# annotate() runs on every segment at indexing time. Case-insensitive ones run
# on the lowercased text; word boundaries are checked with _at_word_start.
_RESOLUTIONS = re.compile(
    r"(?:resolutions?|scrs?)\s+(?:no\.\s*)?"
    + _RES_ITEM_SRC
    + r"(?:"
    + _LIST_SEP
    + _RES_ITEM_SRC
    + r")*"
)
_DECISIONS = re.compile(r"decisions?\s+\d{1,3}/\d{1,4}(?:" + _LIST_SEP + r"\d{1,3}/\d{1,4})*")
_SYMBOL_PART = r"(?:[A-Z]{1,8}(?:\.\d{1,3})?|\d{1,5}|(?:Rev|Add|Corr|Amend|Sup)\.\d{1,3})"
_SYMBOLS = re.compile(r"[A-Z]{1,6}(?:/" + _SYMBOL_PART + r")+(?:\s*\((?:19|20)\d\d\))?(?![\w/])")
_SDG_TARGETS = re.compile(
    r"targets?\s+"
    + _SDG_NUM
    + r"(?![.\d])(?:"
    + _LIST_SEP
    + _SDG_NUM
    + r"(?![.\d]))*"
    + r"(?:\s+of\s+the\s+(?:sustainable\s+development\s+goals|sdgs))?"
)
_SDG_INDICATORS = re.compile(
    r"indicators?\s+" + _SDG_NUM + r"\.\d{1,2}(?:" + _LIST_SEP + _SDG_NUM + r"\.\d{1,2})*"
)
_SDG_SHORT = re.compile(r"SDG\s?(" + _SDG_NUM + r"(?:\.\d{1,2})?|1[0-7]|[1-9])(?![.\d])")
_SDG_BARE_INDICATOR = re.compile(_SDG_NUM + r"\.\d{1,2}(?![\w.]*\d)")
_SDG_GOAL = re.compile(r"Goal\s+(1[0-7]|[1-9])(?![.\d])")
_SDG_GOALS_LONG = re.compile(r"sustainable\s+development\s+goals\b")
_SDG_GOALS_SHORT = re.compile(r"SDGs\b")
_OPERATION = re.compile(r"Operation\s+([A-Z][A-Za-z]{2,}|[A-Z]{3,})\b")
_BMS = re.compile(r"BMS\s?\d{0,2}\b")
_WORD = re.compile(r"[^\W_]+")
_NUMBER_IN = re.compile(r"\d{1,2}\.(?:\d{1,2}|[a-c])(?:\.\d{1,2})?")


def _phrase_pattern(phrase: str) -> str:
    """Regex for a long form: any whitespace, optional hyphens, -ise/-ize."""
    words = []
    for word in phrase.split():
        parts = [re.escape(p).replace("z", "[sz]") for p in re.split(f"[{_DASHES}]", word)]
        words.append(f"[{_DASHES} ]?".join(parts))
    return r"\s+".join(words)


@cache
def _named_patterns() -> dict[str, list[tuple[int, re.Pattern[str], Named, bool]]]:
    """Word -> [(order, pattern, entry, is_long_form)], longest long forms first.

    A pattern runs only on text that contains its word (its longest word for
    a long form, lowercased with z folded to s; the acronym itself): annotate()
    runs on every segment at indexing time. Patterns start with a literal
    (no leading assertion) so that the regex engine can search for it fast.
    """
    index: dict[str, list[tuple[int, re.Pattern[str], Named, bool]]] = {}
    order = 0
    for entry in ALL_NAMED:
        for form in sorted(entry.long_forms, key=len, reverse=True):
            # Matched against the lowercased text: much faster than IGNORECASE.
            rx = re.compile(_phrase_pattern(form.lower()) + r"\b")
            word = max(_WORD.findall(form), key=len).lower().replace("z", "s")
            index.setdefault(word, []).append((order, rx, entry, True))
            order += 1
        for acronym in entry.acronyms:
            rx = re.compile(rf"{re.escape(acronym)}\b")
            index.setdefault(acronym, []).append((order, rx, entry, False))
            order += 1
    return index


@cache
def _acronyms() -> tuple[str, ...]:
    return tuple(sorted({a for entry in ALL_NAMED for a in entry.acronyms}))


def _make(key: str, label: str, start: int, end: int) -> Reference:
    return Reference(key, KIND_OF_PREFIX[key.split(":", 1)[0]], label, start, end)


def _resolution(number: str, year: str | None, start: int, end: int) -> Reference:
    if year and "/" not in number:
        return _make(f"res:{number}({year})", f"resolution {number} ({year})", start, end)
    return _make(f"res:{number}", f"resolution {number}", start, end)


def _programme_of_action_is_other(text: str, start: int, end: int) -> bool:
    """'Istanbul Programme of Action' or '… of the Conference on Population' is another one."""
    before = text[max(0, start - 30) : start].split()
    if before:
        prev = before[-1].strip("(“\"'")
        if prev[:1].isupper() and prev not in {"The", "UN", "Nations", "Action", "the"}:
            return True
    after = text[end : end + 40]
    return bool(re.match(r"\s+(?:of|for)\s+the\s+(?!Illicit)", after))


def _lower(text: str) -> str:
    """Lowercased with the same length, so that match offsets stay valid."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter (İ) lowercases to two characters
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def _at_word_start(text: str, start: int, also: str = "") -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in also)


def _scan(rx: re.Pattern[str], text: str, also: str = "") -> Iterator[re.Match[str]]:
    return (m for m in rx.finditer(text) if _at_word_start(text, m.start(), also))


def _named(text: str, lowered: str) -> Iterable[Reference]:
    index = _named_patterns()
    words = set(_WORD.findall(lowered))
    words.update([w.replace("z", "s") for w in words if "z" in w])
    candidates = [c for w in words if w in index for c in index[w]]
    candidates += [c for a in _acronyms() if a in text for c in index[a]]
    candidates.sort(key=lambda c: c[0])
    for _order, rx, entry, is_long in candidates:
        for m in _scan(rx, lowered if is_long else text):
            if (
                entry.key == "instrument:poa"
                and is_long
                and m.group(0) == "programme of action"
                and _programme_of_action_is_other(text, m.start(), m.end())
            ):
                continue
            yield _make(entry.key, entry.label, m.start(), m.end())
            for implied in entry.implies:
                yield _make(implied, BY_KEY[implied].label, m.start(), m.end())
    for m in _scan(_BMS, text) if "BMS" in text else ():
        yield _make("meeting:bms", BY_KEY["meeting:bms"].label, m.start(), m.end())
        yield _make("instrument:poa", BY_KEY["instrument:poa"].label, m.start(), m.end())
    for m in _scan(_OPERATION, text) if "Operation " in text else ():
        name = m.group(1)
        yield _make(f"operation:{name.lower()}", f"Operation {name}", m.start(), m.end())


def _numbered(text: str, lowered: str) -> Iterable[Reference]:
    if "/" in text:
        yield from _symbols(text)
    if "resolution" in lowered or "scr" in lowered:
        yield from _resolutions(text, lowered)
    if "decision" in lowered:
        for m in _scan(_DECISIONS, lowered):
            for number in re.findall(r"\d{1,3}/\d{1,4}", m.group(0)):
                yield _make(f"dec:{number}", f"decision {number}", m.start(), m.end())
    if "sdg" in lowered or "goal" in lowered or "target" in lowered or "indicator" in lowered:
        yield from _sdgs(text, lowered)


def _resolutions(text: str, lowered: str) -> Iterable[Reference]:
    for m in _RESOLUTIONS.finditer(lowered):
        start = m.start()
        if lowered.startswith("scr", start) and lowered[start - 2 : start] == "un":
            start -= 2  # UNSCR
        if not _at_word_start(lowered, start):
            continue
        head = re.match(r"\S+\s+(?:no\.\s*)?", m.group(0))
        offset = m.start() + (head.end() if head else 0)
        for item in _RES_ITEM.finditer(text, offset, m.end()):
            yield _resolution(item.group(1), item.group(2), start, m.end())


def _symbols(text: str) -> Iterable[Reference]:
    for m in _scan(_SYMBOLS, text, also="/._"):
        symbol = re.sub(r"\s+", "", m.group(0))
        if not any(c.isdigit() for c in symbol):
            continue
        yield _make(f"symbol:{symbol}", re.sub(r"\s+", " ", m.group(0)), m.start(), m.end())
        parts = symbol.split("/")
        if len(parts) >= 3 and parts[1] == "RES":
            year = re.search(r"\((\d{4})\)$", symbol)
            number = "/".join(parts[2:])
            number = re.sub(r"\(\d{4}\)$", "", number)
            yield _resolution(number, year.group(1) if year else None, m.start(), m.end())


def _sdgs(text: str, lowered: str) -> Iterable[Reference]:
    for m in _scan(_SDG_TARGETS, lowered):
        for number in _NUMBER_IN.findall(m.group(0)):
            yield _make(f"sdg:{number}", f"SDG target {number}", m.start(), m.end())
    for m in _scan(_SDG_INDICATORS, lowered):
        for number in _NUMBER_IN.findall(m.group(0)):
            yield _make(f"sdg:{number}", f"SDG indicator {number}", m.start(), m.end())
    for m in _scan(_SDG_SHORT, text):
        number = m.group(1)
        yield _make(f"sdg:{number}", sdg_label(number), m.start(), m.end())
    if "sustainable development" in lowered or "SDG" in text:
        # "16.4.1" alone is an indicator only where the Goals are being discussed.
        for m in _scan(_SDG_BARE_INDICATOR, text, also="."):
            yield _make(f"sdg:{m.group(0)}", f"SDG indicator {m.group(0)}", m.start(), m.end())
    for m in _scan(_SDG_GOAL, text):
        yield _make(f"sdg:{m.group(1)}", f"SDG {m.group(1)}", m.start(), m.end())
    for rx, source in ((_SDG_GOALS_LONG, lowered), (_SDG_GOALS_SHORT, text)):
        for m in _scan(rx, source):
            yield _make("sdg:goals", "Sustainable Development Goals", m.start(), m.end())


def sdg_label(number: str) -> str:
    """'16' -> 'SDG 16', '16.4' -> 'SDG target 16.4', '16.4.1' -> 'SDG indicator 16.4.1'."""
    dots = number.count(".")
    return ("SDG", "SDG target", "SDG indicator")[min(dots, 2)] + f" {number}"


def find_references(text: str) -> list[Reference]:
    """Every reference in ``text``, in reading order (nested mentions dropped)."""
    lowered = _lower(text)
    found = list(_named(text, lowered)) + list(_numbered(text, lowered))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Reference] = []
    for ref in found:
        inside = any(
            k.start <= ref.start
            and ref.end <= k.end
            and (k.end - k.start) > (ref.end - ref.start)
            and k.key != ref.key
            for k in kept
        )
        if not inside and not any(
            k.key == ref.key and k.start == ref.start and k.end == ref.end for k in kept
        ):
            kept.append(ref)
    return kept


def reference_keys(text: str) -> list[str]:
    """Distinct keys of the references in ``text``, in order of first mention."""
    return list(dict.fromkeys(r.key for r in find_references(text)))


def kind_of(key: str) -> str:
    return KIND_OF_PREFIX.get(key.split(":", 1)[0].lower(), "other")


def describe(key: str) -> str:
    """Display label for a key, also for the lowercased keys the index returns."""
    prefix, _, value = key.partition(":")
    prefix = prefix.lower()
    named = BY_KEY.get(f"{prefix}:{value.lower()}")
    if named:
        return named.label
    if prefix == "res":
        m = re.fullmatch(r"([\d/]+)\((\d{4})\)", value)
        return f"resolution {m.group(1)} ({m.group(2)})" if m else f"resolution {value}"
    if prefix == "dec":
        return f"decision {value}"
    if prefix == "sdg":
        return "Sustainable Development Goals" if value.lower() == "goals" else sdg_label(value)
    if prefix == "symbol":
        return _restore_symbol_case(value)
    if prefix == "operation":
        return f"Operation {value.title() if value.islower() else value}"
    return value


def _restore_symbol_case(symbol: str) -> str:
    symbol = symbol.upper()
    for word in ("REV", "ADD", "CORR", "AMEND", "SUP"):
        symbol = symbol.replace(f"{word}.", f"{word.title()}.")
    return re.sub(r"\((\d{4})\)$", r" (\1)", symbol)


def canonical_key(key: str) -> str:
    """The case the recogniser produces, for keys coming back lowercased from the index."""
    prefix, _, value = key.partition(":")
    prefix = prefix.lower()
    if prefix == "symbol":
        return "symbol:" + _restore_symbol_case(value).replace(" ", "")
    return f"{prefix}:{value.lower()}"


def search_text(key: str) -> str:
    """Words that find a reference by full-text search (for the reader's links)."""
    prefix, _, value = key.partition(":")
    if prefix.lower() == "res":
        m = re.fullmatch(r"([\d/]+)\((\d{4})\)", value)
        return f'"resolution {m.group(1)}"' if m else f'"resolution {value}"'
    if prefix.lower() == "symbol":
        return f'"{_restore_symbol_case(value)}"'
    named = BY_KEY.get(f"{prefix.lower()}:{value.lower()}")
    if named:
        return f'"{(named.acronyms or named.long_forms)[0]}"'
    return f'"{describe(key)}"'


_LIST_KINDS = ("resolution", "decision", "sdg")
_KEY_NUMBER = re.compile(r"([\w./]+?)(?:\((\d{4})\))?")


def reference_links(text: str) -> list[Reference]:
    """Non-overlapping mentions for the reader to turn into links, in reading order.

    One link per mention: "S/RES/2482 (2019)" links to the resolution rather
    than the symbol, and each item of "resolutions 2370 (2017) and 2482 (2019)"
    gets its own link when its number can be found inside the list.
    """
    groups: dict[tuple[int, int], list[Reference]] = {}
    for ref in find_references(text):
        groups.setdefault((ref.start, ref.end), []).append(ref)
    links: list[Reference] = []
    last_end = 0
    for (start, end), group in sorted(groups.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if start < last_end:
            continue
        last_end = end
        listed = [r for r in group if r.kind in _LIST_KINDS]
        if len(listed) > 1 and (items := _list_items(text, listed)):
            links.extend(items)
        else:
            links.append(next((r for r in group if r.kind == "resolution"), group[0]))
    return links


def _list_items(text: str, refs: list[Reference]) -> list[Reference] | None:
    """Each item of a list mention at its own place (the first keeps the list's head)."""
    items: list[Reference] = []
    pos, end = refs[0].start, refs[0].end
    for ref in refs:
        parts = _KEY_NUMBER.fullmatch(ref.key.split(":", 1)[1])
        if parts is None:
            return None
        number, year = parts.groups()
        pattern = re.escape(number) + (rf"\s*\(\s*{year}\s*\)" if year else "") + r"(?![\w/]|\.\d)"
        m = re.compile(pattern, re.IGNORECASE).search(text, pos, end)
        if m is None:
            return None
        items.append(Reference(ref.key, ref.kind, ref.label, m.start(), m.end()))
        pos = m.end()
    first = items[0]
    items[0] = Reference(first.key, first.kind, first.label, refs[0].start, first.end)
    return items
