"""Deals told as signed at an occasion already reported: 'At the same ceremony, the two ports signed ...'."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext
from relgraph.records import FactRecord


def at_the_same_occasion(ctx: ArticleContext, verb: Token) -> bool:
    """'At the same ceremony, A and B signed ...', 'on the same occasion ... and C and D signed ...':
    'same' points back at the signing the story has just told. The phrase may hang on the first of
    two coordinated signing verbs."""
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" and verb.head.i != verb.i else [])
    preps, nouns = ctx.lex.words("occasion_preps"), ctx.lex.words("ceremony_nouns")
    return any(prep.dep_ == "prep" and prep.lower_ in preps and _same_noun(obj, nouns)
               for v in verbs for prep in v.children for obj in prep.children if obj.dep_ == "pobj")


def _same_noun(noun: Token, nouns: frozenset[str]) -> bool:
    return noun.lemma_.lower() in nouns and any(c.dep_ == "amod" and c.lower_ == "same" for c in noun.children)


def occasion_signing(signed: list[FactRecord], before: int) -> FactRecord | None:
    """The latest deal signed before character `before`: the ceremony that 'the same ceremony' is."""
    earlier = [f for f in signed if f.evidence[0].start < before]
    return earlier[-1] if earlier else None
