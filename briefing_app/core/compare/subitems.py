"""Word diff of one paragraph whose lettered sub-items (a), (b)… are aligned first.

An inserted sub-item relabels every later one; diffed as plain words, each
later "(c)" would read as "(b)" changed. Sub-items are paired by content (the
same way units are), their labels reported once ("(b) → (c)"), and only their
wording diffed: the precedent finder's word diff, so punctuation and quotes
count the same way everywhere.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from briefing_app.core.precedents.diff import (
    DELETE,
    EQUAL,
    INSERT,
    join_words,
    normalize_token,
    tokenize,
    word_diff,
)

_LABEL = re.compile(r"(?:^|(?<=[\n:;]))\s*\(([a-z]{1,3})\)\s+")


def split_sub_items(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(lead-in, [(label, wording), …]); no sub-items unless they start at (a) or (i)."""
    matches = list(_LABEL.finditer(text))
    if len(matches) < 2 or matches[0].group(1) not in ("a", "i"):
        return text, []
    lead = text[: matches[0].start()].strip()
    items = []
    for k, match in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        items.append((match.group(1), text[match.end() : end].strip()))
    return lead, items


def diff_with_sub_items(old: str, new: str) -> tuple[list[dict[str, str]], list[str]]:
    """(word-diff ops old -> new, relabelled sub-items such as '(b) → (c)')."""
    plain = word_diff(old, new)
    old_lead, old_items = split_sub_items(old)
    new_lead, new_items = split_sub_items(new)
    if not old_items or not new_items:
        return plain, []
    ops, relabelled = _by_items(old_lead, old_items, new_lead, new_items)
    # Items are only a better reading when they explain the change with no more
    # changed words (an item split one way in one version, another way in the other,
    # would otherwise show as deleted and inserted whole).
    if _changed_tokens(ops) <= _changed_tokens(plain):
        return ops, relabelled
    return plain, []


def _changed_tokens(ops: list[dict[str, str]]) -> int:
    return sum(len(tokenize(op["text"])) for op in ops if op["op"] != EQUAL)


def _by_items(
    old_lead: str,
    old_items: list[tuple[str, str]],
    new_lead: str,
    new_items: list[tuple[str, str]],
) -> tuple[list[dict[str, str]], list[str]]:
    ops = word_diff(old_lead, new_lead) if (old_lead or new_lead) else []
    relabelled: list[str] = []
    keys_old = [_key(text) for _, text in old_items]
    keys_new = [_key(text) for _, text in new_items]
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else (i2 - i1 if tag == "equal" else 0)
        for k in range(paired):
            (old_label, old_text), (new_label, new_text) = old_items[i1 + k], new_items[j1 + k]
            if old_label != new_label:
                relabelled.append(f"({old_label}) → ({new_label})")
            _extend(ops, [{"op": EQUAL, "text": f"({new_label})"}])
            _extend(ops, word_diff(old_text, new_text))
        for label, text in old_items[i1 + paired : i2]:
            _extend(ops, [{"op": DELETE, "text": f"({label}) {text}"}])
        for label, text in new_items[j1 + paired : j2]:
            _extend(ops, [{"op": INSERT, "text": f"({label}) {text}"}])
    return ops, relabelled


def _key(text: str) -> tuple[str, ...]:
    return tuple(normalize_token(t) for t, _, _ in tokenize(text))


def _extend(ops: list[dict[str, str]], more: list[dict[str, str]]) -> None:
    for op in more:
        if ops and ops[-1]["op"] == op["op"]:
            ops[-1]["text"] = join_words([ops[-1]["text"], op["text"]])
        else:
            ops.append(dict(op))
