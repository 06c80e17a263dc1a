"""Acronyms and synonyms: a query with the short form finds the long form.

The bundled ``resources/thesaurus.txt`` is extended by the user's own file
(``DataHome.thesaurus_file``), same format: one concept per line, forms
separated by " = ". Expansion rewrites the query *string* before parsing, so
the result stays ordinary Whoosh syntax: ``SALW`` becomes
``(SALW OR "small arms and light weapons")``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from briefing_app.core.index.analysis import fold

_TOKEN_RE = re.compile(r'"[^"]*"|[()]|[^\s()"]+(?:"[^"]*")?')
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_SPECIAL = set(':*?~^[]{}"')
_WORD_RE = re.compile(r"[\w-]+")


def _key(form: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _WORD_RE.findall(form.replace("-", " ")))


class Thesaurus:
    """Groups of equivalent forms, looked up by their folded words."""

    def __init__(self, groups: Iterable[list[str]] = ()) -> None:
        self.groups: list[list[str]] = []
        self._index: dict[tuple[str, ...], int] = {}
        self.longest = 1
        for group in groups:
            self.add(group)

    def add(self, forms: list[str]) -> None:
        forms = [f.strip() for f in forms if f.strip()]
        if len(forms) < 2:
            return
        # A form already known joins its existing group (user lines extend ours).
        existing = next((self._index[_key(f)] for f in forms if _key(f) in self._index), None)
        if existing is None:
            existing = len(self.groups)
            self.groups.append([])
        group = self.groups[existing]
        for form in forms:
            key = _key(form)
            if key and key not in self._index:
                self._index[key] = existing
                group.append(form)
                self.longest = max(self.longest, len(key))

    def equivalents(self, form: str) -> list[str]:
        """All forms of the concept ``form`` belongs to (empty when unknown)."""
        index = self._index.get(_key(form))
        return list(self.groups[index]) if index is not None else []

    def expand(self, query: str) -> str:
        """Rewrite a query string so every known form also matches its equivalents."""
        tokens = _TOKEN_RE.findall(query)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.startswith('"') and token.endswith('"') and len(token) > 1:
                group = self._index.get(_key(token[1:-1]))
                out.append(self._group_query(group) if group is not None else token)
                i += 1
                continue
            if not _plain(token):
                out.append(token)
                i += 1
                continue
            # Greedy longest run of plain words that spells a known form.
            run_end = i
            while run_end < len(tokens) and run_end - i < self.longest and _plain(tokens[run_end]):
                run_end += 1
            for end in range(run_end, i, -1):
                group = self._index.get(_key(" ".join(tokens[i:end])))
                if group is not None:
                    out.append(self._group_query(group))
                    i = end
                    break
            else:
                out.append(token)
                i += 1
        return " ".join(out)

    def _group_query(self, group: int) -> str:
        forms = [f'"{f}"' if len(_key(f)) > 1 else f for f in self.groups[group]]
        return "(" + " OR ".join(forms) + ")"


def _plain(token: str) -> bool:
    return token not in _OPERATORS and token not in "()" and not (_SPECIAL & set(token))


def parse_lines(lines: Iterable[str]) -> list[list[str]]:
    groups = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            groups.append(line.split(" = ") if " = " in line else line.split("="))
    return groups


def load_thesaurus(*files: Path) -> Thesaurus:
    """Read thesaurus files in order; missing or unreadable files are skipped."""
    thesaurus = Thesaurus()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for group in parse_lines(text.splitlines()):
            thesaurus.add(group)
    return thesaurus
