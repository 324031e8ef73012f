"""Token positions by word, lemma and part of speech, made once per article for every rule.

Most rules look for a few trigger words ('agree', 'supply', 'parliament') or one part of speech,
and used to find them by walking every token of the article: each walk makes a spaCy `Token` per
token and reads its strings, and twenty such walks were a fifth of the rule time of a build
(bench/README.md, extraction). `TokenIndex` reads the article's LOWER, LEMMA and POS columns with
one `Doc.to_array` and files the token positions under each distinct value, so a rule asks for
the positions of its words and makes `Token`s for those alone, in text order. A rule that then
tests its words again on each token gets the same tokens as its old walk did.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from heapq import merge

from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Token

# lemma hash -> lemma_.lower(): one `.lower()` per distinct lemma of the process, not per token
_LOWERED: dict[int, str] = {}
MAX_LOWERED = 500_000


class TokenIndex:
    """Sorted token positions of one doc, by `lower_`, by `lemma_.lower()` and by `pos_`."""

    def __init__(self, doc: Doc):
        self.doc = doc
        by_lower: dict[int, list[int]] = {}
        by_lemma: dict[int, list[int]] = {}
        by_pos: dict[int, list[int]] = {}
        for i, (lower, lemma, pos) in enumerate(doc.to_array([LOWER, LEMMA, POS]).tolist()):
            by_lower.setdefault(lower, []).append(i)
            by_lemma.setdefault(lemma, []).append(i)
            by_pos.setdefault(pos, []).append(i)
        strings = doc.vocab.strings
        self.lower = {strings[key]: at for key, at in by_lower.items()}
        self.pos = {strings[key]: at for key, at in by_pos.items()}
        self.lemma: dict[str, list[int]] = {}
        if len(_LOWERED) > MAX_LOWERED:
            _LOWERED.clear()
        for key, at in by_lemma.items():
            word = _LOWERED.get(key)
            if word is None:
                word = _LOWERED[key] = strings[key].lower()
            known = self.lemma.get(word)
            # 'Agree' and 'agree' are two lemmas and one lower-cased lemma
            self.lemma[word] = at if known is None else sorted(known + at)

    def with_lower(self, words: Collection[str]) -> list[int]:
        """Positions of the tokens whose `lower_` is one of `words`, in text order."""
        return _positions(self.lower, words)

    def with_lemma(self, words: Collection[str]) -> list[int]:
        """Positions of the tokens whose `lemma_.lower()` is one of `words`, in text order."""
        return _positions(self.lemma, words)

    def with_pos(self, tags: Collection[str]) -> list[int]:
        """Positions of the tokens whose `pos_` is one of `tags` ('VERB', 'NOUN'), in text order."""
        return _positions(self.pos, tags)

    def with_lemma_or_lower(self, words: Collection[str]) -> list[int]:
        """Positions of the tokens whose lower-cased lemma or text is one of `words`, in text order."""
        return _union(self.with_lemma(words), self.with_lower(words))

    def tokens(self, positions: Iterable[int]) -> list[Token]:
        """The tokens at `positions`."""
        doc = self.doc
        return [doc[i] for i in positions]


def _positions(table: dict[str, list[int]], words: Collection[str]) -> list[int]:
    keys = table.keys() & words if len(words) > len(table) else [w for w in words if w in table]
    if not keys:
        return []
    if len(keys) == 1:
        return list(table[next(iter(keys))])
    return sorted(i for key in keys for i in table[key])


def _union(one: list[int], two: list[int]) -> list[int]:
    if not one or not two:
        return one or two
    out: list[int] = []
    for i in merge(one, two):
        if not out or out[-1] != i:
            out.append(i)
    return out
