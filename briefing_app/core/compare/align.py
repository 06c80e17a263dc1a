"""Align two versions unit by unit, by content rather than by number.

Why not by number: one inserted preambular paragraph renumbers everything after
it, and a line-based compare then lights the whole text up. Here:

1. identical texts (after the precedent finder's typographic folding) pair up
   first, in order;
2. the rest pair greedily by word similarity (best pairs first), when at least
   :data:`MIN_SIMILARITY` of the wording is shared;
3. among pairs, the longest run that keeps its relative order stays put; any
   other pair is *moved*. Numbers never take part, so renumbering is free.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from briefing_app.core.compare.model import (
    CHANGED,
    DELETED,
    MOVED,
    NEW,
    UNCHANGED,
    Comparison,
    UnitChange,
    unit_label,
)
from briefing_app.core.compare.subitems import diff_with_sub_items
from briefing_app.core.models import Segment
from briefing_app.core.precedents.diff import (
    DELETE,
    EQUAL,
    INSERT,
    join_words,
    normalize_token,
    tokenize,
)

#: Share of wording two units must have in common to count as one unit edited.
MIN_SIMILARITY = 0.5
#: Cheap bag-of-words overlap below which the exact ratio is not worth computing.
_PREFILTER = 0.35


def body(segment: Segment) -> str:
    """The unit's text without a printed number that repeats ``segment.number``."""
    text = segment.text.strip()
    if segment.number:
        text = re.sub(rf"^{re.escape(segment.number)}[.)]\s+", "", text)
    return text


def _key(segment: Segment) -> tuple[str, ...]:
    return tuple(normalize_token(t) for t, _, _ in tokenize(body(segment)))


def compare_segments(
    old: Sequence[Segment], new: Sequence[Segment], old_title: str = "", new_title: str = ""
) -> Comparison:
    """Align ``new`` against ``old`` and word-diff every pair."""
    old_keys = [_key(s) for s in old]
    new_keys = [_key(s) for s in new]
    pairs = _exact_pairs(old, new, old_keys, new_keys)
    similar = _similar_pairs(old, new, old_keys, new_keys, pairs)
    pairs.update(similar)
    moved = _moved(pairs)
    by_new: dict[int, UnitChange] = {}
    for j, i in pairs.items():
        by_new[j] = _pair_change(old[i], new[j], j in moved)
    changes = _in_reading_order(old, new, pairs, moved, by_new)
    return Comparison(old_title, new_title, changes, renumbering(changes))


def _exact_pairs(
    old: Sequence[Segment],
    new: Sequence[Segment],
    old_keys: list[tuple[str, ...]],
    new_keys: list[tuple[str, ...]],
) -> dict[int, int]:
    """new index -> old index for identical wording; duplicates pair in order."""
    waiting: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(old_keys):
        if key:
            waiting[key].append(i)
    pairs: dict[int, int] = {}
    for j, key in enumerate(new_keys):
        queue = waiting.get(key)
        if not queue:
            continue
        same_kind = [i for i in queue if old[i].kind == new[j].kind]
        i = (same_kind or queue)[0]
        queue.remove(i)
        pairs[j] = i
    return pairs


def _similar_pairs(
    old: Sequence[Segment],
    new: Sequence[Segment],
    old_keys: list[tuple[str, ...]],
    new_keys: list[tuple[str, ...]],
    taken: dict[int, int],
) -> dict[int, int]:
    """Best-first greedy pairing of what identity left over."""
    used_old = set(taken.values())
    free_old = [i for i in range(len(old)) if i not in used_old and old_keys[i]]
    free_new = [j for j in range(len(new)) if j not in taken and new_keys[j]]
    old_sets = {i: set(old_keys[i]) for i in free_old}
    scored: list[tuple[float, int, int]] = []
    for j in free_new:
        new_set = set(new_keys[j])
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(new_keys[j])
        for i in free_old:
            common = len(new_set & old_sets[i])
            if 2 * common / (len(new_set) + len(old_sets[i])) < _PREFILTER:
                continue
            matcher.set_seq1(old_keys[i])
            if matcher.quick_ratio() < MIN_SIMILARITY:
                continue
            ratio = matcher.ratio()
            if ratio < MIN_SIMILARITY:
                continue
            bonus = 0.05 * (old[i].kind == new[j].kind) + 0.02 * (old[i].section == new[j].section)
            scored.append((ratio + bonus, j, i))
    scored.sort(key=lambda item: (-item[0], abs(item[1] - item[2]), item[1]))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, j, i in scored:
        if j in pairs or i in used:
            continue
        pairs[j] = i
        used.add(i)
    return pairs


def _moved(pairs: dict[int, int]) -> set[int]:
    """New indices of pairs outside the longest order-keeping run (patience LIS)."""
    order = sorted(pairs)
    olds = [pairs[j] for j in order]
    tails: list[int] = []  # old index ending the best run of each length
    tail_at: list[int] = []  # position in `order` of that tail
    back = [-1] * len(order)
    for pos, value in enumerate(olds):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[k] = value
            tail_at[k] = pos
        back[pos] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(order[pos])
        pos = back[pos]
    return {j for j in order if j not in keep}


def _pair_change(old: Segment, new: Segment, moved: bool) -> UnitChange:
    ops, sub_items = diff_with_sub_items(body(old), body(new))
    ops = _without_conversion_noise(ops, old, new)
    text_changed = any(op["op"] in (INSERT, DELETE) for op in ops)
    status = MOVED if moved else (CHANGED if text_changed else UNCHANGED)
    return UnitChange(status, old, new, ops, _similarity(ops), text_changed, sub_items)


def _without_conversion_noise(
    ops: list[dict[str, str]], old: Segment, new: Segment
) -> list[dict[str, str]]:
    """Drop what PDF conversion, not a negotiator, changed: a lone footnote number
    one side kept in its text and the other took out as a footnote, and a word
    split by a stray space ("an d", "two -thirds") on one side only."""
    marks = {note.split(" ", 1)[0] for note in (*old.footnotes, *new.footnotes)}
    kept: list[dict[str, str]] = []
    for k, op in enumerate(ops):
        if op["op"] != EQUAL and op["text"].strip() in marks:
            continue
        partner = ops[k - 1] if k else None
        if (
            op["op"] == INSERT
            and partner is not None
            and partner["op"] == DELETE
            and _squeezed(partner["text"]) == _squeezed(op["text"])
            and kept
            and kept[-1] is partner
        ):
            kept.pop()
            op = {"op": EQUAL, "text": op["text"]}
        if kept and kept[-1]["op"] == op["op"]:
            kept[-1] = {"op": op["op"], "text": join_words([kept[-1]["text"], op["text"]])}
        else:
            kept.append(op)
    return kept


def _squeezed(text: str) -> str:
    return "".join(normalize_token(t) for t in text.split())


def _similarity(ops: list[dict[str, str]]) -> float:
    from briefing_app.core.precedents.diff import similarity

    return similarity(ops)


def _in_reading_order(
    old: Sequence[Segment],
    new: Sequence[Segment],
    pairs: dict[int, int],
    moved: set[int],
    by_new: dict[int, UnitChange],
) -> list[UnitChange]:
    """New units in order; each deleted unit after the counterpart of its old predecessor."""
    new_of_old = {i: j for j, i in pairs.items() if j not in moved}
    after: dict[int, list[UnitChange]] = defaultdict(list)  # new index (-1: start) -> deletions
    anchor = -1
    paired_old = set(pairs.values())
    for i, segment in enumerate(old):
        if i in new_of_old:
            anchor = new_of_old[i]
        elif i not in paired_old:
            ops = [{"op": DELETE, "text": body(segment)}] if body(segment) else []
            after[anchor].append(UnitChange(DELETED, segment, None, ops, 0.0, True))
    changes = list(after[-1])
    for j, segment in enumerate(new):
        if j in by_new:
            changes.append(by_new[j])
        else:
            ops = [{"op": INSERT, "text": body(segment)}] if body(segment) else []
            changes.append(UnitChange(NEW, None, segment, ops, 0.0, True))
        changes.extend(after[j])
    return changes


def renumbering(changes: list[UnitChange]) -> list[str]:
    """'OP 12 → OP 14' once per renumbered unit; runs with one shift collapse to
    'OP 5–12 → OP 6–13'. Moved units are reported as moved, not here."""
    runs: list[list[UnitChange]] = []
    for change in changes:
        if change.status == MOVED or not change.renumbered:
            continue
        if runs and _continues(runs[-1][-1], change):
            runs[-1].append(change)
        else:
            runs.append([change])
    lines = []
    for run in runs:
        first, last = run[0], run[-1]
        assert first.old and first.new and last.old and last.new
        same = first.old.section == first.new.section
        if len(run) == 1:
            old, new = first.short_labels()
        else:
            old = _range(first.old, last.old, with_section=not same)
            new = _range(first.new, last.new, with_section=not same)
        section = f"{first.new.section} › " if same and first.new.section else ""
        lines.append(f"{section}{old} → {new}")
    return lines


def _continues(previous: UnitChange, change: UnitChange) -> bool:
    a_old, a_new, b_old, b_new = previous.old, previous.new, change.old, change.new
    if not (a_old and a_new and b_old and b_new):
        return False
    try:
        same_shift = int(b_new.number) - int(b_old.number) == int(a_new.number) - int(a_old.number)
        consecutive = int(b_new.number) == int(a_new.number) + 1
    except ValueError:
        return False
    return (
        same_shift
        and consecutive
        and (a_old.kind, a_old.section, a_new.kind, a_new.section)
        == (b_old.kind, b_old.section, b_new.kind, b_new.section)
    )


def _range(first: Segment, last: Segment, *, with_section: bool) -> str:
    label = unit_label(first.kind, f"{first.number}–{last.number}")
    return f"{first.section} › {label}" if with_section and first.section else label
