"""Events told by the shape of a verb's phrase: a call by telephone, a body two people co-chaired."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext


def remote_talk(ctx: ArticleContext, verb: Token) -> bool:
    """'X spoke with Y by telephone', 'they talked by video link', 'X and Y discussed the deal in a phone
    call': a call is a consultation."""
    if verb.lemma_.lower() not in ctx.lex.words("remote_talk_verbs"):
        return False
    media = ctx.lex.words("remote_media")
    # the parser may hang 'in a phone call' on the object discussed ('discussed the crossing in a call')
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    # the parser sometimes takes 'by phone' for a passive's agent ('spoke by phone with X on Monday')
    return any(c.dep_ in ("prep", "agent") and _by_medium(ctx, c, media) for h in heads for c in h.children)


def _by_medium(ctx: ArticleContext, prep: Token, media: frozenset[str]) -> bool:
    """'by telephone', 'over a video link'; 'in a phone call', 'during a telephone conversation' (only a
    call: 'spoke in a video posted online' is a statement)."""
    calls = ctx.lex.words("call_nouns")
    for obj in (p for p in prep.children if p.dep_ == "pobj"):
        remote = obj.lower_ in media or obj.lemma_.lower() in media or any(m.lower_ in media for m in obj.children)
        if remote and (prep.lower_ in ("by", "over", "via") or prep.lower_ in ("in", "during") and obj.lemma_.lower() in calls):
            return True
    return False


def co_chaired_body(ctx: ArticleContext, verb: Token) -> bool:
    """'A and B co-chaired the Zambia-Tanzania Joint Permanent Commission', 'the JCC was co-chaired by
    A and B': two chairs of a body, in the past, held a session of it (a body that 'is co-chaired'
    by two states is only how it is run)."""
    doc = verb.doc
    if verb.i < 2 or (doc[verb.i - 2: verb.i].text + verb.lemma_).lower() not in ctx.lex.words("chairing_verbs"):
        return False  # the tokenizer splits 'co-chaired' into 'co', '-', 'chaired'
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in verb.children):
        return False
    # the tagger may take the 'co' of 'co-chaired' for the subject or an auxiliary: the body hangs on it then
    heads = [verb, doc[verb.i - 2]]
    bodies = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass") or h is not verb and c.dep_ == "nsubj"]
    # a body is named: an organisation the text knows, or a proper noun ('the JCC'); 'co-chaired the
    # session' is told by its event noun
    return any(b.pos_ == "PROPN" or ctx.mentions_in(b.left_edge.i, b.i + 1, ("organization",)) for b in bodies)
