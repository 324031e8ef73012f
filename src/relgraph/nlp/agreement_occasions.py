"""Deals told as signed at an occasion already reported: 'At the same ceremony, the two ports signed ...',
'The same day the two ministers signed ...'."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext
from relgraph.records import FactRecord, Ref


def at_the_same_occasion(ctx: ArticleContext, verb: Token) -> bool:
    """'At the same ceremony, A and B signed ...', 'on the same occasion ... and C and D signed ...':
    'same' points back at the signing the story has just told. The phrase may hang on the first of
    two coordinated signing verbs."""
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" and verb.head.i != verb.i else [])
    preps, nouns = ctx.lex.words("occasion_preps"), ctx.lex.words("ceremony_nouns")
    if any(prep.dep_ == "prep" and prep.lower_ in preps and _same_noun(obj, nouns)
           for v in verbs for prep in v.children for obj in prep.children if obj.dep_ == "pobj"):
        return True
    # 'The same day the two ministers signed ...': a time phrase without a preposition
    times = ctx.lex.words("same_time_nouns")
    return any(c.dep_ in ("npadvmod", "obl", "nsubj") and c.i < v.i and _same_noun(c, times)
               for v in verbs for c in v.children)


def _same_noun(noun: Token, nouns: frozenset[str]) -> bool:
    return noun.lemma_.lower() in nouns and any(c.dep_ == "amod" and c.lower_ == "same" for c in noun.children)


def ceremony_circumstances(signed: list[FactRecord], verb: Token, date: str | None, place: Ref | None,
                           parties: list[Ref]) -> tuple[str | None, Ref | None, list[Ref]]:
    """'At the same ceremony, the two ports signed ...': the deal was signed when and where the latest
    signing told before it was (`signed`, in text order), between the same states (its companies sign
    for them)."""
    earlier = [f for f in signed if f.evidence[0].start < verb.sent.start_char]
    if not earlier:
        return date, place, parties
    ceremony = earlier[-1]
    states = [r for r in ceremony.participants if r.kind == "state" and r not in parties]
    return date or ceremony.date, place or next(iter(ceremony.places), None), parties + states
