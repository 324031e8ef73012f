"""Whether a reported deal is really concluded: hedges (offers, plans, futures, negations), deals
undone (rejected, scrapped) and deals signed by one side only (GOLD_SCHEMA policy)."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext

__all__ = ["hedged", "undone", "named_in_passing_plan"]


def undone(ctx: ArticleContext, noun: Token) -> bool:
    """'parliament rejected the deal', 'the pact collapsed', 'the scrapped treaty': not concluded."""
    undo = ctx.lex.words("undoing_verbs")
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.lemma_.lower() in undo:
        return True
    return any(c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() in undo for c in noun.children)


def named_in_passing_plan(ctx: ArticleContext, noun: Token) -> bool:
    """'talks on a new framework', 'the proposed treaty': the governing nouns up to the clause's verb
    say it is not concluded. (A verb above, 'discussed making use of the CEPA', does not: the treaty
    named is in force.)"""
    pending = ctx.lex.words("pending_nouns") | ctx.lex.words("hedge_words")
    negations = ctx.lex.words("negation_words")
    if any(c.dep_ in ("amod", "det", "neg", "acl", "relcl")
           and (c.lemma_.lower() in pending or c.lower_ in negations) for c in noun.children):
        return True  # 'the proposed treaty', 'no agreement', 'a deal expected in 2026'
    for anc in noun.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return False
        if anc.lemma_.lower() in pending:
            return True
    return False


def hedged(ctx: ArticleContext, noun: Token, verb: Token) -> bool:
    """Offers, plans, talks, negations, futures and deals still to be signed are not concluded."""
    hedges = ctx.lex.words("hedge_words")
    negations = ctx.lex.words("negation_words")
    pending = ctx.lex.words("pending_nouns")
    for tok in (noun, verb):
        for child in tok.children:
            if child.lower_ in negations or (child.dep_ in ("aux", "auxpass") and child.lower_ in hedges):
                return True
            if child.dep_ == "amod" and child.lemma_.lower() in hedges | pending:
                return True  # 'the proposed treaty', 'a draft agreement'
    if verb.pos_ == "NOUN" and any(c.lower_ in negations or c.dep_ == "aux" and c.lower_ in hedges
                                   for c in verb.head.children):
        return True  # 'the signing of a peace treaty is not possible'
    if _still_to_be_signed(ctx, noun):
        return True  # 'agreed a deal, which still has to be signed'
    if _awaits_signature(ctx, verb):
        return True  # 'signed by X but still awaiting the signature of Y': one side only
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "advcl", "pcomp"):
        return True  # "to sign", "plans to sign", "before signing"
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        return True  # 'which still has to be signed'
    return any(a.lemma_.lower() in hedges | pending for a in _governors(verb))


def _still_to_be_signed(ctx: ArticleContext, noun: Token) -> bool:
    """A clause of the noun that puts its signing ahead: 'which still has to be signed'."""
    signing = ctx.lex.words("signing_verbs")
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    return any(t.lemma_.lower() in signing and t.dep_ == "xcomp" and any(a.lower_ == "to" for a in t.children)
               for clause in clauses for t in clause.subtree)


def _awaits_signature(ctx: ArticleContext, verb: Token) -> bool:
    """'signed by X but still awaiting the signature of Y': one side has signed, the other not."""
    waiting = ctx.lex.words("awaiting_verbs")
    steps = ctx.lex.words("awaited_signatures")
    if verb.lemma_.lower() not in ctx.lex.words("signing_verbs"):
        return False  # 'concluded in December but still awaits signature': a concluded deal
    return any(c.dep_ == "conj" and c.lemma_.lower() in waiting
               and any(o.dep_ == "dobj" and o.lemma_.lower() in steps for o in c.children)
               for c in verb.children)


def _governors(verb: Token) -> list[Token]:
    """The words that govern the signing up to the first finite clause above it: 'plans to sign'
    and 'expected to sign' are hedged; 'after Solomon Islands struck a pact' inside a sentence
    about an effort is not."""
    out = []
    token = verb
    while token.head.i != token.i:
        finite = token.tag_ in ("VBD", "VBZ", "VBP")
        if finite and token.dep_ in ("advcl", "relcl", "acl", "conj", "parataxis", "ccomp"):
            break
        token = token.head
        out.append(token)
    return out
