"""From what the user typed to a Whoosh query that stays fast.

Whoosh query language (AND by default, OR, NOT, "phrases", field:value,
wildcards, fuzzy~), plus: thesaurus expansion of acronyms and synonyms,
fuzzy terms expanded from the unstemmed word list (distance 1, never the
slow automaton over the whole lexicon), and wildcards capped to their most
frequent expansions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from whoosh import query as Q
from whoosh.qparser import FieldAliasPlugin, FuzzyTermPlugin, QueryParser
from whoosh.qparser.default import QueryParserError

from briefing_app.core.index.analysis import fold, normalize
from briefing_app.core.index.schema import FACET_FIELDS
from briefing_app.core.index.spelling import close_words, suggest
from briefing_app.core.index.thesaurus import Thesaurus
from briefing_app.core.index.vocabulary import Vocabulary

MAX_EXPANSIONS = 40
#: A word of the section heading counts for less than a word of the text.
HEADING_BOOST = 0.3
FUZZY_PREFIX = 2  # fuzzy~ never changes the first two letters
_TOKEN_RE = re.compile(r'"[^"]*"|[()]|[^\s()"]+(?:"[^"]*")?')
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
ALIASES = {"doc_id": ["doc", "document"], "refs": ["ref"], "section_path": ["section"]}


class _Parser(QueryParser):
    """A word the analyzer cuts in several ("state-of-the-art", "follow-up",
    "A/80/604") is a phrase, not loose words: it stays one clause, so the
    "most of the words" fallback never drops half of it and lists every
    passage with "state"."""

    def multitoken_query(
        self, spec: str, texts: list[str], fieldname: str, termclass: Any, boost: float
    ) -> Q.Query:
        if fieldname in _PHRASE_FIELDS:
            spec = "phrase"
        return super().multitoken_query(spec, texts, fieldname, termclass, boost)


_PHRASE_FIELDS = ("text", "heading")


def make_parser(schema: Any) -> QueryParser:
    parser = _Parser("text", schema)  # AndGroup: every word must match
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(FieldAliasPlugin(ALIASES))
    return parser


class QueryBuilder:
    """Parses and rewrites queries for one index generation."""

    def __init__(self, schema: Any, thesaurus: Thesaurus, vocabulary: Vocabulary) -> None:
        self.parser = make_parser(schema)
        self.thesaurus = thesaurus
        self.vocabulary = vocabulary

    def build(self, text: str, reader: Any) -> Q.Query:
        expanded = self.thesaurus.expand(text)
        try:
            parsed = self.parser.parse(expanded)
        except (QueryParserError, ValueError, TypeError):
            parsed = self.parser.parse(_plain_words(text))
        return self._rewrite(parsed, reader)

    def _rewrite(self, q: Q.Query, reader: Any) -> Q.Query:
        if isinstance(q, Q.FuzzyTerm):
            return self._fuzzy(q)
        if isinstance(q, Q.Prefix | Q.Wildcard) and q.fieldname == "text":
            return self._multiterm(q, reader)
        if type(q) is Q.Term and q.fieldname == "text":
            return _with_heading(q, reader)
        if q.is_leaf():
            return q
        return q.apply(lambda child: self._rewrite(child, reader))

    def _fuzzy(self, q: Q.FuzzyTerm) -> Q.Query:
        """``word~``: the word and its known neighbours, as plain terms."""
        word = fold(q.text)
        prefix = word[:FUZZY_PREFIX]
        near = [w for w in close_words(word, self.vocabulary, 1) if w.startswith(prefix)]
        words = [word, *near[:MAX_EXPANSIONS]]
        stems = dict.fromkeys(s for s in (normalize(w) for w in words) if s)
        if not stems:
            return Q.NullQuery
        return Q.Or([Q.Term(q.fieldname, s) for s in stems], boost=q.boost)

    def _multiterm(self, q: Q.MultiTerm, reader: Any) -> Q.Query:
        """``sover*``: the most frequent matching terms, not all of them."""
        found = []
        for btext in q._btexts(reader):
            found.append((reader.doc_frequency(q.fieldname, btext), btext))  # type: ignore[attr-defined]
        if not found:
            return Q.NullQuery
        found.sort(key=lambda pair: -pair[0])
        terms = [Q.Term(q.fieldname, b.decode("utf-8")) for _, b in found[:MAX_EXPANSIONS]]  # type: ignore[attr-defined]
        return Q.Or(terms, boost=q.boost)  # type: ignore[attr-defined]


def _with_heading(q: Q.Term, reader: Any) -> Q.Query:
    """``word`` in the text, or (weighted lower) in the section heading."""
    if ("heading", q.text) not in reader:  # most words never occur in a heading
        return q
    return Q.Or([q, Q.Term("heading", q.text, boost=q.boost * HEADING_BOOST)])


def highlight_terms(q: Q.Query) -> set[tuple[str, ...]]:
    """What the query asks for in the free text (not NOT-ed), as stem sequences.

    A word is a 1-tuple; a phrase ("Arms Trade Treaty", an acronym's expansion)
    stays one sequence, so only the whole phrase is marked, never each of its
    words wherever it occurs ("arms" alone, "armed").
    """
    found: set[tuple[str, ...]] = set()

    def walk(node: Q.Query) -> None:
        if isinstance(node, Q.Not):
            return
        if isinstance(node, Q.Term) and node.fieldname == "text":
            found.add((str(node.text),))
        elif isinstance(node, Q.Phrase) and node.fieldname == "text":
            found.add(tuple(str(w) for w in node.words))
        for child in node.children():
            walk(child)

    walk(q)
    return found


def filter_query(filters: Mapping[str, Any] | None) -> Q.Query | None:
    """Filters dict -> a Whoosh filter: values of one key OR-ed, keys AND-ed."""
    if not filters:
        return None
    clauses: list[Q.Query] = []
    for key, value in filters.items():
        if value in (None, "", [], ()):
            continue
        field = "section_path" if key == "section" else FACET_FIELDS.get(key)
        if field is None:
            raise ValueError(f"unknown filter {key!r} (use {', '.join(FACET_FIELDS)})")
        values = value if isinstance(value, list | tuple | set) else [value]
        if field == "refs":
            values = [str(v).lower() for v in values]
        clauses.append(Q.Or([Q.Term(field, str(v)) for v in values]))
    return Q.And(clauses) if clauses else None


def corrected_query(text: str, vocabulary: Vocabulary, *, deep: bool = False) -> str | None:
    """The query with misspelt plain words replaced, or None when nothing changed."""
    changed = False
    out = []
    for token in _TOKEN_RE.findall(text):
        if token in _OPERATORS or not token.isalpha():
            out.append(token)
            continue
        better = suggest(fold(token), vocabulary, deep=deep)
        if better:
            changed = True
            out.append(better)
        else:
            out.append(token)
    return " ".join(out) if changed else None


def _plain_words(text: str) -> str:
    """Fallback when the query does not parse: its words, AND-ed."""
    return " ".join(re.findall(r"\w+", text)) or "*"
