"""spaCy's AttributeRuler without its token Matcher for one-token patterns.

The model's attribute ruler (its tag map and morphology exceptions: 179 patterns) ran its patterns
through spaCy's Matcher, which cost about a tenth of the statistical pipeline on the bench corpus
(bench/README.md). Nearly all of them test one token for equal values (TAG, LOWER, DEP, IS_SPACE)
or IN / NOT_IN sets of values; `FastAttributeRules` tests those from the token attribute arrays
through lookup tables by TAG and LOWER, and leaves every other pattern (regular expressions,
patterns of several tokens) to a Matcher of its own.

The output is the ruler's own: all patterns are tested on the doc as the ruler receives it, then
each token gets the attributes of the patterns that matched it in the order they were added (later
ones win), through spaCy's own `set_token_attrs`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# the token attributes the fast path reads, in the column order of `Doc.to_array`
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Test = tuple[int, str, object]   # (column, "eq" | "in" | "not_in", hash or set of hashes)


def _value_id(vocab, value) -> int:
    # The Matcher compares hashes of strings ("" hashes to 0: a missing DEP) and booleans as 0/1.
    return int(value) if isinstance(value, bool) else vocab.strings.add(value)


def compile_token(vocab, token: dict) -> list[Test] | None:
    """The tests of one pattern token, or None when the fast path cannot read it."""
    tests: list[Test] = []
    for attr, value in token.items():
        if attr not in COLUMNS:
            return None
        column = COLUMNS[attr]
        if isinstance(value, (str, bool)):
            tests.append((column, "eq", _value_id(vocab, value)))
            continue
        if not (isinstance(value, dict) and len(value) == 1):
            return None
        kind, values = next(iter(value.items()))
        if kind in ("IN", "NOT_IN") and all(isinstance(v, str) for v in values):
            tests.append((column, kind.lower(), frozenset(_value_id(vocab, v) for v in values)))
        elif kind == "REGEX" and isinstance(values, str) and attr != "IS_SPACE":
            tests.append((column, "regex", re.compile(values)))  # spaCy's REGEX: re.search on the text
        else:
            return None
    return tests


@dataclass(frozen=True)
class _Pattern:
    attr_id: int
    first: tuple[Test, ...]          # the tests of its first token
    later: tuple[tuple[Test, ...], ...]  # the tests of its other tokens
    index: int                       # which of its tokens gets the attributes (may be negative)


class FastAttributeRules:
    """`match` and `set_annotations` for an AttributeRuler, with its patterns tested in Python on
    the token attribute arrays. Attach with `install(ruler)`."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        vocab = ruler.vocab
        self.patterns: list[_Pattern] = []
        self.rest = Matcher(vocab)
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)  # the ruler's own key of its pattern number attr_id
            for pattern in ruler.matcher.get(key)[1]:
                tokens = [compile_token(vocab, token) for token in pattern]
                if not tokens or any(t is None for t in tokens):
                    self.rest.add(key, [pattern])
                else:
                    self.patterns.append(_Pattern(attr_id, tuple(tokens[0]), tuple(map(tuple, tokens[1:])),
                                                  ruler.indices[attr_id]))
        self.strings = vocab.strings
        # What a token's (TAG, LOWER, DEP, IS_SPACE) row starts: most rows recur ('the', ','), so
        # each is tested against the patterns once per process (the table is emptied when large).
        self._starts: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Pattern, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _started_by(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[_Pattern, ...]]:
        """(ids of the one-token patterns `row` matches, longer patterns whose first token it matches)."""
        got = self._starts.get(row)
        if got is None:
            matched = [p for p in self.patterns if self._passes(row, p.first)]
            got = (tuple(p.attr_id for p in matched if not p.later),
                   tuple(p for p in matched if p.later))
            if len(self._starts) >= 200_000:
                self._starts.clear()
            self._starts[row] = got
        return got

    def _passes(self, row, tests) -> bool:
        for column, kind, value in tests:
            actual = row[column]
            if kind == "eq":
                ok = actual == value
            elif kind == "in":
                ok = actual in value
            elif kind == "not_in":
                ok = actual not in value
            else:
                ok = value.search(self.strings[actual]) is not None
            if not ok:
                return False
        return True

    def match(self, doc: Doc) -> list[tuple[int, tuple[int, ...]]]:
        """(token index, ids of the patterns that set its attributes, in order) for each token matched."""
        self.strings = doc.vocab.strings  # the texts behind the hashes a REGEX test reads
        rows = [tuple(r) for r in doc.to_array(ARRAY_ATTRS).tolist()] if len(doc) else []
        out: list[tuple[int, tuple[int, ...]]] = []
        extra: dict[int, list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            singles, longer = self._started_by(row)
            if singles:
                out.append((i, singles))
            for p in longer:
                end = i + 1 + len(p.later)
                if end <= len(rows) and all(self._passes(rows[i + 1 + k], tests) for k, tests in enumerate(p.later)):
                    extra[range(i, end)[p.index]].append(p.attr_id)
        if len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True):
                attr_id = int(self.strings[match_id])
                # the ruler checks the index against the span (negative ones count from its end)
                extra[range(start, end)[self.ruler.indices[attr_id]]].append(attr_id)
        if extra:
            ids = {i: list(singles) for i, singles in out}
            for i, more in extra.items():
                ids.setdefault(i, []).extend(more)
            out = [(i, tuple(sorted(ids[i]))) for i in sorted(ids)]
        return out

    def set_annotations(self, doc: Doc, matches: Iterable[tuple[int, tuple[int, ...]]]) -> None:
        for i, attr_ids in matches:
            set_token_attrs(doc[i], self._attrs(attr_ids))

    def _attrs(self, attr_ids: tuple[int, ...]) -> dict:
        # Each pattern's attributes in turn, later ones overwriting: one dict per combination.
        merged = self._merged.get(attr_ids)
        if merged is None:
            merged = {}
            for attr_id in attr_ids:
                merged.update(self.ruler.attrs[attr_id])
            self._merged[attr_ids] = merged
        return merged


def install(ruler: AttributeRuler) -> FastAttributeRules:
    """Make `ruler` match and annotate through FastAttributeRules (its __call__ and pipe use both)."""
    rules = FastAttributeRules(ruler)
    ruler.match = rules.match
    ruler.set_annotations = rules.set_annotations
    return rules
